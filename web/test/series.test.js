import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  firstToLastRatio, fractionSeries, layerName, layerSeries, scalarSeries, thinningNote, thinningNotes, varianceProfile, xField,
} from '../js/series.js';
import { epochStats, historyOf } from './fixtures.js';

const CLOSE = 1e-12;

test('x field switches to step when epochs repeat', () => {
  assert.equal(xField(historyOf([epochStats(0, [1]), epochStats(1, [1])])), 'epoch');
  const repeated = [epochStats(1, [1]), { ...epochStats(1, [1]), step: 30 }];
  assert.equal(xField(historyOf(repeated)), 'step');
});

test('layer series has one point per epoch per layer', () => {
  const history = historyOf([0, 1, 2, 3].map((epoch) => epochStats(epoch, [1e-6, 1e-3, 0.5])));
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
  const history = historyOf([epochStats(0, [0, 1]), epochStats(1, [NaN, 1])]);
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
  const stats = [epochStats(0, [1, 1]), epochStats(1, [1, 1], { trainLoss: NaN })];
  stats[0].layers[0].deadFraction = NaN;
  const history = historyOf(stats);
  assert.deepEqual(scalarSeries(history, 'trainLoss'), [{ x: 0, y: 1 }, { x: 1, y: null }]);
  const saturated = fractionSeries(history, 'saturatedFraction');
  assert.deepEqual(saturated[1], [{ x: 0, y: 0.1 }, { x: 1, y: 0.1 }]);
  assert.deepEqual(fractionSeries(history, 'deadFraction')[0], [{ x: 0, y: null }, { x: 1, y: 0 }]);
});

test('layer names', () => {
  assert.equal(layerName(0, 3), 'layer 0');
  assert.equal(layerName(2, 3), 'output (layer 2)');
});

test('layer series of a thinned history', () => {
  // Capacity 4 and epochs 0..5 with layer norms (epoch + 1) / 10: epochs 0, 2, 4 stay on the grid
  // of every 2nd snapshot and epoch 5 is the latest (see runHistory.test.js for the thinning steps).
  const history = historyOf([0, 1, 2, 3, 4, 5].map((epoch) => epochStats(epoch, [(epoch + 1) / 10, 1])), 4);

  const { series } = layerSeries(history, 'activationGradientNorm');
  const gradient = layerSeries(history, 'weightGradientNorm').series;

  assert.deepEqual(series[0], [{ x: 0, y: 0.1 }, { x: 2, y: 0.3 }, { x: 4, y: 0.5 }, { x: 5, y: 0.6 }]);
  // The fixture's weight gradient norm is twice the activation gradient norm: 2 * 0.6 = 1.2.
  assert.deepEqual(gradient[0].at(-1), { x: 5, y: 1.2 });
  // trainLoss is 1 / (epoch + 1): 1, 1/3, 1/5 and 1/6.
  assert.deepEqual(scalarSeries(history, 'trainLoss'), [{ x: 0, y: 1 }, { x: 2, y: 1 / 3 }, { x: 4, y: 1 / 5 }, { x: 5, y: 1 / 6 }]);
});

test('thinning note names kept and received', () => {
  const full = historyOf([0, 1, 2].map((epoch) => epochStats(epoch, [1])), 4);
  const thinned = historyOf([0, 1, 2, 3, 4, 5].map((epoch) => epochStats(epoch, [1])), 4);

  assert.equal(thinningNote(full), '');
  assert.equal(thinningNote(thinned), 'Showing 4 of 6 snapshots: the first, the latest and every 2nd in between. '
    + 'The CSV and JSON Lines downloads contain every snapshot.');
  assert.equal(thinningNotes([{ run: { history: full }, prefix: 'A: ' }, { run: { history: thinned }, prefix: 'B: ' }]),
    `B: ${thinningNote(thinned)}`);
});
