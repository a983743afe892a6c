// A chart's frame on the page: title, a PNG export button, and a table of the chart's numbers that
// doubles as its accessible alternative. The table is rebuilt from the chart's datasets, so it
// always shows what is drawn.

import { heightForLegend } from './chartOptions.js';
import { el, replaceChildren } from './dom.js';
import { formatNumber } from './format.js';

/** Paints a white background so exported PNGs are readable on any viewer. */
export const WHITE_BACKGROUND = Object.freeze({
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
});

/** Creates the card for chart `id` inside `parent`; returns {element, canvas, extra, setChart, refreshTable}. */
export function createChartCard(parent, { id, title, description, xLabel }) {
  const canvas = el('canvas', { id: `${id}-canvas`, role: 'img', 'aria-label': `${title}. The table button shows the numbers.` });
  const table = el('div', { className: 'chart-table', id: `${id}-table`, hidden: true });
  const tableButton = el('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': `${id}-table` }, 'Table');
  const pngButton = el('button', { type: 'button' }, 'PNG');
  const extra = el('div', { className: 'chart-extra' });
  const element = el('section', { className: 'chart-card', id, 'aria-labelledby': `${id}-title` },
    el('header', {}, el('h3', { id: `${id}-title` }, title), el('div', { className: 'chart-actions' }, pngButton, tableButton)),
    description ? el('p', { className: 'chart-description' }, description) : null,
    extra,
    el('div', { className: 'chart-box' }, canvas),
    table);
  parent.append(element);
  let chart = null;
  let tableSource = null;
  let tableCaption = title;

  pngButton.addEventListener('click', () => {
    if (chart) {
      const link = el('a', { href: chart.toBase64Image('image/png', 1), download: `layerscope-${id}.png` });
      link.click();
    }
  });
  tableButton.addEventListener('click', () => {
    table.hidden = !table.hidden;
    tableButton.setAttribute('aria-expanded', String(!table.hidden));
    refreshTable();
  });

  function refreshTable() {
    if (table.hidden || !chart) {
      return;
    }
    replaceChildren(table, buildTable(tableSource ? tableSource() : chart.data.datasets, xLabel, tableCaption));
  }

  return {
    element,
    canvas,
    extra,
    setChart(instance) { chart = instance; },
    /** Takes the table's datasets from `source()` instead of the chart's, when they differ from what is drawn. */
    setTableSource(source) { tableSource = source; },
    /** Grows the chart box when the legend of these labels would squeeze the plot, and shrinks it back after. */
    fitLegend(labels) {
      const box = canvas.parentElement;
      const height = heightForLegend(labels, box.clientWidth);
      box.style.height = height === null ? '' : `${height}px`;
    },
    /** Sets the table's caption, for a chart whose plotted quantity changes. */
    setTableCaption(caption) { tableCaption = caption; },
    refreshTable,
  };
}

/** Builds a table with one row per x value and one column per dataset. */
export function buildTable(datasets, xLabel, caption) {
  const xs = [...new Set(datasets.flatMap((dataset) => dataset.data.map((point) => point.x)))].sort((a, b) => a - b);
  const columns = datasets.map((dataset) => new Map(dataset.data.map((point) => [point.x, point.y])));
  return el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, xLabel), datasets.map((dataset) => el('th', { scope: 'col' }, dataset.label)))),
    el('tbody', {}, xs.map((x) => el('tr', {},
      el('th', { scope: 'row' }, formatNumber(x)),
      columns.map((column) => el('td', {}, column.has(x) ? formatNumber(column.get(x)) : ''))))));
}
