// Per-layer gradient norms against epoch on a log axis, for the quantity the reader picks, with
// the first-to-last-layer ratio as one large number and a sentence on what the quantity means.

import { createChartCard } from './chartCard.js';
import { dropMarkersOnLongSeries, lineDataset, lineOptions } from './chartOptions.js';
import { el, replaceChildren } from './dom.js';
import { formatRatio } from './format.js';
import { initialStats, latestStats } from './runState.js';
import { layerStyle } from './scales.js';
import { firstToLastRatio, GRADIENT_QUANTITIES, layerName, layerSeries, thinningNotes } from './series.js';

export function createGradientChart(Chart, parent, { onQuantity }) {
  const card = createChartCard(parent, {
    id: 'chart-gradient',
    title: 'Gradient per layer',
    description: 'One line per layer, from the first hidden layer (dark) to the output layer (yellow). Read the three quantities together: one alone can mislead.',
    xLabel: 'epoch',
  });
  const picker = el('div', { className: 'quantity-picker', role: 'radiogroup', 'aria-label': 'Quantity' },
    GRADIENT_QUANTITIES.map((quantity, i) => el('label', {},
      el('input', { type: 'radio', name: 'gradient-quantity', value: quantity.field, checked: i === 0, onChange: () => onQuantity(quantity.field) }),
      ` ${quantity.label}`)));
  const ratio = el('p', { className: 'big-number', id: 'gradient-ratio', 'aria-live': 'polite' });
  const meaning = el('p', { className: 'quantity-meaning' });
  const hidden = el('p', { className: 'chart-note' });
  const thinned = el('p', { className: 'chart-note', id: 'gradient-thinning' });
  const initialRatio = el('span', { className: 'ratio-caption' });
  replaceChildren(card.extra, picker, el('div', { className: 'ratio-box' }, ratio, initialRatio), meaning, hidden, thinned);
  const chart = new Chart(card.canvas, {
    type: 'line',
    data: { datasets: [] },
    options: lineOptions({ xTitle: 'epoch', yTitle: GRADIENT_QUANTITIES[0].axisTitle, logY: true }),
    plugins: [],
  });
  card.setChart(chart);

  /** Redraws from the runs ({run, prefix, dash} each) for the chosen quantity field. */
  function update(runs, field) {
    const quantity = GRADIENT_QUANTITIES.find((q) => q.field === field) || GRADIENT_QUANTITIES[0];
    const datasets = [];
    let hiddenCount = 0;
    for (const { run, prefix, dash } of runs) {
      const { x, series, hidden: gaps } = layerSeries(run.history, quantity.field);
      hiddenCount += gaps;
      chart.options.scales.x.title.text = x;
      series.forEach((points, layer) => {
        const style = layerStyle(layer, series.length);
        datasets.push(lineDataset(`${prefix}${layerName(layer, series.length)}`, points, style, dash ? { borderDash: dash } : {}));
      });
    }
    card.fitLegend(datasets.map((dataset) => dataset.label));
    chart.data.datasets = dropMarkersOnLongSeries(datasets);
    chart.options.scales.y.title.text = quantity.axisTitle;
    chart.update('none');
    replaceChildren(ratio, runs.map(({ run, prefix }) => el('span', { className: 'ratio-value' },
      `${prefix}${ratioNumber(firstToLastRatio(latestStats(run), quantity.field))}`)));
    ratio.classList.toggle('two-runs', runs.length > 1);
    initialRatio.textContent = runs.length === 0 ? 'No run yet: the first-to-last-layer ratio appears with the first statistics.'
      : `first layer ÷ last layer, now; at initialization ${runs.map(({ run, prefix }) => `${prefix}${initialRatioText(initialStats(run), quantity.field)}`).join(', ')}`;
    card.setTableCaption(`Gradient per layer: ${quantity.label}`);
    picker.querySelectorAll('input').forEach((input) => { input.checked = input.value === quantity.field; });
    meaning.textContent = quantity.meaning;
    thinned.textContent = thinningNotes(runs);
    hidden.textContent = hiddenCount > 0 ? `${hiddenCount} values of zero or NaN cannot be drawn on a log axis and are left as gaps (see the table).` : '';
    card.refreshTable();
  }

  return { update, chart };
}

// The large number shows a dash where the ratio is not a number; the caption below explains why.
function ratioNumber(value) {
  return Number.isNaN(value) ? '—' : formatRatio(value);
}

// At initialization no update has happened yet, so the update ratio is NaN there by definition.
function initialRatioText(stats, field) {
  const value = firstToLastRatio(stats, field);
  if (!Number.isNaN(value)) {
    return formatRatio(value);
  }
  return field === 'updateRatio' ? 'not defined at initialization (no update yet)' : '— (a layer\'s value is not a number)';
}
