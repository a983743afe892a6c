// Every chart of the page. update() takes the store's state and redraws the charts from the
// history of run A, and of run B in compare mode, where B's lines are dashed and prefixed "B:".

import { createChartCard, WHITE_BACKGROUND } from './chartCard.js';
import { CHART_NAMES } from './chartNames.js';
import { dropMarkersOnLongSeries, lineDataset, lineOptions } from './chartOptions.js';
import { el } from './dom.js';
import { createGradientChart } from './gradientChart.js';
import { createHistogramChart } from './histogramChart.js';
import { createPredictionView } from './predictionView.js';
import { emptyRun, initialStats, latestStats } from './runState.js';
import { layerStyle, seriesStyle } from './scales.js';
import { fractionSeries, layerName, scalarSeries, thinningNotes, varianceProfile } from './series.js';

const COMPARE_DASH = [6, 4];

/** Creates the charts named in `include` (all five by default) inside `parent`. */
export function createCharts(Chart, parent, { onUiChange, include = CHART_NAMES }) {
  const onSelectLayer = (layerIndex) => onUiChange({ selectedLayer: layerIndex });
  Chart.register(WHITE_BACKGROUND);
  const included = (name) => include.includes(name);
  const loss = included('loss') && createLineCard(Chart, parent, {
    id: 'chart-loss', title: 'Loss and accuracy', xLabel: 'epoch',
    description: 'Training and held-out loss (left axis) and accuracy (right axis).',
    options: lineOptions({ xTitle: 'epoch', yTitle: 'loss', extraScales: { accuracy: { type: 'linear', position: 'right', min: 0, max: 1, title: { display: true, text: 'accuracy' }, grid: { drawOnChartArea: false } } } }),
  });
  const gradient = included('gradient') && createGradientChart(Chart, parent, { onQuantity: (field) => onUiChange({ gradientQuantity: field }) });
  const variance = included('variance') && createLineCard(Chart, parent, {
    id: 'chart-variance', title: 'Activation variance per layer', xLabel: 'layer index',
    description: 'Measured Var(a) = std² of each layer\'s activations, and the variance the initialization formula predicts, at initialization and now.',
    options: lineOptions({ xTitle: 'layer index', yTitle: 'variance (log scale)', logY: true }),
  });
  const fractions = included('fractions') && createLineCard(Chart, parent, {
    id: 'chart-fractions', title: 'Dead and saturated units', xLabel: 'epoch',
    description: 'Solid (dashed for run B): share of units that are saturated (the activation\'s derivative near 0). Dotted: share of dead units (inactive on every sample), drawn only for activations whose units can die, such as ReLU.',
    options: lineOptions({ xTitle: 'epoch', yTitle: 'fraction of units', yMin: 0, yMax: 1 }),
  });
  const histogram = included('histogram') && createHistogramChart(Chart, parent, { onField: (field) => onUiChange({ histogramField: field }), onSelectLayer });
  const prediction = included('prediction') && createPredictionView(parent);

  /** Redraws from the store's runs; with no run (a new setup not yet started) every chart is emptied. */
  function update(state) {
    const runs = visibleRuns(state);
    const firstRun = runs.length > 0 ? runs[0].run : emptyRun();
    if (loss) {
      updateLoss(runs);
    }
    if (gradient) {
      gradient.update(runs, state.ui.gradientQuantity);
    }
    if (variance) {
      updateVariance(runs);
    }
    if (fractions) {
      updateFractions(runs);
    }
    if (histogram) {
      histogram.update(firstRun, state.ui.selectedLayer, state.ui.histogramField);
    }
    if (prediction && runs.length > 0) {
      prediction.update(runs[0].run);
    }
  }

  function updateLoss(runs) {
    const fields = [['trainLoss', 'training loss', 'y'], ['testLoss', 'held-out loss', 'y'], ['trainAccuracy', 'training accuracy', 'accuracy'], ['testAccuracy', 'held-out accuracy', 'accuracy']];
    loss.set(runs.flatMap(({ run, prefix, dash }) => fields.map(([field, label, axis], i) => lineDataset(
      `${prefix}${label}`, scalarSeries(run.history, field), seriesStyle(i), { yAxisID: axis, ...(dash ? { borderDash: dash } : {}) }))),
    thinningNotes(runs));
  }

  function updateVariance(runs) {
    const datasets = [];
    for (const { run, prefix, dash } of runs) {
      const now = varianceProfile(latestStats(run));
      const start = varianceProfile(initialStats(run));
      const entries = [[`${prefix}measured now`, now.measured, 0], [`${prefix}predicted now`, now.predicted, 1],
        [`${prefix}measured at init`, start.measured, 2], [`${prefix}predicted at init`, start.predicted, 3]];
      for (const [label, points, i] of entries) {
        const positive = points.map((p) => ({ x: p.x, y: Number.isFinite(p.y) && p.y > 0 ? p.y : null }));
        datasets.push(lineDataset(label, positive, seriesStyle(i), dash ? { borderDash: dash } : {}));
      }
    }
    variance.set(datasets);
  }

  function updateFractions(runs) {
    const datasets = [];
    for (const { run, prefix, dash } of runs) {
      const runB = dash !== null && dash.length > 0;
      const saturatedDash = runB ? dash : [];
      const deadDash = runB ? [1, 5] : [2, 3];
      const saturated = fractionSeries(run.history, 'saturatedFraction');
      const dead = fractionSeries(run.history, 'deadFraction');
      const defined = (points) => points.some((point) => point.y !== null);
      saturated.forEach((points, layer) => {
        const style = layerStyle(layer, saturated.length);
        const name = layerName(layer, saturated.length);
        if (defined(points)) {
          datasets.push(lineDataset(`${prefix}${name} saturated`, points, style, { borderDash: saturatedDash }));
        }
        if (defined(dead[layer])) {
          datasets.push(lineDataset(`${prefix}${name} dead`, dead[layer], style, { borderDash: deadDash, pointStyle: 'crossRot' }));
        }
      });
    }
    fractions.set(datasets, thinningNotes(runs));
  }

  return { update };
}

/** Run A alone, or A and B with prefixes and B dashed when comparing. */
export function visibleRuns(state) {
  const { a, b } = state.runs;
  if (!a) {
    return [];
  }
  if (!b) {
    return [{ run: a, prefix: '', dash: null }];
  }
  // Solid for A and dashed for B, so the runs differ in line style while colour and point shape
  // tell the series apart.
  return [{ run: a, prefix: 'A: ', dash: [] }, { run: b, prefix: 'B: ', dash: COMPARE_DASH }];
}

function createLineCard(Chart, parent, { id, title, description, xLabel, options }) {
  const card = createChartCard(parent, { id, title, description, xLabel });
  const chart = new Chart(card.canvas, { type: 'line', data: { datasets: [] }, options });
  const note = el('p', { className: 'chart-note' });
  card.extra.append(note);
  card.setChart(chart);
  return {
    chart,
    /** Draws `datasets`; `noteText` (may be empty) describes what the chart leaves out, such as thinned snapshots. */
    set(datasets, noteText = '') {
      note.textContent = noteText;
      card.fitLegend(datasets.map((dataset) => dataset.label));
      chart.data.datasets = dropMarkersOnLongSeries(datasets);
      chart.update('none');
      card.refreshTable();
    },
  };
}
