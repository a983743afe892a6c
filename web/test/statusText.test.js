import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeRun, divergenceText, NO_RUN_TEXT } from '../js/statusText.js';
import { emptyRun } from '../js/runState.js';
import { epochStats, historyOf } from './fixtures.js';

function runAt(status, epoch) {
  const run = emptyRun('s1', 'key');
  run.state = { status, epoch, step: epoch * 25 };
  run.history = historyOf([epochStats(epoch, [1e-3, 1e-1])]);
  return run;
}

test('lock-step pause shown as stepping', () => {
  const text = describeRun(runAt('paused', 1), runAt('running', 0), { lockStep: true });

  assert.match(text, /^stepping in lock-step · epoch 1/);
  assert.match(text, /run B stepping in lock-step, epoch 0/);
  assert.doesNotMatch(text, /paused/);
});

test('compare line gives both accuracies', () => {
  const runB = runAt('finished', 4);
  runB.history = historyOf([{ ...epochStats(4, [1e-3, 1e-1]), testAccuracy: 0.9 }]);

  const text = describeRun(runAt('finished', 4), runB);

  assert.match(text, /^finished · epoch 4 · held-out accuracy 0\.45/);
  assert.match(text, /run B finished, epoch 4, held-out accuracy 0\.9$/);
});

test('user pause still reads paused', () => {
  const text = describeRun(runAt('paused', 1), runAt('paused', 1), { lockStep: false });

  assert.match(text, /^paused · epoch 1/);
});

test('finished run not called stepping', () => {
  const text = describeRun(runAt('finished', 4), runAt('finished', 4), { lockStep: true });

  assert.match(text, /^finished · epoch 4/);
});

test('batch loss older than snapshot left out', () => {
  // The fixture's epoch 6 snapshot is at step 6 · 25 = 150, after the batch at step 2.
  const run = runAt('paused', 6);
  run.lastBatch = { step: 2, epoch: 0, batchLoss: 7.48 };

  assert.doesNotMatch(describeRun(run, null), /last batch loss/);
});

test('batch loss newer than snapshot shown', () => {
  const run = runAt('paused', 6);
  run.lastBatch = { step: 151, epoch: 6, batchLoss: 0.5 };

  assert.match(describeRun(run, null), /last batch loss 0\.5\d* at step 151/);
});

test('idle text replaceable', () => {
  assert.equal(describeRun(null, null), NO_RUN_TEXT);
  assert.equal(describeRun(emptyRun(), null, { idleText: 'Press Start.' }), 'Press Start.');
});

test('divergence advice not repeated', () => {
  const advice = 'Lower the learning rate (now 10) or enable gradient clipping.';
  const divergence = {
    quantity: 'loss', advice,
    message: `At step 12 (epoch 1) the loss of layer 3 became NaN or infinite. ${advice}`,
  };

  const text = divergenceText(divergence);

  assert.equal(text.split(advice).length - 1, 1, text);
  assert.match(text, /^Diverged: At step 12/);
});

test('divergence advice added when missing', () => {
  const text = divergenceText({ quantity: 'loss', message: 'The loss became NaN', advice: 'Lower the learning rate.' });

  assert.equal(text, 'Diverged: The loss became NaN. Lower the learning rate.');
});
