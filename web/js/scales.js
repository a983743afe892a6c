// Colour and opacity scales for the signal-flow canvas and the charts. Gradient magnitudes use a
// log scale from 1e-6 (faint) to 1e+3 (glaring). Values outside that range are drawn at the end of
// the scale and flagged as below or above it. The canvas also prints the exact norm beside each layer.

export const GRADIENT_SCALE = Object.freeze({ min: 1e-6, max: 1e3 });

/** Okabe and Ito's palette, distinguishable with the common forms of colour blindness. */
export const OKABE_ITO = Object.freeze([
  '#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000',
]);

// Dash patterns and point shapes that go with colours, so lines differ in more than hue.
const DASHES = [[], [6, 3], [2, 2], [10, 3, 2, 3], [1, 4], [12, 4]];
const POINT_STYLES = ['circle', 'triangle', 'rect', 'rectRot', 'crossRot', 'star', 'rectRounded', 'cross'];

/**
 * Places a positive magnitude on the log scale. Returns {position} in [0, 1] and whether the value was
 * below or above the scale, or invalid (zero, negative, NaN), in which case position is 0.
 */
export function logPosition(magnitude, scale = GRADIENT_SCALE) {
  if (!Number.isFinite(magnitude) || magnitude <= 0) {
    return { position: 0, below: false, above: magnitude === Infinity, invalid: magnitude !== Infinity };
  }
  const low = Math.log10(scale.min);
  const high = Math.log10(scale.max);
  const raw = (Math.log10(magnitude) - low) / (high - low);
  return {
    position: Math.min(1, Math.max(0, raw)),
    below: raw < 0,
    above: raw > 1,
    invalid: false,
  };
}

/**
 * Style of the backward signal for one layer: opacity from 0.06 (1e-6 and below) to 1 (1e+3 and above),
 * hue from a cool blue to vermilion, and a line width that grows with the magnitude.
 */
export function gradientStyle(magnitude, scale = GRADIENT_SCALE) {
  const placed = logPosition(magnitude, scale);
  const t = placed.position;
  const alpha = placed.invalid ? 0 : 0.06 + 0.94 * t;
  return {
    ...placed,
    alpha,
    color: mixHex('#56B4E9', '#D55E00', t),
    lineWidth: 1 + 7 * t,
  };
}

/**
 * Colour of a unit by its mean activation: blue for negative, white near zero, orange for positive.
 * `range` is the largest magnitude expected (1 for sigmoid and tanh, the layer's max for ReLU).
 */
export function activationColor(value, range = 1) {
  if (!Number.isFinite(value)) {
    return '#7f7f7f';
  }
  const t = Math.min(1, Math.abs(value) / (range > 0 ? range : 1));
  return value < 0 ? mixHex('#FFFFFF', '#0072B2', t) : mixHex('#FFFFFF', '#E69F00', t);
}

/** Style of layer `layerIndex` out of `layerCount`: a viridis-like ramp from input to output, with a dash and a point shape. */
export function layerStyle(layerIndex, layerCount) {
  const t = layerCount > 1 ? layerIndex / (layerCount - 1) : 0;
  return {
    color: viridis(t),
    dash: DASHES[layerIndex % DASHES.length],
    pointStyle: POINT_STYLES[layerIndex % POINT_STYLES.length],
  };
}

/** Style of series `seriesIndex` in a chart of a few named series (train, held-out, measured, ...). */
export function seriesStyle(seriesIndex) {
  return {
    color: OKABE_ITO[seriesIndex % OKABE_ITO.length],
    dash: DASHES[seriesIndex % DASHES.length],
    pointStyle: POINT_STYLES[seriesIndex % POINT_STYLES.length],
  };
}

// Five stops of matplotlib's viridis colour map, which stays ordered in lightness and readable in grey.
const VIRIDIS_STOPS = ['#440154', '#3B528B', '#21918C', '#5EC962', '#FDE725'];

/** Colour at t in [0, 1] on the viridis ramp, interpolated linearly between five stops. */
export function viridis(t) {
  const clamped = Math.min(1, Math.max(0, t));
  const scaled = clamped * (VIRIDIS_STOPS.length - 1);
  const index = Math.min(VIRIDIS_STOPS.length - 2, Math.floor(scaled));
  return mixHex(VIRIDIS_STOPS[index], VIRIDIS_STOPS[index + 1], scaled - index);
}

/** Linear mix of two #RRGGBB colours, t = 0 giving `from` and t = 1 giving `to`. */
export function mixHex(from, to, t) {
  const a = parseHex(from);
  const b = parseHex(to);
  const channel = (i) => Math.round(a[i] + (b[i] - a[i]) * t).toString(16).padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`.toUpperCase();
}

function parseHex(hex) {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}
