import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addStats, createHistory, HISTORY_CAPACITY, layerValue, receivedCount } from '../js/runHistory.js';
import { epochStats, historyOf } from './fixtures.js';

const epochsOf = (history) => history.entries.map((entry) => entry.epoch);

test('history keeps all below capacity', () => {
  const history = historyOf([0, 1, 2, 3].map((epoch) => epochStats(epoch, [1])), 4);

  assert.deepEqual(epochsOf(history), [0, 1, 2, 3]);
  assert.equal(history.stride, 1);
  assert.equal(receivedCount(history), 4);
});

test('history thins to evenly spaced snapshots', () => {
  // Capacity 4, epochs 0 to 9 (sequence number = epoch):
  //   0..3 -> [0 1 2 3]; 4 -> 5 entries > 4, stride 2 keeps [0 2 4]
  //   5 -> [0 2 4 5]; 6 replaces 5 (off the grid) -> [0 2 4 6]
  //   7 -> 5 entries, stride 4 keeps multiples of 4 and the latest: [0 4 7]
  //   8 replaces 7 -> [0 4 8]; 9 -> [0 4 8 9]
  const history = createHistory(4);
  const seen = [];
  for (let epoch = 0; epoch < 10; epoch++) {
    addStats(history, epochStats(epoch, [1]));
    seen.push(epochsOf(history));
  }

  assert.deepEqual(seen[4], [0, 2, 4]);
  assert.deepEqual(seen[5], [0, 2, 4, 5]);
  assert.deepEqual(seen[6], [0, 2, 4, 6]);
  assert.deepEqual(seen[7], [0, 4, 7]);
  assert.deepEqual(seen[8], [0, 4, 8]);
  assert.deepEqual(seen[9], [0, 4, 8, 9]);
  assert.equal(history.stride, 4);
  assert.equal(receivedCount(history), 10);
});

test('history stays bounded for 10,000 epochs', () => {
  // With capacity 1,000 the stride doubles whenever the multiples of it exceed 1,000 entries:
  // multiples of 8 reach 1,001 entries at epoch 8,000, so the stride becomes 16. At the end the
  // multiples of 16 up to 9,999 are 0..9,984 (625 of them), plus the latest, epoch 9,999: 626.
  const history = createHistory(HISTORY_CAPACITY);
  let largest = 0;
  for (let epoch = 0; epoch < 10000; epoch++) {
    addStats(history, epochStats(epoch, [1, 2]));
    largest = Math.max(largest, history.entries.length);
  }

  assert.equal(HISTORY_CAPACITY, 1000);
  assert.ok(largest <= 1000, `held ${largest} snapshots`);
  assert.equal(history.stride, 16);
  assert.equal(history.entries.length, 626);
  const epochs = epochsOf(history);
  assert.equal(epochs[0], 0);
  assert.equal(epochs.at(-2), 9984);
  assert.equal(epochs.at(-1), 9999);
  for (let i = 1; i < epochs.length - 1; i++) {
    assert.equal(epochs[i] - epochs[i - 1], 16, `gap before epoch ${epochs[i]}`);
  }
});

test('history keeps first and latest in full', () => {
  const stats = [0, 1, 2, 3, 4, 5].map((epoch) => epochStats(epoch, [1]));
  const history = historyOf(stats, 4);

  assert.equal(history.first, stats[0]);
  assert.equal(history.latest, stats[5]);
  assert.equal(history.latest.layers[0].activation.std, 0.2);
});

test('history stores layer values exactly', () => {
  // Vanishing gradients reach values far below the float32 range (about 1e-45), so the values are
  // stored in a Float64Array and must come back unchanged.
  const history = historyOf([epochStats(0, [1e-300, 0.1 + 0.2])]);
  const [entry] = history.entries;

  assert.equal(layerValue(entry, 0, 'activationGradientNorm'), 1e-300);
  assert.equal(layerValue(entry, 1, 'activationGradientNorm'), 0.1 + 0.2);
  // The fixture sets updateRatio to norm / 10 and saturatedFraction to 0.1 * layerIndex.
  assert.equal(layerValue(entry, 1, 'updateRatio'), (0.1 + 0.2) / 10);
  assert.equal(layerValue(entry, 1, 'saturatedFraction'), 0.1);
  assert.equal(entry.trainLoss, 1);
  assert.throws(() => layerValue(entry, 0, 'weightNorm'), /unknown layer field weightNorm/);
});

test('history replaces same step, inserts earlier', () => {
  const history = historyOf([epochStats(0, [1]), epochStats(2, [1]), epochStats(3, [1])]);

  addStats(history, epochStats(2, [5]));
  addStats(history, epochStats(1, [7]));

  assert.deepEqual(epochsOf(history), [0, 1, 2, 3]);
  assert.equal(layerValue(history.entries[2], 0, 'activationGradientNorm'), 5);
  assert.equal(layerValue(history.entries[1], 0, 'activationGradientNorm'), 7);
  assert.equal(receivedCount(history), 4);
  assert.equal(history.latest.epoch, 3);
});

test('history replaces latest of same step', () => {
  const history = historyOf([epochStats(0, [1]), epochStats(1, [1])]);
  const replacement = epochStats(1, [9]);

  addStats(history, replacement);

  assert.equal(history.latest, replacement);
  assert.equal(history.entries.length, 2);
});

test('history rejects invalid capacity', () => {
  assert.throws(() => createHistory(1), /history capacity must be an integer of at least 2, got 1/);
  assert.throws(() => createHistory(2.5), /got 2.5/);
});
