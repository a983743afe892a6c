import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyMessage, emptyRun, initialStats, isOwner, latestStats } from '../js/runState.js';
import { epochStats } from './fixtures.js';

const READY = { status: 'ready', epoch: 0, step: 0, learningRate: 0.1, epochsPerSecond: 5 };

function welcomed(role = 'owner') {
  const run = emptyRun('abc', 'key');
  applyMessage(run, { type: 'welcome', role, config: { seed: 1 }, state: READY, viewerCount: 2 });
  return run;
}

test('welcome then history fills the run', () => {
  const run = welcomed();
  assert.equal(run.receivingHistory, true);
  applyMessage(run, { type: 'history', epochs: [epochStats(0, [1]), epochStats(1, [1])], done: false });
  applyMessage(run, { type: 'history', epochs: [epochStats(2, [1])], done: true });
  assert.equal(run.receivingHistory, false);
  assert.deepEqual(run.history.entries.map((e) => e.epoch), [0, 1, 2]);
  assert.equal(initialStats(run).epoch, 0);
  assert.equal(latestStats(run).epoch, 2);
  assert.equal(isOwner(run), true);
});

test('second welcome after reconnect replaces history', () => {
  const run = welcomed();
  applyMessage(run, { type: 'epoch', stats: epochStats(0, [1]) });
  applyMessage(run, { type: 'epoch', stats: epochStats(1, [1]) });
  applyMessage(run, { type: 'welcome', role: 'viewer', config: {}, state: READY, viewerCount: 1 });
  applyMessage(run, { type: 'history', epochs: [epochStats(0, [1]), epochStats(1, [1])], done: true });
  assert.equal(run.history.entries.length, 2);
  assert.equal(run.history.received, 2);
  assert.equal(isOwner(run), false);
});

test('detail keeps newest step per layer', () => {
  const run = welcomed();
  const layer = (value) => ({ layerIndex: 0, histograms: { activation: { edges: [0, 1], counts: [value] } }, units: null });
  applyMessage(run, { type: 'detail', epoch: 2, step: 50, layers: [layer(5)] });
  applyMessage(run, { type: 'detail', epoch: 1, step: 25, layers: [layer(3)] });
  assert.deepEqual(run.details[0].histograms.activation.counts, [5]);
  applyMessage(run, { type: 'detail', epoch: 3, step: 75, layers: [layer(7)] });
  assert.deepEqual(run.details[0].histograms.activation.counts, [7]);
});

test('reset clears statistics', () => {
  const run = welcomed();
  applyMessage(run, { type: 'epoch', stats: epochStats(1, [1]) });
  applyMessage(run, { type: 'batch', step: 26, epoch: 1, batchLoss: 0.5 });
  applyMessage(run, { type: 'reset', config: { seed: 2 }, state: READY });
  assert.equal(run.history.entries.length, 0);
  assert.equal(run.history.received, 0);
  assert.equal(run.lastBatch, null);
  assert.deepEqual(run.config, { seed: 2 });
  assert.equal(latestStats(run), null);
});

test('state, viewer count and error', () => {
  const run = welcomed();
  applyMessage(run, { type: 'state', state: { ...READY, status: 'running' } });
  applyMessage(run, { type: 'viewerCount', viewerCount: 9 });
  applyMessage(run, { type: 'error', error: 'no', code: 'invalidState' });
  assert.equal(run.state.status, 'running');
  assert.equal(run.viewerCount, 9);
  assert.equal(run.lastError.code, 'invalidState');
});

test('prediction keeps newest step', () => {
  const run = welcomed();
  applyMessage(run, { type: 'prediction', epoch: 2, step: 50, boundary: null });
  applyMessage(run, { type: 'prediction', epoch: 1, step: 25, boundary: null });
  assert.equal(run.prediction.step, 50);
  applyMessage(run, { type: 'reset', config: {}, state: READY });
  assert.equal(run.prediction, null);
});
