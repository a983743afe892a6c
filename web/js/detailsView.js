// The selected layer's numbers, shown when a layer is clicked on the canvas or chosen with the
// arrow keys. Its histograms are in the histogram chart, which follows the same selection.

import { el, replaceChildren } from './dom.js';
import { formatNumber, formatPercent, formatScientific } from './format.js';
import { chooseReduction, LAYOUT_DEFAULTS } from './layout.js';
import { latestStats } from './runState.js';

export function createDetailsView(container) {
  let drawnKey = '';

  function render(run, layerIndex) {
    const stats = latestStats(run);
    const layer = stats?.layers[layerIndex];
    const key = `${stats?.step}:${layerIndex}:${run?.details[layerIndex]?.step}`;
    if (key === drawnKey) {
      return;
    }
    drawnKey = key;
    if (!layer) {
      replaceChildren(container, el('p', {}, 'Click a layer on the network, or focus it and use the arrow keys, to see its numbers here.'));
      return;
    }
    const sampleSize = run.details[layerIndex]?.units?.indices.length ?? 0;
    const reduction = chooseReduction({ width: layer.width, sampleSize }, LAYOUT_DEFAULTS.maxUnitsDrawn);
    const rows = [
      ['units', `${layer.width} (fan-in ${layer.fanIn})`],
      ['activation function', layer.activationName],
      ['pre-activation z mean ± std', `${formatNumber(layer.preActivation.mean)} ± ${formatNumber(layer.preActivation.std)}`],
      ['activation a mean ± std', `${formatNumber(layer.activation.mean)} ± ${formatNumber(layer.activation.std)}`],
      ['Var(a) measured / predicted', `${formatScientific(layer.activation.std ** 2)} / ${formatScientific(layer.predictedVariance)}`],
      ['saturated units', Number.isNaN(layer.saturatedFraction) ? 'not measured for the output layer' : formatPercent(layer.saturatedFraction)],
      ['dead units', Number.isNaN(layer.deadFraction) ? `not defined: ${layer.activationName} units cannot die` : formatPercent(layer.deadFraction)],
      ['‖∂L/∂a‖', formatScientific(layer.activationGradientNorm)],
      ['‖∂L/∂W‖', formatScientific(layer.weightGradientNorm)],
      ['‖∂L/∂b‖', formatScientific(layer.biasGradientNorm)],
      ['‖W‖', formatNumber(layer.weightNorm)],
      ['update / weight ratio', formatScientific(layer.updateRatio)],
    ];
    replaceChildren(container,
      el('h3', {}, `Layer ${layer.layerIndex}${layerIndex === stats.layers.length - 1 ? ' (output)' : ''}, epoch ${stats.epoch}`),
      el('dl', { className: 'details-list' }, rows.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)])),
      reduction.note ? el('p', { className: 'chart-note' }, `Drawn as ${reduction.note}.`) : null);
  }

  return { render };
}
