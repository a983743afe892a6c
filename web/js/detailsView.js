// The selected layer's numbers, shown when a layer is clicked on the canvas or chosen with the
// arrow keys. Its histograms are in the histogram chart, which follows the same selection.

import { el, replaceChildren } from './dom.js';
import { layerRows } from './layerRows.js';
import { chooseReduction, LAYOUT_DEFAULTS } from './layout.js';
import { latestStats } from './runState.js';

export function createDetailsView(container) {
  let drawnKey = '';

  /** Shows the selected layer of `run`; `runLabel` (such as "Run A") names the run in compare mode. */
  function render(run, layerIndex, runLabel = null) {
    const stats = latestStats(run);
    const layer = stats?.layers[layerIndex];
    const key = `${runLabel}:${stats?.step}:${layerIndex}:${run?.details[layerIndex]?.step}`;
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
    const rows = layerRows(layer, { isOutput: layerIndex === stats.layers.length - 1, epoch: stats.epoch });
    replaceChildren(container,
      el('h3', {}, `${runLabel ? `${runLabel}, layer` : 'Layer'} ${layer.layerIndex}${layerIndex === stats.layers.length - 1 ? ' (output)' : ''}, epoch ${stats.epoch}`),
      el('dl', { className: 'details-list' }, rows.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)])),
      reduction.note ? el('p', { className: 'chart-note' }, `Drawn as ${reduction.note}.`) : null);
  }

  return { render };
}
