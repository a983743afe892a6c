// Shapes of the statistics records as they arrive in JSON (see docs/statistics.md for what each
// field means). A string names a leaf type; an object is a nested record; [shape] is a list of it.
// A trailing '?' marks a field that may be missing or null.

export const HISTOGRAM = Object.freeze({ edges: 'numbers', counts: 'numbers' });

export const SUMMARY = Object.freeze({
  count: 'number', mean: 'number', std: 'number', min: 'number', max: 'number', 'histogram?': HISTOGRAM,
});

export const UNIT_SAMPLE = Object.freeze({
  indices: 'numbers', meanActivation: 'numbers', meanAbsActivationGradient: 'numbers', dead: 'booleans', saturated: 'booleans',
});

export const LAYER_STATS = Object.freeze({
  layerIndex: 'number',
  fanIn: 'number',
  width: 'number',
  activationName: 'string',
  preActivation: SUMMARY,
  activation: SUMMARY,
  saturatedFraction: 'number',
  deadFraction: 'number',
  'weightGradient?': SUMMARY,
  weightGradientNorm: 'number',
  biasGradientNorm: 'number',
  activationGradientNorm: 'number',
  weightNorm: 'number',
  updateRatio: 'number',
  predictedVariance: 'number',
  'units?': UNIT_SAMPLE,
});

export const EPOCH_STATS = Object.freeze({
  epoch: 'number',
  step: 'number',
  trainLoss: 'number',
  trainAccuracy: 'number',
  testLoss: 'number',
  testAccuracy: 'number',
  learningRate: 'number',
  samplesPerSecond: 'number',
  layers: [LAYER_STATS],
});
