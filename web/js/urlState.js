// The whole setup as URL query parameters, from one declarative table: each row maps a short query
// key to a path in the configuration JSON, with its type and the page's default. Only values that
// differ from the default are written, so links stay short; reading a link fills in the defaults.

import { decodeLayers, encodeLayers } from './layersCodec.js';

/** One row per setting: query key, configuration path, type, default (the engine's, see docs/configuration.md). */
export const URL_FIELDS = Object.freeze([
  ['name', 'name', 'string', 'custom'],
  ['seed', 'seed', 'int', 42],
  ['dataset', 'data.dataset', 'enum', 'spirals'],
  ['samples', 'data.samples', 'int', 1000],
  ['noise', 'data.noise', 'number', 0.1],
  ['test', 'data.testFraction', 'number', 0.2],
  ['arms', 'data.arms', 'int', 2],
  ['scaling', 'data.scaling', 'enum', 'unit-range'],
  ['depth', 'network.depth', 'int', 4],
  ['width', 'network.width', 'int', 32],
  ['act', 'network.activation', 'enum', 'relu'],
  ['layers', 'network.hiddenLayers', 'layers', null],
  ['leak', 'network.leakySlope', 'number', 0.01],
  ['bn', 'network.batchNorm', 'bool', false],
  ['dropout', 'network.dropout', 'number', 0],
  ['init', 'network.init.kind', 'enum', 'he-normal'],
  ['sigma', 'network.init.sigma', 'number', 1],
  ['limit', 'network.init.limit', 'number', 1],
  ['gain', 'network.init.gain', 'number', 1],
  ['bias', 'network.init.bias', 'number', 0],
  ['loss', 'network.loss', 'enum', 'softmax-cross-entropy'],
  ['opt', 'training.optimizer', 'enum', 'sgd'],
  ['lr', 'training.learningRate', 'number', 0.1],
  ['momentum', 'training.momentum', 'number', 0.9],
  ['beta1', 'training.beta1', 'number', 0.9],
  ['beta2', 'training.beta2', 'number', 0.999],
  ['rho', 'training.rho', 'number', 0.9],
  ['eps', 'training.epsilon', 'number', 1e-8],
  ['batch', 'training.batchSize', 'int', 32],
  ['epochs', 'training.epochs', 'int', 20],
  ['l2', 'training.weightDecay', 'number', 0],
  ['clipNorm', 'training.clipNorm', 'number', 0],
  ['clipValue', 'training.clipValue', 'number', 0],
  ['schedule', 'training.schedule.kind', 'enum', 'constant'],
  ['stepEpochs', 'training.schedule.stepEpochs', 'int', 10],
  ['gamma', 'training.schedule.gamma', 'number', 0.5],
  ['minLr', 'training.schedule.minLearningRate', 'number', 0],
  ['evalSamples', 'stats.evalSamples', 'int', 256],
  ['bins', 'stats.histogramBins', 'int', 30],
  ['everySteps', 'stats.everySteps', 'int', 0],
  ['unitSample', 'stats.unitSample', 'int', 32],
].map(([key, path, type, fallback]) => Object.freeze({ key, path, type, fallback })));

/** Returns the page's default configuration: every table row at its default. */
export function defaultConfig() {
  const config = {};
  for (const field of URL_FIELDS) {
    if (field.fallback !== null) {
      setPath(config, field.path, field.fallback);
    }
  }
  return config;
}

/**
 * Returns `config` with every missing table setting at its default, as the server reads it. A
 * configuration with per-layer settings keeps no depth, width or activation.
 */
export function withDefaults(config) {
  const merged = mergeConfig(defaultConfig(), config);
  if (Array.isArray(getPath(merged, 'network.hiddenLayers'))) {
    for (const path of ['network.depth', 'network.width', 'network.activation']) {
      deletePath(merged, path);
    }
  }
  return merged;
}

/** Copies `base` with `overrides` (a partial configuration) laid over it, object by object. */
export function mergeConfig(base, overrides) {
  const merged = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) {
    const nested = value !== null && typeof value === 'object' && !Array.isArray(value);
    merged[key] = nested ? mergeConfig(merged[key] || {}, value) : structuredClone(value);
  }
  return merged;
}

/**
 * Writes the settings of `config` that differ from the defaults as query parameters, each key
 * prefixed with `prefix` (the compare run uses "b."). Per-layer settings replace depth, width and
 * activation, as in the configuration JSON.
 */
export function configToParams(config, params = new URLSearchParams(), prefix = '', base = defaultConfig()) {
  const perLayer = Array.isArray(getPath(config, 'network.hiddenLayers'));
  for (const field of URL_FIELDS) {
    if (perLayer && ['network.depth', 'network.width', 'network.activation'].includes(field.path)) {
      continue;
    }
    const value = getPath(config, field.path);
    if (value === undefined || value === null || sameValue(value, getPath(base, field.path))) {
      continue;
    }
    params.set(prefix + field.key, field.type === 'layers' ? encodeLayers(value) : String(value));
  }
  return params;
}

/**
 * Reads a configuration from query parameters on top of `base` (the defaults, or run A's
 * configuration for the compare run). Returns {config, errors}; each error is {field, value, allowed},
 * the same shape as the server's, and leaves that setting at its base value.
 */
export function paramsToConfig(params, prefix = '', base = defaultConfig()) {
  const config = structuredClone(base);
  const errors = [];
  for (const field of URL_FIELDS) {
    const raw = params.get(prefix + field.key);
    if (raw === null) {
      continue;
    }
    const parsed = parseValue(field, raw);
    if (parsed.error) {
      errors.push({ field: field.path, value: raw, allowed: parsed.error });
      continue;
    }
    setPath(config, field.path, parsed.value);
  }
  if (Array.isArray(getPath(config, 'network.hiddenLayers'))) {
    for (const path of ['network.depth', 'network.width', 'network.activation']) {
      deletePath(config, path);
    }
  }
  return { config, errors };
}

function parseValue(field, raw) {
  switch (field.type) {
    case 'int':
      return /^-?\d+$/.test(raw) ? { value: Number(raw) } : { error: 'an integer' };
    case 'number': {
      const value = Number(raw);
      return raw.trim() !== '' && Number.isFinite(value) ? { value } : { error: 'a finite number' };
    }
    case 'bool':
      return raw === 'true' || raw === 'false' ? { value: raw === 'true' } : { error: 'true or false' };
    case 'enum':
      return /^[a-z0-9-]+$/.test(raw) ? { value: raw } : { error: 'a lowercase name such as he-normal' };
    case 'layers':
      return decodeLayers(raw);
    default:
      return { value: raw };
  }
}

function sameValue(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Reads a dotted path such as "training.learningRate" from a nested object. */
export function getPath(object, path) {
  return path.split('.').reduce((node, key) => (node == null ? undefined : node[key]), object);
}

/** Sets a dotted path in a nested object, creating the objects on the way. */
export function setPath(object, path, value) {
  const keys = path.split('.');
  let node = object;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) {
      node[key] = {};
    }
    node = node[key];
  }
  node[keys[keys.length - 1]] = value;
}

function deletePath(object, path) {
  const keys = path.split('.');
  const parent = getPath(object, keys.slice(0, -1).join('.'));
  if (parent && typeof parent === 'object') {
    delete parent[keys[keys.length - 1]];
  }
}
