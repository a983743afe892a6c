// Chart.js settings shared by every chart: animation off for streaming, points small, axes titled.

import { formatScientific } from './format.js';

export const CHART_DEFAULTS = Object.freeze({
  pointRadius: 2,
  lineWidth: 1.5,
  fontSize: 11,
});

/** Options for a line chart with an integer x axis (epoch, step or layer index) and a linear or log y axis. */
export function lineOptions({ xTitle, yTitle, logY = false, yMin, yMax, extraScales = {} }) {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    normalized: true,
    parsing: false,
    spanGaps: false,
    interaction: { mode: 'nearest', intersect: false },
    plugins: {
      legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 8, font: { size: CHART_DEFAULTS.fontSize } } },
      decimation: { enabled: false },
    },
    scales: {
      // Epochs, steps and layer indices start at 0, so a chart with only epoch 0 does not run from -1 to 1.
      x: { type: 'linear', min: 0, title: { display: true, text: xTitle }, ticks: { precision: 0 } },
      y: {
        type: logY ? 'logarithmic' : 'linear', title: { display: true, text: yTitle }, min: yMin, max: yMax,
        ticks: logY ? { callback: powerOfTenLabel } : {},
        ...(logY ? { afterDataLimits: roundToDecades } : {}),
      },
      ...extraScales,
    },
  };
}

/** Builds a line dataset with a colour, a dash and a point shape, so series differ in more than hue. */
export function lineDataset(label, data, style, overrides = {}) {
  return {
    label,
    data,
    borderColor: style.color,
    backgroundColor: style.color,
    borderDash: style.dash,
    pointStyle: style.pointStyle,
    pointRadius: CHART_DEFAULTS.pointRadius,
    borderWidth: CHART_DEFAULTS.lineWidth,
    ...overrides,
  };
}

/**
 * Points per series above which a line is drawn without point markers. A 65-layer network after
 * 1,000 epochs has 65,000 markers per chart, which headless Chromium draws in software on every
 * redraw. Past this length the markers overlap into a band anyway, and colour and dash still tell
 * the series apart.
 */
export const MARKER_POINT_LIMIT = 200;

/** Sets pointRadius 0 on every dataset longer than MARKER_POINT_LIMIT; returns `datasets`. */
export function dropMarkersOnLongSeries(datasets) {
  for (const dataset of datasets) {
    if (dataset.data.length > MARKER_POINT_LIMIT) {
      dataset.pointRadius = 0;
    }
  }
  return datasets;
}

/**
 * Labels the ticks of a log axis whose mantissa is 1, 2 or 5, in scientific notation, and leaves the
 * others blank, so nine decades stay readable and a range within one decade still gets labels.
 */
export function powerOfTenLabel(value) {
  const exponent = Math.floor(Math.log10(value) + 1e-9);
  const mantissa = value / 10 ** exponent;
  const labelled = [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6);
  return labelled ? formatScientific(value, 0) : '';
}

/**
 * Widens a log axis's data range to whole decades. Chart.js starts the axis at the smallest value,
 * often not a round number, so the lowest decade could show no label at all.
 */
export function decadeLimits(min, max) {
  if (!(min > 0) || !(max > 0)) {
    return { min, max };
  }
  return { min: 10 ** Math.floor(Math.log10(min) + 1e-9), max: 10 ** Math.ceil(Math.log10(max) - 1e-9) };
}

function roundToDecades(scale) {
  const limits = decadeLimits(scale.min, scale.max);
  scale.min = limits.min;
  scale.max = limits.max;
}

// Estimated sizes at CHART_DEFAULTS.fontSize, read off headless Chromium screenshots: a bottom legend
// row, one entry's point box and padding, an average glyph, and the plot with its x axis. The
// stylesheet's 280 px chart box fits two legend rows.
export const LEGEND_LAYOUT = Object.freeze({ rowPixels: 22, itemPaddingPixels: 22, glyphPixels: 6.4, plotPixels: 236, rowsInStyleHeight: 2 });

/** Returns how many rows a bottom legend with these labels takes in a chart `width` pixels wide. */
export function legendRows(labels, width) {
  let rows = 0;
  let used = Infinity;
  for (const label of labels) {
    const item = LEGEND_LAYOUT.itemPaddingPixels + label.length * LEGEND_LAYOUT.glyphPixels;
    if (used + item > width) {
      rows += 1;
      used = 0;
    }
    used += item;
  }
  return rows;
}

/**
 * Returns the chart box height in pixels that keeps the plot LEGEND_LAYOUT.plotPixels tall above a
 * legend of these labels, or null when the stylesheet's height is enough.
 */
export function heightForLegend(labels, width) {
  const rows = legendRows(labels, width);
  return rows > LEGEND_LAYOUT.rowsInStyleHeight ? LEGEND_LAYOUT.plotPixels + rows * LEGEND_LAYOUT.rowPixels : null;
}
