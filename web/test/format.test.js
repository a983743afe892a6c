import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, formatPercent, formatRatio, formatScientific } from '../js/format.js';

test('scientific notation keeps sign of exponent', () => {
  assert.equal(formatScientific(0.00000123), '1.23e-6');
  assert.equal(formatScientific(1234), '1.23e+3');
  assert.equal(formatScientific(-0.5, 1), '-5.0e-1');
});

test('scientific notation of zero and special values', () => {
  assert.equal(formatScientific(0), '0');
  assert.equal(formatScientific(NaN), 'NaN');
  assert.equal(formatScientific(Infinity), '∞');
  assert.equal(formatScientific(-Infinity), '-∞');
  assert.equal(formatScientific(null), '–');
});

test('plain numbers stay plain in everyday range', () => {
  assert.equal(formatNumber(0.125), '0.125');
  assert.equal(formatNumber(42), '42');
  assert.equal(formatNumber(3.14159), '3.14');
  assert.equal(formatNumber(0.001), '0.001');
});

test('tiny and huge numbers switch to scientific', () => {
  assert.equal(formatNumber(0.0009), '9.00e-4');
  assert.equal(formatNumber(12345), '1.23e+4');
  assert.equal(formatNumber(-2.5e-7), '-2.50e-7');
});

test('percent has one decimal', () => {
  assert.equal(formatPercent(0.253), '25.3%');
  assert.equal(formatPercent(1), '100.0%');
  assert.equal(formatPercent(NaN), 'NaN');
});

test('ratio is prefixed with a times sign', () => {
  assert.equal(formatRatio(1e-7), '×1.0e-7');
  assert.equal(formatRatio(0.5), '×0.5');
});

test('log axis labels mantissas 1 2 5', async () => {
  const { powerOfTenLabel } = await import('../js/chartOptions.js');
  assert.equal(powerOfTenLabel(1e-7), '1e-7');
  assert.equal(powerOfTenLabel(1000), '1e+3');
  assert.equal(powerOfTenLabel(1), '1e+0');
  assert.equal(powerOfTenLabel(0.02), '2e-2');
  assert.equal(powerOfTenLabel(5e-5), '5e-5');
  assert.equal(powerOfTenLabel(3e-5), '');
  assert.equal(powerOfTenLabel(0.07), '');
});
