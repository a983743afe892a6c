import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  activationColor, gradientStyle, layerStyle, logPosition, mixHex, viridis,
} from '../js/scales.js';

const CLOSE = 1e-12;

test('log position spans nine decades', () => {
  // log10(1e-6) = -6 and log10(1e3) = 3, so 1e-3 sits at (-3 + 6) / 9 = 1/3.
  assert.ok(Math.abs(logPosition(1e-3).position - 1 / 3) < CLOSE);
  assert.equal(logPosition(1e-6).position, 0);
  assert.equal(logPosition(1e3).position, 1);
});

test('log position flags values outside the scale', () => {
  const tiny = logPosition(1e-9);
  assert.equal(tiny.position, 0);
  assert.equal(tiny.below, true);
  const huge = logPosition(1e6);
  assert.equal(huge.position, 1);
  assert.equal(huge.above, true);
});

test('log position marks zero and NaN invalid', () => {
  assert.equal(logPosition(0).invalid, true);
  assert.equal(logPosition(NaN).invalid, true);
  assert.equal(logPosition(-1).invalid, true);
});

test('tiny gradient is faint, large one glaring', () => {
  const faint = gradientStyle(1e-6);
  const glaring = gradientStyle(1e3);
  assert.equal(faint.alpha, 0.06);
  assert.equal(glaring.alpha, 1);
  assert.equal(faint.color, '#56B4E9');
  assert.equal(glaring.color, '#D55E00');
  assert.ok(glaring.lineWidth > faint.lineWidth);
});

test('gradient opacity grows with magnitude', () => {
  const magnitudes = [1e-6, 1e-4, 1e-2, 1, 1e2];
  const alphas = magnitudes.map((m) => gradientStyle(m).alpha);
  for (let i = 1; i < alphas.length; i++) {
    assert.ok(alphas[i] > alphas[i - 1], `alpha at ${magnitudes[i]} should exceed alpha at ${magnitudes[i - 1]}`);
  }
});

test('activation colour is diverging around zero', () => {
  assert.equal(activationColor(0), '#FFFFFF');
  assert.equal(activationColor(1), '#E69F00');
  assert.equal(activationColor(-1), '#0072B2');
  assert.equal(activationColor(5, 10), mixHex('#FFFFFF', '#E69F00', 0.5));
  assert.equal(activationColor(NaN), '#7F7F7F'.toLowerCase());
});

test('mix of colours at the middle', () => {
  // (0 + 255) / 2 = 127.5 rounds to 128 = 0x80.
  assert.equal(mixHex('#000000', '#FFFFFF', 0.5), '#808080');
});

test('layer styles run from first to last viridis stop', () => {
  assert.equal(layerStyle(0, 5).color, '#440154');
  assert.equal(layerStyle(4, 5).color, '#FDE725');
  assert.equal(viridis(0.5), '#21918C');
});

test('neighbouring layers differ in dash and shape', () => {
  const first = layerStyle(0, 12);
  const second = layerStyle(1, 12);
  assert.notDeepEqual(first.dash, second.dash);
  assert.notEqual(first.pointStyle, second.pointStyle);
});
