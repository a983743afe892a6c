import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configToParams, defaultConfig, getPath, paramsToConfig, URL_FIELDS, withDefaults } from '../js/urlState.js';
import { decodeLayers, encodeLayers } from '../js/layersCodec.js';

test('default configuration gives empty query', () => {
  assert.equal(configToParams(defaultConfig()).toString(), '');
});

test('changed values appear under short keys', () => {
  const config = defaultConfig();
  config.network.activation = 'sigmoid';
  config.training.learningRate = 0.5;
  const query = configToParams(config).toString();
  assert.equal(query, 'act=sigmoid&lr=0.5');
});

test('every table field round trips', () => {
  const config = defaultConfig();
  config.name = 'deep sigmoid';
  config.seed = 7;
  config.data.dataset = 'mnist-small';
  config.data.samples = 300;
  config.data.noise = 0.25;
  config.data.testFraction = 0.3;
  config.data.arms = 3;
  config.data.scaling = 'standardize';
  config.network.depth = 12;
  config.network.width = 64;
  config.network.activation = 'leaky-relu';
  config.network.leakySlope = 0.2;
  config.network.batchNorm = true;
  config.network.dropout = 0.1;
  config.network.init = { kind: 'normal', sigma: 0.01, limit: 0.3, gain: 2, bias: 0.5 };
  config.network.loss = 'mse';
  config.training = {
    optimizer: 'adam', learningRate: 1e-3, momentum: 0.5, beta1: 0.8, beta2: 0.99, rho: 0.95, epsilon: 1e-6,
    batchSize: 64, epochs: 10, weightDecay: 1e-4, clipNorm: 1, clipValue: 0.5,
    schedule: { kind: 'cosine', stepEpochs: 5, gamma: 0.1, minLearningRate: 1e-4 },
  };
  config.stats = { evalSamples: 128, histogramBins: 20, everySteps: 5, unitSample: 16 };
  const query = configToParams(config).toString();
  const decoded = paramsToConfig(new URLSearchParams(query));
  assert.deepEqual(decoded.errors, []);
  assert.deepEqual(decoded.config, config);
  const changed = URL_FIELDS.filter((field) => field.type !== 'layers').length;
  assert.equal(new URLSearchParams(query).size, changed, 'every changed field is written once');
});

test('per-layer settings replace depth width activation', () => {
  const config = defaultConfig();
  config.network.hiddenLayers = [{ width: 64, activation: 'tanh' }, { width: 16, activation: 'relu', batchNorm: true, dropout: 0.1 }];
  delete config.network.depth;
  delete config.network.width;
  delete config.network.activation;
  const query = configToParams(config).toString();
  assert.ok(!query.includes('depth='));
  const decoded = paramsToConfig(new URLSearchParams(query));
  assert.deepEqual(decoded.config, config);
  assert.equal(getPath(decoded.config, 'network.depth'), undefined);
});

test('invalid values reported not clamped', () => {
  const decoded = paramsToConfig(new URLSearchParams('depth=1.5&lr=fast&bn=yes&act=Sig%20moid&seed=3'));
  assert.deepEqual(decoded.errors.map((e) => e.field), [
    'network.depth', 'network.activation', 'network.batchNorm', 'training.learningRate',
  ]);
  assert.equal(decoded.errors[0].value, '1.5');
  assert.equal(decoded.errors[0].allowed, 'an integer');
  assert.equal(decoded.config.network.depth, 4, 'an invalid setting keeps its default');
  assert.equal(decoded.config.seed, 3, 'valid settings still apply');
});

test('compare run reads prefixed keys over run A', () => {
  const runA = defaultConfig();
  runA.network.activation = 'sigmoid';
  runA.network.depth = 10;
  const runB = structuredClone(runA);
  runB.network.init.kind = 'glorot-normal';
  const params = configToParams(runA);
  configToParams(runB, params, 'b.', runA);
  assert.equal(params.toString(), 'depth=10&act=sigmoid&b.init=glorot-normal');
  const decodedA = paramsToConfig(params).config;
  const decodedB = paramsToConfig(params, 'b.', decodedA).config;
  assert.deepEqual(decodedA, runA);
  assert.deepEqual(decodedB, runB);
});

test('layer codec round trip', () => {
  const layers = [{ width: 64, activation: 'leaky-relu' }, { width: 8, activation: 'selu', batchNorm: true, dropout: 0.25 }];
  assert.equal(encodeLayers(layers), '64_leaky-relu,8_selu_bn_d0.25');
  assert.deepEqual(decodeLayers('64_leaky-relu,8_selu_bn_d0.25').value, layers);
});

test('layer codec rejects malformed text', () => {
  assert.ok(decodeLayers('64').error);
  assert.ok(decodeLayers('x_relu').error);
  assert.ok(decodeLayers('64_relu_dropout').error);
  assert.ok(decodeLayers('64_relu,,').error);
});

test('partial preset filled with defaults', () => {
  const full = withDefaults({ data: { dataset: 'mnist' }, network: { depth: 10, init: { kind: 'normal' } } });
  assert.equal(full.data.dataset, 'mnist');
  assert.equal(full.data.samples, 1000);
  assert.equal(full.network.depth, 10);
  assert.equal(full.network.width, 32);
  assert.deepEqual(full.network.init, { kind: 'normal', sigma: 1, limit: 1, gain: 1, bias: 0 });
  assert.equal(full.training.epochs, 20);
});

test('per-layer preset drops shorthand defaults', () => {
  const full = withDefaults({ network: { hiddenLayers: [{ width: 8, activation: 'tanh' }] } });
  assert.equal(full.network.depth, undefined);
  assert.equal(full.network.activation, undefined);
  assert.deepEqual(full.network.hiddenLayers, [{ width: 8, activation: 'tanh' }]);
});
