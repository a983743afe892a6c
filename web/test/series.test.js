import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  firstToLastRatio, fractionSeries, layerName, layerSeries, mergeEntry, scalarSeries, varianceProfile, xField,
} from '../js/series.js';
import { epochStats } from './fixtures.js';

const CLOSE = 1e-12;

test('merge keeps history sorted and replaces same step', () => {
  let history = [];
  history = mergeEntry(history, epochStats(2, [1]));
  history = mergeEntry(history, epochStats(0, [1]));
  history = mergeEntry(history, epochStats(1, [1]));
  assert.deepEqual(history.map((e) => e.epoch), [0, 1, 2]);
  history = mergeEntry(history, epochStats(1, [5]));
  assert.equal(history.length, 3);
  assert.equal(history[1].layers[0].activationGradientNorm, 5);
});

test('x field switches to step when epochs repeat', () => {
  assert.equal(xField([epochStats(0, [1]), epochStats(1, [1])]), 'epoch');
  const repeated = [epochStats(1, [1]), { ...epochStats(1, [1]), step: 30 }];
  assert.equal(xField(repeated), 'step');
});

test('layer series has one point per epoch per layer', () => {
  const history = [0, 1, 2, 3].map((epoch) => epochStats(epoch, [1e-6, 1e-3, 0.5]));
  const { x, series, hidden } = layerSeries(history, 'activationGradientNorm');
  assert.equal(x, 'epoch');
  assert.equal(series.length, 3);
  for (const points of series) {
    assert.equal(points.length, 4);
  }
  assert.deepEqual(series[0][2], { x: 2, y: 1e-6 });
  assert.equal(hidden, 0);
});

test('log series hides zero and NaN as gaps', () => {
  const history = [epochStats(0, [0, 1]), epochStats(1, [NaN, 1])];
  const { series, hidden } = layerSeries(history, 'activationGradientNorm');
  assert.deepEqual(series[0], [{ x: 0, y: null }, { x: 1, y: null }]);
  assert.equal(hidden, 2);
});

test('first to last ratio', () => {
  // 1e-6 / 0.5 = 2e-6: the first layer gets two millionths of the output layer's signal.
  const stats = epochStats(3, [1e-6, 1e-3, 0.5]);
  assert.ok(Math.abs(firstToLastRatio(stats, 'activationGradientNorm') - 2e-6) < CLOSE);
  assert.ok(Number.isNaN(firstToLastRatio(epochStats(0, [1]), 'activationGradientNorm')));
  assert.ok(Number.isNaN(firstToLastRatio(epochStats(0, [1, 0]), 'activationGradientNorm')));
});

test('variance profile squares the standard deviation', () => {
  const profile = varianceProfile(epochStats(0, [1, 1, 1]));
  // Fixture stds are 0.2, 0.3 and 0.4, so variances are 0.04, 0.09 and 0.16.
  assert.deepEqual(profile.measured.map((p) => p.x), [0, 1, 2]);
  const expected = [0.04, 0.09, 0.16];
  profile.measured.forEach((p, i) => assert.ok(Math.abs(p.y - expected[i]) < CLOSE));
  assert.deepEqual(profile.predicted.map((p) => p.y), [0.05, 0.1, 0.15000000000000002]);
});

test('scalar and fraction series', () => {
  const history = [epochStats(0, [1, 1]), epochStats(1, [1, 1], { trainLoss: NaN })];
  assert.deepEqual(scalarSeries(history, 'trainLoss'), [{ x: 0, y: 1 }, { x: 1, y: null }]);
  const saturated = fractionSeries(history, 'saturatedFraction');
  assert.deepEqual(saturated[1], [{ x: 0, y: 0.1 }, { x: 1, y: 0.1 }]);
  history[0].layers[0].deadFraction = NaN;
  assert.deepEqual(fractionSeries(history, 'deadFraction')[0], [{ x: 0, y: null }, { x: 1, y: 0 }]);
});

test('layer names', () => {
  assert.equal(layerName(0, 3), 'layer 0');
  assert.equal(layerName(2, 3), 'output (2)');
});

test('merge appends later step, input unchanged', () => {
  const first = mergeEntry([], epochStats(0, [1]));
  const second = mergeEntry(first, epochStats(1, [2]));

  assert.deepEqual(second.map((e) => e.epoch), [0, 1]);
  assert.equal(first.length, 1);
  assert.notEqual(second, first);
});
