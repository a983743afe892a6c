// The builder's controls as one table: configuration path, label, input kind, options and allowed
// range. The dataset list comes from the server's /api/meta; the other lists name the engine's
// choices. The ranges copy the server's configuration limits (config/Limits.java), tightened by the
// session limits of /api/meta, so every invalid value is reported before anything is sent. The
// server checks again and stays the judge.

export const ACTIVATIONS = Object.freeze(['sigmoid', 'tanh', 'relu', 'leaky-relu', 'elu', 'selu', 'gelu', 'swish', 'softplus', 'linear']);
export const INITIALIZERS = Object.freeze(['normal', 'uniform', 'zeros', 'glorot-normal', 'glorot-uniform', 'he-normal', 'he-uniform', 'lecun-normal', 'lecun-uniform', 'orthogonal']);
export const OPTIMIZERS = Object.freeze(['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam']);
export const SCHEDULES = Object.freeze(['constant', 'step', 'exponential', 'cosine']);
export const SCALINGS = Object.freeze(['unit-range', 'standardize', 'none']);

export const BUILDER_GROUPS = Object.freeze([
  {
    title: 'Data',
    fields: [
      { path: 'data.dataset', label: 'Dataset', kind: 'select', options: 'datasets' },
      { path: 'data.samples', label: 'Samples (synthetic sets)', kind: 'int', min: 10, max: 100000 },
      { path: 'data.noise', label: 'Noise (synthetic sets)', kind: 'number', min: 0, max: 2 },
      { path: 'data.testFraction', label: 'Held-out fraction', kind: 'number', min: 0.05, max: 0.9 },
      { path: 'data.scaling', label: 'Scaling (real sets)', kind: 'select', options: SCALINGS },
      { path: 'seed', label: 'Seed', kind: 'int', help: 'Same seed: same data, same initial weights, same batch order.' },
    ],
  },
  {
    title: 'Network',
    fields: [
      { path: 'network.depth', label: 'Depth (hidden layers)', kind: 'int', uniform: true, min: 1, max: 64 },
      { path: 'network.width', label: 'Width, every layer', kind: 'int', uniform: true, min: 1, max: 1024 },
      { path: 'network.activation', label: 'Activation, every layer', kind: 'select', options: ACTIVATIONS, uniform: true },
      { path: 'network.init.kind', label: 'Initializer', kind: 'select', options: INITIALIZERS },
      { path: 'network.init.sigma', label: 'σ for normal', kind: 'number', min: 0, minExclusive: true, max: 100 },
      { path: 'network.init.limit', label: 'Limit ± for uniform', kind: 'number', min: 0, minExclusive: true, max: 100 },
      { path: 'network.init.gain', label: 'Gain', kind: 'number', min: 0, max: 100 },
      { path: 'network.batchNorm', label: 'Batch normalization', kind: 'bool' },
      { path: 'network.dropout', label: 'Dropout rate', kind: 'number', min: 0, max: 0.9 },
    ],
  },
  {
    title: 'Training',
    fields: [
      { path: 'training.optimizer', label: 'Optimizer', kind: 'select', options: OPTIMIZERS },
      { path: 'training.learningRate', label: 'Learning rate', kind: 'number', min: 0, minExclusive: true, max: 1000 },
      { path: 'training.schedule.kind', label: 'Schedule', kind: 'select', options: SCHEDULES },
      { path: 'training.schedule.stepEpochs', label: 'Step schedule: epochs per drop', kind: 'int', min: 1, max: 10000 },
      { path: 'training.schedule.gamma', label: 'Step / exponential factor γ', kind: 'number', min: 0, minExclusive: true, max: 1 },
      { path: 'training.schedule.minLearningRate', label: 'Cosine: final learning rate', kind: 'number', min: 0, max: 1000 },
      { path: 'training.batchSize', label: 'Batch size', kind: 'int', min: 1, max: 4096 },
      { path: 'training.epochs', label: 'Epochs', kind: 'int', min: 1, max: 10000 },
      { path: 'training.weightDecay', label: 'L2 (weight decay)', kind: 'number', min: 0, max: 1 },
      { path: 'training.clipNorm', label: 'Clip gradient norm (0 = off)', kind: 'number', min: 0, max: 1e6 },
      { path: 'training.clipValue', label: 'Clip gradient value (0 = off)', kind: 'number', min: 0, max: 1e6 },
    ],
  },
]);

/** Settings run B may change in compare mode; everything else is copied from run A. */
export const COMPARE_PATHS = Object.freeze([
  'network.activation', 'network.init.kind', 'network.init.sigma', 'network.depth', 'network.width',
  'network.batchNorm', 'training.optimizer', 'training.learningRate', 'training.clipNorm',
]);

/** Returns all builder fields in order, flattened. */
export function allFields() {
  return BUILDER_GROUPS.flatMap((group) => group.fields);
}

// Session limits of /api/meta and the fields whose maximum they lower.
const META_MAXIMA = Object.freeze({
  maxLayers: 'network.depth', maxWidth: 'network.width', maxEpochs: 'training.epochs', maxSamples: 'data.samples',
});

/** Returns the maxima {path: max} that the server's session limits (meta.limits) set. */
export function maximaFromMeta(limits = {}) {
  const maxima = {};
  for (const [key, path] of Object.entries(META_MAXIMA)) {
    if (Number.isFinite(limits[key])) {
      maxima[path] = limits[key];
    }
  }
  return maxima;
}

/**
 * Parses an input's text as the field's kind and checks its range, with `maxima` ({path: max}, from
 * maximaFromMeta) lowering a field's maximum. Returns {value} or {error} naming what is allowed.
 */
export function parseFieldValue(field, raw, maxima = {}) {
  if (field.kind === 'bool') {
    return { value: Boolean(raw) };
  }
  if (field.kind === 'select') {
    return { value: raw };
  }
  const text = String(raw).trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) {
    return { error: field.kind === 'int' ? 'a whole number' : 'a number, such as 0.01 or 1e-3' };
  }
  if (field.kind === 'int' && !Number.isInteger(value)) {
    return { error: 'a whole number' };
  }
  return checkRange(field, value, maxima[field.path]);
}

function checkRange(field, value, metaMax) {
  if (field.min === undefined && field.max === undefined) {
    return { value };
  }
  const max = Number.isFinite(metaMax) ? Math.min(metaMax, field.max ?? Infinity) : field.max;
  const aboveMin = field.min === undefined || (field.minExclusive ? value > field.min : value >= field.min);
  if (aboveMin && (max === undefined || value <= max)) {
    return { value };
  }
  return { error: describeRange(field, max) };
}

// Words a range as the server does, for example "an integer from 1 to 64" or "a number above 0 up to 1000".
function describeRange(field, max) {
  const kind = field.kind === 'int' ? 'an integer' : 'a number';
  const low = field.minExclusive ? `above ${field.min} up to` : `from ${field.min} to`;
  return `${kind} ${low} ${max}`;
}
