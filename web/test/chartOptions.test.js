import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decadeLimits, dropMarkersOnLongSeries, heightForLegend, legendRows, lineOptions, MARKER_POINT_LIMIT, powerOfTenLabel,
} from '../js/chartOptions.js';

test('log axis widened to decades', () => {
  // Data from 7e-7 to 0.3: the axis runs from 1e-7 to 1, so its lowest tick is the labelled 1e-7.
  const limits = decadeLimits(7e-7, 0.3);

  assert.ok(Math.abs(limits.min / 1e-7 - 1) < 1e-9, `min ${limits.min}`);
  assert.ok(Math.abs(limits.max - 1) < 1e-9, `max ${limits.max}`);
  assert.equal(powerOfTenLabel(limits.min), '1e-7');
});

test('round log limits kept', () => {
  const limits = decadeLimits(1e-3, 10);

  assert.ok(Math.abs(limits.min / 1e-3 - 1) < 1e-9, `min ${limits.min}`);
  assert.ok(Math.abs(limits.max / 10 - 1) < 1e-9, `max ${limits.max}`);
});

test('log axis with no data untouched', () => {
  assert.deepEqual(decadeLimits(0, 0), { min: 0, max: 0 });
});

test('epoch axis starts at zero', () => {
  assert.equal(lineOptions({ xTitle: 'epoch', yTitle: 'loss' }).scales.x.min, 0);
});

test('legend rows packed by width', () => {
  // Each "A: layer 0 saturated" entry takes 22 + 20 · 6.4 = 150 px, so four fit in 600 px.
  const labels = Array.from({ length: 10 }, (_, i) => `A: layer ${i} saturated`.slice(0, 20));

  assert.equal(legendRows(labels, 600), 3);
  assert.equal(legendRows([], 600), 0);
});

test('long legend grows chart box', () => {
  const labels = Array.from({ length: 20 }, (_, i) => `B: layer ${i % 10} saturated`.slice(0, 20));

  assert.equal(heightForLegend(labels.slice(0, 8), 600), null);
  // 20 entries at four a row: five rows of 22 px under a 236 px plot and x axis.
  assert.equal(heightForLegend(labels, 600), 236 + 5 * 22);
});

test('markers dropped only past the limit', () => {
  const points = (count) => Array.from({ length: count }, (_, x) => ({ x, y: 1 }));
  const short = { data: points(MARKER_POINT_LIMIT), pointRadius: 2 };
  const long = { data: points(MARKER_POINT_LIMIT + 1), pointRadius: 2 };

  const result = dropMarkersOnLongSeries([short, long]);

  assert.equal(result.length, 2);
  assert.equal(short.pointRadius, 2);
  assert.equal(long.pointRadius, 0);
});
