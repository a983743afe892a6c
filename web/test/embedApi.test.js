import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createForwarder, epochEvent, parseInbound, readEmbedOptions, stateEvent } from '../js/embedApi.js';
import { epochStats } from './fixtures.js';

test('embed options read hide lock charts', () => {
  const { options, errors } = readEmbedOptions(new URLSearchParams('hide=reset,depth&lock=activation&charts=gradient,loss&autostart=true&parentOrigin=https://course.example.org'));
  assert.deepEqual(errors, []);
  assert.deepEqual(options.hide, ['reset', 'depth']);
  assert.deepEqual(options.lock, ['activation']);
  assert.deepEqual(options.charts, ['gradient', 'loss']);
  assert.equal(options.autostart, true);
  assert.equal(options.parentOrigin, 'https://course.example.org');
});

test('embed options default to gradient chart', () => {
  const { options } = readEmbedOptions(new URLSearchParams(''));
  assert.deepEqual(options.charts, ['gradient']);
  assert.equal(options.autostart, false);
  assert.equal(options.parentOrigin, null);
});

test('unknown embed names reported', () => {
  const { options, errors } = readEmbedOptions(new URLSearchParams('hide=reset,everything&charts=pie&parentOrigin=https://x.org/path'));
  assert.deepEqual(options.hide, ['reset']);
  assert.deepEqual(errors.map((e) => `${e.field}=${e.value}`), ['hide=everything', 'charts=pie', 'parentOrigin=https://x.org/path']);
  assert.equal(options.parentOrigin, null);
});

test('inbound commands parsed', () => {
  assert.deepEqual(parseInbound({ type: 'layerscope:start' }), { command: 'start' });
  assert.deepEqual(parseInbound({ type: 'layerscope:load', lesson: 'vanishing' }), { command: 'load', lesson: 'vanishing', config: null });
  assert.deepEqual(parseInbound({ type: 'layerscope:load', config: { seed: 1 } }), { command: 'load', lesson: null, config: { seed: 1 } });
});

test('inbound foreign messages ignored', () => {
  assert.equal(parseInbound('hello'), null);
  assert.equal(parseInbound({ type: 'other:start' }), null);
  assert.equal(parseInbound(null), null);
});

test('inbound invalid messages explained', () => {
  assert.match(parseInbound({ type: 'layerscope:explode' }).error, /unknown message type layerscope:explode/);
  assert.match(parseInbound({ type: 'layerscope:load' }).error, /exactly one of/);
  assert.match(parseInbound({ type: 'layerscope:load', lesson: 'x', config: {} }).error, /exactly one of/);
});

test('outbound events carry numbers', () => {
  const event = epochEvent(epochStats(4, [1e-6, 1]), 1e-6);
  assert.equal(event.type, 'layerscope:epoch');
  assert.equal(event.epoch, 4);
  assert.equal(event.firstToLastRatio, 1e-6);
  assert.deepEqual(stateEvent({ status: 'running', epoch: 2, step: 50 }), { type: 'layerscope:state', status: 'running', epoch: 2, step: 50 });
});

const READY_STATE = { status: 'ready', epoch: 0, step: 0 };

function forwarded() {
  const events = [];
  return { events, forward: createForwarder((event) => events.push(event)) };
}

test('forwarder posts epoch 0 from history', () => {
  const { events, forward } = forwarded();

  forward('a', { type: 'welcome', sessionId: 's1', state: READY_STATE });
  forward('a', { type: 'history', epochs: [epochStats(0, [1e-3, 1e-1])], done: true });

  const epochs = events.filter((event) => event.type === 'layerscope:epoch');
  assert.deepEqual(epochs.map((event) => event.epoch), [0]);
});

test('forwarder skips repeated state and history', () => {
  const { events, forward } = forwarded();
  const history = { type: 'history', epochs: [epochStats(0, [1]), epochStats(1, [1])], done: true };

  forward('a', { type: 'welcome', sessionId: 's1', state: READY_STATE });
  forward('a', { type: 'state', state: READY_STATE });
  forward('a', history);
  forward('a', { type: 'welcome', sessionId: 's1', state: READY_STATE });
  forward('a', history);

  assert.equal(events.filter((event) => event.type === 'layerscope:state').length, 1);
  assert.deepEqual(events.filter((event) => event.type === 'layerscope:epoch').map((event) => event.epoch), [0, 1]);
});

test('forwarder restarts epochs for new session', () => {
  const { events, forward } = forwarded();

  forward('a', { type: 'welcome', sessionId: 's1', state: READY_STATE });
  forward('a', { type: 'epoch', stats: epochStats(2, [1]) });
  forward('a', { type: 'welcome', sessionId: 's2', state: READY_STATE });
  forward('a', { type: 'history', epochs: [epochStats(0, [1])], done: true });

  assert.deepEqual(events.filter((event) => event.type === 'layerscope:epoch').map((event) => event.epoch), [2, 0]);
});

test('forwarder ignores run B', () => {
  const { events, forward } = forwarded();

  forward('b', { type: 'epoch', stats: epochStats(1, [1]) });

  assert.deepEqual(events, []);
});
