// Histograms of the chosen layer (pre-activation, activation or weight gradient) as a bar chart,
// and small multiples of the same field for every layer, drawn straight onto small canvases.

import { createChartCard } from './chartCard.js';
import { el, replaceChildren } from './dom.js';
import { formatNumber } from './format.js';
import { OKABE_ITO } from './scales.js';

export const HISTOGRAM_FIELDS = Object.freeze([
  { field: 'preActivation', label: 'pre-activation z' },
  { field: 'activation', label: 'activation a = f(z)' },
  { field: 'weightGradient', label: 'weight gradient ∂L/∂W' },
]);

export function createHistogramChart(Chart, parent, { onField, onSelectLayer = () => {} }) {
  const card = createChartCard(parent, { id: 'chart-histogram', title: 'Histograms', xLabel: 'bin centre' });
  const picker = el('select', { 'aria-label': 'Histogram of', onChange: (event) => onField(event.target.value) },
    HISTOGRAM_FIELDS.map((entry) => el('option', { value: entry.field }, entry.label)));
  const caption = el('p', { className: 'chart-note', 'aria-live': 'polite' });
  const multiples = el('div', { className: 'small-multiples', 'aria-label': 'Histogram of every layer' });
  replaceChildren(card.extra, el('label', {}, 'Show ', picker), caption);
  card.element.append(el('h4', {}, 'Every layer'), multiples);
  const chart = new Chart(card.canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
      plugins: { legend: { display: false } },
      scales: { x: { type: 'linear', title: { display: true, text: 'value' } }, y: { min: 0, title: { display: true, text: 'count' } } },
    },
  });
  card.setChart(chart);
  let tableRows = [];
  card.setTableSource(() => tableRows);

  /** Redraws for `run`, the selected layer and histogram field. */
  function update(run, layerIndex, field) {
    const detail = run.details[layerIndex];
    const histogram = detail?.histograms?.[field];
    const label = HISTOGRAM_FIELDS.find((entry) => entry.field === field)?.label ?? field;
    picker.value = field;
    chart.data.datasets = histogram ? [{ label: `layer ${layerIndex} ${label}`, data: outline(histogram), stepped: 'before', fill: 'origin', pointRadius: 0, borderWidth: 1.5, borderColor: OKABE_ITO[0], backgroundColor: 'rgba(0, 114, 178, 0.35)' }] : [];
    chart.options.scales.x.title.text = label;
    tableRows = histogram ? [{ label: 'count', data: bars(histogram) }] : [];
    chart.update('none');
    caption.textContent = histogram
      ? `Layer ${layerIndex}, epoch ${detail.epoch}: ${label}, ${histogram.counts.length} bins from ${formatNumber(histogram.edges[0])} to ${formatNumber(histogram.edges[histogram.edges.length - 1])}.`
      : `No histogram of layer ${layerIndex} yet: histograms arrive with each snapshot.`;
    card.refreshTable();
    drawMultiples(run, field, layerIndex);
  }

  function drawMultiples(run, field, selected) {
    const layers = Object.keys(run.details).map(Number).sort((a, b) => a - b);
    while (multiples.children.length > layers.length) {
      multiples.lastElementChild.remove();
    }
    layers.forEach((layerIndex, i) => {
      let figure = multiples.children[i];
      if (!figure) {
        figure = el('figure', {}, el('canvas', { width: 120, height: 60, 'aria-hidden': 'true' }),
          el('figcaption', {}, el('button', { type: 'button', className: 'link-button' })));
        multiples.append(figure);
      }
      const button = figure.querySelector('button');
      button.onclick = () => onSelectLayer(layerIndex);
      button.setAttribute('aria-pressed', String(layerIndex === selected));
      figure.classList.toggle('selected', layerIndex === selected);
      button.textContent = `layer ${layerIndex}`;
      drawMini(figure.querySelector('canvas'), run.details[layerIndex]?.histograms?.[field]);
    });
  }

  return { update, chart };
}

// The histogram's outline as points for a stepped line: from 0 at the first edge up to each bin's
// count at its left edge, held to the next edge, and back to 0 at the last edge.
function outline(histogram) {
  const { edges, counts } = histogram;
  const points = [{ x: edges[0], y: 0 }];
  counts.forEach((count, i) => points.push({ x: edges[i], y: count }));
  points.push({ x: edges[edges.length - 1], y: counts[counts.length - 1] ?? 0 });
  points.push({ x: edges[edges.length - 1], y: 0 });
  return points;
}

// Bin centres and counts, for the table.
function bars(histogram) {
  return histogram.counts.map((count, i) => ({ x: (histogram.edges[i] + histogram.edges[i + 1]) / 2, y: count }));
}

function drawMini(canvas, histogram) {
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, canvas.width, canvas.height);
  if (!histogram || histogram.counts.length === 0) {
    return;
  }
  const max = Math.max(...histogram.counts, 1);
  const barWidth = canvas.width / histogram.counts.length;
  context.fillStyle = OKABE_ITO[0];
  histogram.counts.forEach((count, i) => {
    const height = (count / max) * (canvas.height - 2);
    context.fillRect(i * barWidth, canvas.height - height, Math.max(1, barWidth - 0.5), height);
  });
}
