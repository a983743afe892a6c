import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createSessionController } from '../js/session.js';
import { createStore, initialPageState } from '../js/store.js';
import { FakeSocket } from './fakeSocket.js';
import { epochStats } from './fixtures.js';

const PAUSED = { status: 'paused', epoch: 0, step: 0, learningRate: 0.1, epochsPerSecond: 5 };

function setUp(t) {
  FakeSocket.instances = [];
  globalThis.WebSocket = FakeSocket;
  globalThis.location = { protocol: 'http:', host: 'localhost:7070' };
  let created = 0;
  globalThis.fetch = async () => {
    created += 1;
    const body = JSON.stringify({ id: `s${created}`, ownerKey: `key${created}` });
    return { ok: true, status: 201, text: async () => body };
  };
  mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'] });
  t.after(() => mock.timers.reset());
  const store = createStore(initialPageState());
  return { store, controller: createSessionController(store) };
}

// Opens both runs' sockets and sends each its welcome and history, which releases the lock-step.
function joinBoth() {
  for (const [i, socket] of FakeSocket.instances.entries()) {
    socket.open();
    socket.receive({ type: 'welcome', protocolVersion: 1, sessionId: `s${i + 1}`, role: 'owner', config: {}, state: PAUSED, viewerCount: 0 });
    socket.receive({ type: 'history', epochs: [epochStats(0, [1e-3, 1e-1])], done: true });
  }
}

test('lock-step steps both runs', async (t) => {
  const { store, controller } = setUp(t);

  await controller.startNew([{}, {}], { firstCommand: 'start', speed: 0 });
  joinBoth();
  mock.timers.tick(1);

  const [a, b] = FakeSocket.instances;
  assert.equal(a.commands('stepEpoch'), 1);
  assert.equal(b.commands('stepEpoch'), 1);
  assert.equal(a.commands('start'), 0, 'lock-step never sends start');
  assert.equal(store.get().ui.lockStep, true);
});

test('step during lock-step epoch not sent', async (t) => {
  const { store, controller } = setUp(t);
  await controller.startNew([{}, {}], { firstCommand: 'start', speed: 0 });
  joinBoth();
  mock.timers.tick(1);
  const [a, b] = FakeSocket.instances;
  a.receive({ type: 'state', state: { ...PAUSED, status: 'running' } });

  controller.command('stepEpoch');
  mock.timers.tick(1000);

  assert.equal(a.commands('stepEpoch'), 1, 'a second stepEpoch while training would be rejected');
  assert.equal(b.commands('stepEpoch'), 1);
  assert.equal(store.get().ui.lockStep, false);
});

test('lock-step ends after epoch when stepped', async (t) => {
  const { controller } = setUp(t);
  await controller.startNew([{}, {}], { firstCommand: 'start', speed: 0 });
  joinBoth();
  mock.timers.tick(1);
  const [a, b] = FakeSocket.instances;

  controller.command('stepEpoch');
  a.receive({ type: 'epoch', stats: epochStats(1, [1e-3, 1e-1]) });
  a.receive({ type: 'state', state: { ...PAUSED, epoch: 1 } });
  b.receive({ type: 'epoch', stats: epochStats(1, [1e-3, 1e-1]) });
  b.receive({ type: 'state', state: { ...PAUSED, epoch: 1 } });
  mock.timers.tick(1000);

  assert.equal(a.commands('stepEpoch'), 1, 'no lock-step epoch after the user stepped');
  assert.equal(b.commands('stepEpoch'), 1);
});

test('new pair not stepped by old timer', async (t) => {
  const { controller } = setUp(t);
  await controller.startNew([{}, {}], { firstCommand: 'start', speed: 1 });
  joinBoth();
  mock.timers.tick(1);
  for (const socket of FakeSocket.instances) {
    socket.receive({ type: 'epoch', stats: epochStats(1, [1e-3, 1e-1]) });
    socket.receive({ type: 'state', state: { ...PAUSED, epoch: 1 } });
  }

  // The second pair's sessions are created while the first pair waits out its one-second gap.
  await controller.startNew([{}, {}], { firstCommand: 'start', speed: 1 });
  const [, , newA, newB] = FakeSocket.instances;
  newA.open();
  newB.open();
  mock.timers.tick(2000);

  assert.equal(newA.commands('stepEpoch'), 0, 'stepped before its history arrived');
  assert.equal(newB.commands('stepEpoch'), 0);
});

test('lock-step hides a step rejected as running', async (t) => {
  const { store, controller } = setUp(t);
  await controller.startNew([{}, {}], { firstCommand: 'start', speed: 0 });
  joinBoth();
  mock.timers.tick(1);
  const [a, b] = FakeSocket.instances;
  const rejection = {
    type: 'error', code: 'invalidState', command: 'stepEpoch',
    error: 'stepEpoch rejected: the session is running; pause it first',
    field: 'status', value: 'running', allowed: 'ready or paused', errors: [],
  };

  a.receive(rejection);
  b.receive({ ...rejection, error: 'stepEpoch rejected: the session finished its 20 epochs', value: 'finished' });

  assert.equal(store.get().runs.a.lastError ?? null, null, 'a retried step is not an error for the user');
  assert.equal(store.get().runs.b.lastError?.code, 'invalidState', 'other rejections are still shown');
});

test('speed echo does not end a lock-step', async (t) => {
  const { controller } = setUp(t);
  await controller.startNew([{}, {}], { firstCommand: 'start', speed: 0 });
  joinBoth();
  mock.timers.tick(1);
  const [a, b] = FakeSocket.instances;

  // The state the server sent for an earlier setSpeed arrives after the stepEpoch went out.
  a.receive({ type: 'state', state: { ...PAUSED, epochsPerSecond: 0 } });
  b.receive({ type: 'state', state: { ...PAUSED, epochsPerSecond: 0 } });
  mock.timers.tick(1000);
  assert.equal(a.commands('stepEpoch'), 1, 'a stale paused state must not trigger a second step');

  for (const socket of [a, b]) {
    socket.receive({ type: 'state', state: { ...PAUSED, status: 'running' } });
    socket.receive({ type: 'epoch', stats: epochStats(1, [1e-3, 1e-1]) });
    socket.receive({ type: 'state', state: { ...PAUSED, epoch: 1 } });
  }
  mock.timers.tick(1000);
  assert.equal(a.commands('stepEpoch'), 2);
  assert.equal(b.commands('stepEpoch'), 2);
});
