import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endsStep, lockStepOver, lockStepTargets } from '../js/lockStep.js';

const run = (status, epoch) => ({ status, epoch });

test('both step when level and stopped', () => {
  assert.deepEqual(lockStepTargets({ a: run('paused', 3), b: run('paused', 3) }, new Set()), ['a', 'b']);
  assert.deepEqual(lockStepTargets({ a: run('ready', 0), b: run('ready', 0) }, new Set()), ['a', 'b']);
});

test('no step while one trains', () => {
  assert.deepEqual(lockStepTargets({ a: run('running', 3), b: run('paused', 3) }, new Set()), []);
});

test('no step while one awaits its state', () => {
  // The epoch frame arrived but the paused state has not: the step may still be training.
  assert.deepEqual(lockStepTargets({ a: run('paused', 4), b: run('paused', 4) }, new Set(['b'])), []);
});

test('lagging run catches up alone', () => {
  assert.deepEqual(lockStepTargets({ a: run('paused', 2), b: run('paused', 1) }, new Set()), ['b']);
  assert.deepEqual(lockStepTargets({ a: run('paused', 1), b: run('finished', 2) }, new Set()), ['a']);
});

test('no step after a run ends', () => {
  assert.deepEqual(lockStepTargets({ a: run('diverged', 2), b: run('paused', 2) }, new Set()), []);
  assert.deepEqual(lockStepTargets({ a: run('paused', 3), b: run('diverged', 2) }, new Set()), []);
  assert.equal(lockStepOver({ a: run('finished', 4), b: run('finished', 4) }), true);
  assert.equal(lockStepOver({ a: run('finished', 4), b: run('paused', 3) }), false);
});

test('step ends on stopped state or rejection', () => {
  assert.equal(endsStep({ type: 'state', state: { status: 'paused' } }, true), true);
  assert.equal(endsStep({ type: 'state', state: { status: 'running' } }, true), false);
  assert.equal(endsStep({ type: 'error', command: 'stepEpoch', error: 'the session is running' }, false), true);
  assert.equal(endsStep({ type: 'error', command: 'start', error: 'no' }, true), false);
  assert.equal(endsStep({ type: 'epoch' }, true), false);
});

test('stopped state before running ends nothing', () => {
  // The server replies to a setSpeed sent just before the stepEpoch with a paused state.
  assert.equal(endsStep({ type: 'state', state: { status: 'paused' } }, false), false);
});
