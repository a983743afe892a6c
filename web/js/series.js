// Chart series derived from a run's history (runHistory.js). Pure functions: the charts view calls
// them when the store changed and hands the result to Chart.js.

import { layerValue } from './runHistory.js';

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

/** 'step' when two snapshots shared an epoch (snapshots every N steps), otherwise 'epoch'. */
export function xField(history) {
  return history.repeatsEpoch ? 'step' : 'epoch';
}

/**
 * Builds one series per layer of `field` (one of LAYER_FIELDS) against epoch (or step), one point
 * per retained snapshot. A log axis cannot show zero, negative or non-finite values, so those
 * become gaps (y null) and are counted in `hidden`.
 */
export function layerSeries(history, field) {
  const x = xField(history);
  const layerCount = maxLayerCount(history);
  const series = [];
  let hidden = 0;
  for (let layer = 0; layer < layerCount; layer++) {
    const points = [];
    for (const entry of history.entries) {
      if (layer >= entry.layerCount) {
        continue;
      }
      const value = layerValue(entry, layer, field);
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

function maxLayerCount(history) {
  return history.entries.reduce((max, entry) => Math.max(max, entry.layerCount), 0);
}

/**
 * Describes the thinning of a history's chart series, or returns '' while every snapshot is drawn.
 * The ordinal is in English, as the page's other text.
 */
export function thinningNote(history) {
  if (history.stride === 1) {
    return '';
  }
  return `Showing ${history.entries.length.toLocaleString('en-US')} of ${history.received.toLocaleString('en-US')} snapshots: `
    + `the first, the latest and every ${ordinal(history.stride)} in between. The CSV and JSON Lines downloads contain every snapshot.`;
}

/** Returns the thinning notes of the runs' histories, prefixed with the run in compare mode, as one text. */
export function thinningNotes(runs) {
  return runs.map(({ run, prefix }) => {
    const note = thinningNote(run.history);
    return note && `${prefix}${note}`;
  }).filter(Boolean).join(' ');
}

function ordinal(n) {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' })[n % 10] || 'th';
  return `${n}${suffix}`;
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

/** Series of a snapshot scalar (one of SCALAR_FIELDS: trainLoss, testAccuracy, ...) against epoch or step. */
export function scalarSeries(history, field) {
  const x = xField(history);
  return history.entries.map((entry) => ({ x: entry[x], y: Number.isFinite(entry[field]) ? entry[field] : null }));
}

/**
 * Per-layer series of a fraction field (deadFraction or saturatedFraction), on a linear axis. The
 * engine sends NaN where the fraction is not defined (dead units of a sigmoid layer, the output
 * layer), and those points become gaps.
 */
export function fractionSeries(history, field) {
  const x = xField(history);
  return Array.from({ length: maxLayerCount(history) }, (_, layer) => history.entries
    .filter((entry) => layer < entry.layerCount)
    .map((entry) => {
      const value = layerValue(entry, layer, field);
      return { x: entry[x], y: Number.isFinite(value) ? value : null };
    }));
}

/** Name of a layer for legends: "layer 0" for the first hidden layer, "output (layer N)" for the last. */
export function layerName(layerIndex, layerCount) {
  return layerIndex === layerCount - 1 ? `output (layer ${layerIndex})` : `layer ${layerIndex}`;
}
