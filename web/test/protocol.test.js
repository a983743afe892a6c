import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandMessage, fieldErrors, helloMessage, parseServerMessage, ProtocolError } from '../js/protocol.js';
import { epochStats } from './fixtures.js';

test('epoch frame parses with all scalars', () => {
  const message = parseServerMessage(JSON.stringify({ type: 'epoch', stats: epochStats(3, [1e-6, 1e-3, 0.5]) }));
  assert.equal(message.type, 'epoch');
  assert.equal(message.stats.epoch, 3);
  assert.equal(message.stats.layers.length, 3);
  assert.equal(message.stats.layers[0].activationGradientNorm, 1e-6);
  assert.equal(message.stats.layers[0].activation.histogram, null, 'heavy parts arrive separately');
});

test('NaN and infinities arrive as strings', () => {
  const stats = epochStats(4, [1, 2]);
  stats.trainLoss = 'NaN';
  stats.layers[1].weightGradientNorm = 'Infinity';
  stats.layers[0].updateRatio = '-Infinity';
  const message = parseServerMessage(JSON.stringify({ type: 'epoch', stats }));
  assert.ok(Number.isNaN(message.stats.trainLoss));
  assert.equal(message.stats.layers[1].weightGradientNorm, Infinity);
  assert.equal(message.stats.layers[0].updateRatio, -Infinity);
});

test('missing field named with its path', () => {
  const stats = epochStats(1, [1, 2]);
  delete stats.layers[1].deadFraction;
  assert.throws(
    () => parseServerMessage(JSON.stringify({ type: 'epoch', stats })),
    (error) => error instanceof ProtocolError && error.path === 'epoch.stats.layers[1].deadFraction',
  );
});

test('wrong type named with its path', () => {
  const stats = epochStats(1, [1]);
  stats.layers[0].activation.std = 'wide';
  assert.throws(
    () => parseServerMessage(JSON.stringify({ type: 'epoch', stats })),
    (error) => error.path === 'epoch.stats.layers[0].activation.std' && /expected a number, got "wide"/.test(error.message),
  );
});

test('malformed frames rejected', () => {
  assert.throws(() => parseServerMessage('{not json'), /not JSON/);
  assert.throws(() => parseServerMessage('[1,2]'), /string "type"/);
  assert.throws(() => parseServerMessage('{"type":"surprise"}'), /unknown message type "surprise"/);
});

test('welcome with other protocol version rejected', () => {
  const welcome = {
    type: 'welcome', protocolVersion: 2, sessionId: 'abc', role: 'viewer', viewerCount: 1, config: {},
    state: { status: 'ready', epoch: 0, step: 0, learningRate: 0.1, epochsPerSecond: 5 },
  };
  assert.throws(() => parseServerMessage(JSON.stringify(welcome)), /version 1, server 2/);
  welcome.protocolVersion = 1;
  assert.equal(parseServerMessage(JSON.stringify(welcome)).role, 'viewer');
});

test('detail frame keeps histograms by field', () => {
  const frame = {
    type: 'detail', epoch: 3, step: 96, done: true,
    layers: [{
      layerIndex: 0,
      histograms: { activation: { edges: [0, 0.5, 1], counts: [4, 6] }, weightGradient: null },
      units: { indices: [0, 1], meanActivation: [0.4, 'NaN'], meanAbsActivationGradient: [1e-7, 2e-7], dead: [false, true], saturated: [false, false] },
    }],
  };
  const message = parseServerMessage(JSON.stringify(frame));
  assert.deepEqual(message.layers[0].histograms.activation.counts, [4, 6]);
  assert.equal(message.layers[0].histograms.weightGradient, undefined);
  assert.ok(Number.isNaN(message.layers[0].units.meanActivation[1]));
});

test('histogram edges must be numbers', () => {
  const frame = { type: 'detail', epoch: 1, step: 1, layers: [{ layerIndex: 0, histograms: { activation: { edges: ['a'], counts: [] } } }] };
  assert.throws(() => parseServerMessage(JSON.stringify(frame)), (e) => e.path === 'detail.layers[0].histograms.activation.edges[0]');
});

test('client messages', () => {
  assert.deepEqual(JSON.parse(helloMessage('key')), { type: 'hello', protocolVersion: 1, ownerKey: 'key' });
  assert.equal(JSON.parse(helloMessage()).ownerKey, null);
  assert.equal(commandMessage('stepEpoch'), '{"type":"stepEpoch"}');
  assert.throws(() => commandMessage('explode'), /unknown command explode/);
});

test('field errors from list or top level', () => {
  const body = {
    error: 'invalid configuration: 2 fields', field: 'network.depth', value: '500', allowed: '1 to 64',
    errors: [{ field: 'network.depth', value: '500', allowed: '1 to 64' }, { field: 'training.learningRate', value: '-1', allowed: '> 0' }],
  };
  assert.deepEqual(fieldErrors(body).map((e) => e.field), ['network.depth', 'training.learningRate']);
  const single = fieldErrors({ error: 'viewers may not start', field: 'type', value: 'start', allowed: 'ping' });
  assert.deepEqual(single, [{ field: 'type', value: 'start', allowed: 'ping', error: 'viewers may not start' }]);
});

test('prediction frame with boundary and samples', () => {
  const frame = {
    type: 'prediction', epoch: 2, step: 50,
    boundary: { xMin: -1, xMax: 1, yMin: -1, yMax: 1, columns: 2, rows: 1, predicted: [0, 1], confidence: [0.9, 'NaN'] },
    samples: { imageShape: [2, 2], pixels: ['AAAAAA=='], label: [3], predicted: [3] },
    classNames: ['a', 'b'],
  };
  const message = parseServerMessage(JSON.stringify(frame));
  assert.deepEqual(message.boundary.predicted, [0, 1]);
  assert.ok(Number.isNaN(message.boundary.confidence[1]));
  assert.equal(message.points, null);
  assert.deepEqual(message.samples.pixels, ['AAAAAA==']);
});

test('image prediction frame keeps confidence', () => {
  const frame = {
    type: 'prediction', epoch: 5, step: 220,
    samples: { imageShape: [8, 8], pixels: ['AAAAAA=='], label: [0], predicted: [0], confidence: ['NaN'] },
    classNames: ['0', '1'],
  };
  const message = parseServerMessage(JSON.stringify(frame));
  assert.equal(message.boundary, null);
  assert.deepEqual(message.samples.imageShape, [8, 8]);
  assert.ok(Number.isNaN(message.samples.confidence[0]));
});

test('prediction frame with bad pixels rejected', () => {
  const frame = { type: 'prediction', epoch: 2, step: 50, samples: { imageShape: [2, 2], pixels: [7], label: [3], predicted: [3] } };
  assert.throws(() => parseServerMessage(JSON.stringify(frame)), (e) => e.path === 'prediction.samples.pixels[0]');
});
