// Names of the page's charts, shared by the chart views and the embed options.
export const CHART_NAMES = Object.freeze(['loss', 'gradient', 'variance', 'fractions', 'histogram', 'prediction']);
