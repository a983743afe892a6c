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
      x: { type: 'linear', title: { display: true, text: xTitle }, ticks: { precision: 0 } },
      y: {
        type: logY ? 'logarithmic' : 'linear', title: { display: true, text: yTitle }, min: yMin, max: yMax,
        ticks: logY ? { callback: powerOfTenLabel } : {},
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
 * Labels the ticks of a log axis whose mantissa is 1, 2 or 5, in scientific notation, and leaves the
 * others blank, so nine decades stay readable and a range within one decade still gets labels.
 */
export function powerOfTenLabel(value) {
  const exponent = Math.floor(Math.log10(value) + 1e-9);
  const mantissa = value / 10 ** exponent;
  const labelled = [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6);
  return labelled ? formatScientific(value, 0) : '';
}
