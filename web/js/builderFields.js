// The builder's controls as one table: configuration path, label, input kind and options. The
// dataset list comes from the server's /api/meta; the other lists name the engine's choices, and the
// server remains the judge of what is valid.

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
      { path: 'data.samples', label: 'Samples (synthetic sets)', kind: 'int' },
      { path: 'data.noise', label: 'Noise (synthetic sets)', kind: 'number' },
      { path: 'data.testFraction', label: 'Held-out fraction', kind: 'number' },
      { path: 'data.scaling', label: 'Scaling (real sets)', kind: 'select', options: SCALINGS },
      { path: 'seed', label: 'Seed', kind: 'int', help: 'Same seed: same data, same initial weights, same batch order.' },
    ],
  },
  {
    title: 'Network',
    fields: [
      { path: 'network.depth', label: 'Depth (hidden layers)', kind: 'int', uniform: true },
      { path: 'network.width', label: 'Width, every layer', kind: 'int', uniform: true },
      { path: 'network.activation', label: 'Activation, every layer', kind: 'select', options: ACTIVATIONS, uniform: true },
      { path: 'network.init.kind', label: 'Initializer', kind: 'select', options: INITIALIZERS },
      { path: 'network.init.sigma', label: 'σ for normal', kind: 'number' },
      { path: 'network.init.limit', label: 'Limit ± for uniform', kind: 'number' },
      { path: 'network.init.gain', label: 'Gain', kind: 'number' },
      { path: 'network.batchNorm', label: 'Batch normalization', kind: 'bool' },
      { path: 'network.dropout', label: 'Dropout rate', kind: 'number' },
    ],
  },
  {
    title: 'Training',
    fields: [
      { path: 'training.optimizer', label: 'Optimizer', kind: 'select', options: OPTIMIZERS },
      { path: 'training.learningRate', label: 'Learning rate', kind: 'number' },
      { path: 'training.schedule.kind', label: 'Schedule', kind: 'select', options: SCHEDULES },
      { path: 'training.schedule.stepEpochs', label: 'Step schedule: epochs per drop', kind: 'int' },
      { path: 'training.schedule.gamma', label: 'Step / exponential factor γ', kind: 'number' },
      { path: 'training.schedule.minLearningRate', label: 'Cosine: final learning rate', kind: 'number' },
      { path: 'training.batchSize', label: 'Batch size', kind: 'int' },
      { path: 'training.epochs', label: 'Epochs', kind: 'int' },
      { path: 'training.weightDecay', label: 'L2 (weight decay)', kind: 'number' },
      { path: 'training.clipNorm', label: 'Clip gradient norm (0 = off)', kind: 'number' },
      { path: 'training.clipValue', label: 'Clip gradient value (0 = off)', kind: 'number' },
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

/** Parses an input's text as the field's kind. Returns {value} or {error} naming what is allowed. */
export function parseFieldValue(field, raw) {
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
  return { value };
}
