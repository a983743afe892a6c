// Chart series derived from a run's history of EpochStats. Pure functions: the charts view calls
// them when the store changed and hands the result to Chart.js.

/** Quantities of the gradient chart, each a LayerStats field, with what it means. */
export const GRADIENT_QUANTITIES = Object.freeze([
  Object.freeze({
    field: 'activationGradientNorm', label: '‖∂L/∂a‖ backward signal', axisTitle: 'norm (log scale)',
    meaning: 'How much the loss reacts to each layer\'s output: the signal that backpropagation carries toward the input. When it shrinks layer by layer, the early layers stop learning.',
  }),
  Object.freeze({
    field: 'weightGradientNorm', label: '‖∂L/∂W‖ weight gradient', axisTitle: 'norm (log scale)',
    meaning: 'The gradient the optimizer applies to the weights: ∂L/∂a times the layer\'s input. It can look healthy while both factors are collapsing, so read it beside ∂L/∂a.',
  }),
  Object.freeze({
    field: 'updateRatio', label: 'update / weight ratio', axisTitle: 'ratio (log scale)',
    meaning: 'Size of one update relative to the weights, ‖ΔW‖ / ‖W‖. Around 1e-3 is a common rule of thumb; far below means the layer is frozen, far above means it is thrashing.',
  }),
]);

/** Inserts `stats` into `history` (sorted by step), replacing an entry with the same step. Returns a new array. */
export function mergeEntry(history, stats) {
  // Live epochs arrive in order, so appending is the common case and skips the scan below.
  const last = history.length > 0 ? history[history.length - 1] : null;
  if (!last || last.step < stats.step) {
    return [...history, stats];
  }
  const next = history.filter((entry) => entry.step !== stats.step);
  const index = next.findIndex((entry) => entry.step > stats.step);
  if (index < 0) {
    next.push(stats);
  } else {
    next.splice(index, 0, stats);
  }
  return next;
}

/** 'epoch' when every entry has its own epoch, 'step' when snapshots are taken every N steps. */
export function xField(history) {
  const epochs = new Set(history.map((entry) => entry.epoch));
  return epochs.size === history.length ? 'epoch' : 'step';
}

/**
 * Builds one series per layer of `field` against epoch (or step). A log axis cannot show zero, negative
 * or non-finite values, so those become gaps (y null) and are counted in `hidden`.
 */
export function layerSeries(history, field) {
  const x = xField(history);
  const layerCount = history.reduce((max, entry) => Math.max(max, entry.layers.length), 0);
  const series = [];
  let hidden = 0;
  for (let layer = 0; layer < layerCount; layer++) {
    const points = [];
    for (const entry of history) {
      const stats = entry.layers[layer];
      if (!stats) {
        continue;
      }
      const value = stats[field];
      const plottable = Number.isFinite(value) && value > 0;
      if (!plottable) {
        hidden += 1;
      }
      points.push({ x: entry[x], y: plottable ? value : null });
    }
    series.push(points);
  }
  return { x, series, hidden };
}

/**
 * Ratio of `field` in the first hidden layer to the same field in the last layer (the output layer).
 * About 1 means the signal reaches the input intact; 1e-6 means the first layer gets a millionth.
 */
export function firstToLastRatio(stats, field) {
  if (!stats || stats.layers.length < 2) {
    return NaN;
  }
  const first = stats.layers[0][field];
  const last = stats.layers[stats.layers.length - 1][field];
  return last === 0 ? NaN : first / last;
}

/** Measured activation variance (std²) and the formula's prediction, per layer index. */
export function varianceProfile(stats) {
  if (!stats) {
    return { measured: [], predicted: [] };
  }
  return {
    measured: stats.layers.map((layer) => ({ x: layer.layerIndex, y: layer.activation.std ** 2 })),
    predicted: stats.layers.map((layer) => ({ x: layer.layerIndex, y: layer.predictedVariance })),
  };
}

/** Series of an EpochStats scalar (trainLoss, testAccuracy, ...) against epoch or step. */
export function scalarSeries(history, field) {
  const x = xField(history);
  return history.map((entry) => ({ x: entry[x], y: Number.isFinite(entry[field]) ? entry[field] : null }));
}

/**
 * Per-layer series of a fraction field (deadFraction or saturatedFraction), on a linear axis. The
 * engine sends NaN where the fraction is not defined (dead units of a sigmoid layer, the output
 * layer), and those points become gaps.
 */
export function fractionSeries(history, field) {
  const x = xField(history);
  const layerCount = history.reduce((max, entry) => Math.max(max, entry.layers.length), 0);
  return Array.from({ length: layerCount }, (_, layer) => history
    .filter((entry) => entry.layers[layer])
    .map((entry) => {
      const value = entry.layers[layer][field];
      return { x: entry[x], y: Number.isFinite(value) ? value : null };
    }));
}

/** Name of a layer for legends: "layer 0" for the first hidden layer, "output" for the last. */
export function layerName(layerIndex, layerCount) {
  return layerIndex === layerCount - 1 ? `output (${layerIndex})` : `layer ${layerIndex}`;
}
