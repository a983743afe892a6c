import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allFields, COMPARE_PATHS, parseFieldValue } from '../js/builderFields.js';
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
  assert.deepEqual(parseFieldValue(rate, '-5'), { value: -5 }, 'range checks are the server\'s');
  assert.ok(parseFieldValue(rate, 'fast').error);
  assert.ok(parseFieldValue(rate, '').error);
});

test('integers reject fractions', () => {
  const depth = { kind: 'int' };
  assert.deepEqual(parseFieldValue(depth, '12'), { value: 12 });
  assert.equal(parseFieldValue(depth, '2.5').error, 'a whole number');
});
