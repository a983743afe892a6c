// The signal-flow canvas. On each new snapshot it plays a forward sweep, in which units take their
// new colour (by mean activation) column by column from input to output. A backward sweep follows,
// in which the arrows between layers take their new ‖∂L/∂a‖ from output to input. Until a sweep
// reaches a column, that column keeps the previous snapshot's look. With reduced motion the new
// snapshot is drawn at once.

import { formatScientific } from './format.js';
import { aggregateSlots, columnAt, layoutNetwork } from './layout.js';
import { latestStats } from './runState.js';
import { COMPACT_SPACING, drawColumn, drawGradientBand } from './networkDraw.js';

// Both sweeps together take at most this long, and at most 80% of the time between snapshots,
// so a fast run never shows a half-finished sweep for long.
const MAX_SWEEPS_MILLIS = 1400;
const MIN_SWEEPS_MILLIS = 200;

export function createNetworkView(canvas, { onSelectLayer }) {
  const context = canvas.getContext('2d');
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  let drawnStep = null;
  let sweepStart = 0;
  let sweepMillis = MAX_SWEEPS_MILLIS;
  let previous = null;
  let current = null;
  let layout = null;
  let selected = 0;

  canvas.addEventListener('click', (event) => {
    const bounds = canvas.getBoundingClientRect();
    const column = layout && columnAt(layout, event.clientX - bounds.left);
    if (column && column.layerIndex >= 0) {
      onSelectLayer(column.layerIndex);
    }
  });
  canvas.addEventListener('keydown', (event) => {
    const count = layout ? layout.columns.length - 1 : 0;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const next = selected + (event.key === 'ArrowRight' ? 1 : -1);
      onSelectLayer(Math.max(0, Math.min(count - 1, next)));
    }
  });

  /** Draws `run` (null before any session) and returns whether an animation is still playing. */
  function render(run, selectedLayer, now) {
    selected = selectedLayer;
    const stats = run ? latestStats(run) : null;
    resize();
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    context.clearRect(0, 0, width, height);
    if (!stats) {
      drawWaiting(width, height, run ? 'Waiting for the first statistics…' : 'No run yet: press Start, or Step epoch to train one epoch at a time.');
      return false;
    }
    if (stats.step !== drawnStep || (current && current.run !== run)) {
      const interval = drawnStep === null ? MAX_SWEEPS_MILLIS : now - sweepStart;
      sweepMillis = Math.max(MIN_SWEEPS_MILLIS, Math.min(MAX_SWEEPS_MILLIS, 0.8 * interval));
      drawnStep = stats.step;
      sweepStart = now;
      previous = current;
    }
    current = { run, stats, details: run.details };
    const progress = reducedMotion.matches ? 2 : (2 * (now - sweepStart)) / sweepMillis;
    const inputWidth = stats.layers[0]?.fanIn ?? 0;
    layout = layoutNetwork({
      inputWidth,
      layers: stats.layers.map((layer) => ({ width: layer.width, sampleSize: run.details[layer.layerIndex]?.units?.indices.length ?? 0 })),
      width,
      height,
    });
    drawFrame(progress);
    canvas.setAttribute('aria-label', describe(stats));
    return progress < 2;
  }

  function drawFrame(progress) {
    const columns = layout.columns;
    const forward = Math.min(1, progress) * columns.length;
    const backward = Math.max(0, Math.min(1, progress - 1)) * columns.length;
    for (let i = 1; i < columns.length; i++) {
      const reached = columns.length - i <= backward;
      const source = reached || !previous ? current : previous;
      const layer = source.stats.layers[i - 1];
      drawGradientBand(context, columns[i - 1], columns[i], layer ? layer.activationGradientNorm : NaN, reached || Boolean(previous), {
        front: progress >= 1 && progress < 2 && columns.length - i === Math.ceil(backward),
      });
    }
    columns.forEach((column, i) => {
      const reached = i < forward;
      const source = reached || !previous ? current : previous;
      const layer = column.layerIndex >= 0 ? source.stats.layers[column.layerIndex] : null;
      const units = layer ? source.details[column.layerIndex]?.units : null;
      drawColumn(context, column, layer, units ? slotValues(column, units) : null, {
        coloured: reached || Boolean(previous),
        front: progress < 1 && i === Math.floor(forward),
        selected: column.layerIndex === selected,
        compact: layout.spacingX < COMPACT_SPACING,
      });
    });
  }

  function drawWaiting(width, height, text) {
    context.fillStyle = '#555';
    context.font = '14px system-ui, sans-serif';
    context.textAlign = 'center';
    context.fillText(text, width / 2, height / 2);
    canvas.setAttribute('aria-label', text);
  }

  function resize() {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(canvas.clientWidth * ratio);
    const height = Math.round(canvas.clientHeight * ratio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
  }

  return { render };
}

// Per-slot mean activation, mean |∂L/∂a|, dead share and saturated share of the drawn units.
function slotValues(column, units) {
  const count = units.indices.length;
  const slots = column.source === 'sample' || count === column.width ? column.slots : [];
  return {
    activation: aggregateSlots(units.meanActivation, slots),
    gradient: aggregateSlots(units.meanAbsActivationGradient, slots),
    dead: aggregateSlots(units.dead, slots),
    saturated: aggregateSlots(units.saturated, slots),
  };
}

function describe(stats) {
  const norms = stats.layers.map((layer) => `layer ${layer.layerIndex} ${formatScientific(layer.activationGradientNorm)}`);
  return `Network after epoch ${stats.epoch}. Backward signal ‖∂L/∂a‖ per layer: ${norms.join(', ')}.`;
}
