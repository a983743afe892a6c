// Number formatting for labels, tables and tooltips. Gradient norms span many orders of magnitude,
// so anything outside [1e-3, 1e4) is written in scientific notation.

const PLAIN_MIN = 1e-3;
const PLAIN_MAX = 1e4;

/** Formats a number as mantissa and exponent, for example 1.23e-6, keeping `digits` decimals. */
export function formatScientific(value, digits = 2) {
  const special = formatSpecial(value);
  if (special !== null) {
    return special;
  }
  if (value === 0) {
    return '0';
  }
  const [mantissa, exponent] = value.toExponential(digits).split('e');
  const sign = exponent.startsWith('-') ? '-' : '+';
  const magnitude = exponent.replace(/^[+-]/, '');
  return `${mantissa}e${sign}${magnitude}`;
}

/** Formats a number plainly when it is of everyday size and in scientific notation otherwise. */
export function formatNumber(value, significantDigits = 3) {
  const special = formatSpecial(value);
  if (special !== null) {
    return special;
  }
  if (value === 0) {
    return '0';
  }
  const magnitude = Math.abs(value);
  if (magnitude < PLAIN_MIN || magnitude >= PLAIN_MAX) {
    return formatScientific(value, significantDigits - 1);
  }
  if (Number.isInteger(value)) {
    return String(value);
  }
  return String(Number(value.toPrecision(significantDigits)));
}

/** Formats a fraction in [0, 1] as a percentage with one decimal, for example 0.253 as 25.3%. */
export function formatPercent(fraction) {
  const special = formatSpecial(fraction);
  if (special !== null) {
    return special;
  }
  return `${(fraction * 100).toFixed(1)}%`;
}

/** Formats a ratio of two magnitudes as "×" and a power of ten when far from 1, as in ×1.0e-7. */
export function formatRatio(ratio) {
  const special = formatSpecial(ratio);
  if (special !== null) {
    return special;
  }
  return `×${formatNumber(ratio, 2)}`;
}

function formatSpecial(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  if (value === Infinity) {
    return '∞';
  }
  if (value === -Infinity) {
    return '-∞';
  }
  return null;
}
