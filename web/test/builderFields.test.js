import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { allFields, COMPARE_PATHS, maximaFromMeta, parseFieldValue } from '../js/builderFields.js';
import { URL_FIELDS } from '../js/urlState.js';

test('every builder field is kept in the URL', () => {
  const urlPaths = new Set(URL_FIELDS.map((field) => field.path));
  for (const field of allFields()) {
    assert.ok(urlPaths.has(field.path), `${field.path} is missing from the URL table`);
  }
  for (const path of COMPARE_PATHS) {
    assert.ok(urlPaths.has(path), `${path} is missing from the URL table`);
  }
});

test('numbers parse without clamping', () => {
  const rate = { kind: 'number' };
  assert.deepEqual(parseFieldValue(rate, '1e-3'), { value: 0.001 });
  assert.deepEqual(parseFieldValue(rate, '-5'), { value: -5 }, 'a field without a range takes any number');
  assert.ok(parseFieldValue(rate, 'fast').error);
  assert.ok(parseFieldValue(rate, '').error);
});

test('integers reject fractions', () => {
  const depth = { kind: 'int' };
  assert.deepEqual(parseFieldValue(depth, '12'), { value: 12 });
  assert.equal(parseFieldValue(depth, '2.5').error, 'a whole number');
});

function field(path) {
  return allFields().find((entry) => entry.path === path);
}

test('out of range value rejected', () => {
  assert.equal(parseFieldValue(field('network.depth'), '500').error, 'an integer from 1 to 64');
  assert.equal(parseFieldValue(field('training.learningRate'), '0').error, 'a number above 0 up to 1000');
  assert.equal(parseFieldValue(field('data.testFraction'), '0.95').error, 'a number from 0.05 to 0.9');
});

test('range ends accepted', () => {
  assert.deepEqual(parseFieldValue(field('network.depth'), '64'), { value: 64 });
  assert.deepEqual(parseFieldValue(field('network.dropout'), '0'), { value: 0 });
});

test('meta limits lower maxima', () => {
  const maxima = maximaFromMeta({ maxLayers: 64, maxWidth: 1024, maxEpochs: 2000, maxSamples: 60000, maxSessions: 200 });

  assert.deepEqual(maxima, { 'network.depth': 64, 'network.width': 1024, 'training.epochs': 2000, 'data.samples': 60000 });
  assert.equal(parseFieldValue(field('training.epochs'), '5000', maxima).error, 'an integer from 1 to 2000');
  assert.deepEqual(parseFieldValue(field('training.epochs'), '5000'), { value: 5000 });
});

// The page's ranges must equal the server's, or a value passes here and fails there (or the reverse).
test('ranges match server limits', () => {
  const root = new URL('../../src/main/java/dev/layerscope/', import.meta.url);
  const limits = readFileSync(new URL('config/Limits.java', root), 'utf8');
  const dataSpec = readFileSync(new URL('data/DataSpec.java', root), 'utf8');
  const constants = Object.fromEntries([...dataSpec.matchAll(/static final \w+ (\w+) = ([\d_.]+);/g)].map((m) => [m[1], Number(m[2].replaceAll('_', ''))]));
  const number = (text) => {
    const name = text.trim().replace(/^DataSpec\./, '');
    return name in constants ? constants[name] : Number(name.replaceAll('_', ''));
  };
  const server = new Map([...limits.matchAll(/Range\.(closed|aboveZero)\("([\w.]+)", ([^)]+)\)/g)].map((m) => {
    const args = m[3].split(',');
    return [m[2], m[1] === 'closed' ? { min: number(args[0]), minExclusive: false, max: number(args[1]) } : { min: 0, minExclusive: true, max: number(args[0]) }];
  }));
  const ranged = allFields().filter((entry) => entry.max !== undefined);

  assert.ok(ranged.length >= 15, `only ${ranged.length} fields have a range`);
  for (const entry of ranged) {
    const expected = server.get(entry.path);
    assert.ok(expected, `the server has no range for ${entry.path}`);
    assert.deepEqual({ min: entry.min, minExclusive: Boolean(entry.minExclusive), max: entry.max }, expected, entry.path);
  }
  for (const entry of allFields().filter((candidate) => server.has(candidate.path))) {
    assert.ok(entry.max !== undefined, `${entry.path} has a server range but none in the page`);
  }
});
