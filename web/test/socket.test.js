import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { connectRun } from '../js/socket.js';
import { emptyRun } from '../js/runState.js';
import { createStore } from '../js/store.js';
import { FakeSocket } from './fakeSocket.js';

const READY = { status: 'ready', epoch: 0, step: 0, learningRate: 0.1, epochsPerSecond: 5 };

function setUp(ownerKey = 'key') {
  FakeSocket.instances = [];
  globalThis.WebSocket = FakeSocket;
  globalThis.location = { protocol: 'http:', host: 'localhost:7070' };
  const store = createStore({ runs: { a: emptyRun('s1', ownerKey) } });
  const connection = connectRun(store, 'a');
  return { store, connection, socket: FakeSocket.instances[0] };
}

test('hello carries the owner key after open', (t) => {
  const { store, socket, connection } = setUp();
  t.after(() => connection.close());
  assert.equal(socket.url, 'ws://localhost:7070/ws/sessions/s1');
  assert.equal(store.get().runs.a.connection.status, 'connecting');
  socket.open();
  assert.deepEqual(JSON.parse(socket.sent[0]), { type: 'hello', protocolVersion: 1, ownerKey: 'key' });
  assert.equal(store.get().runs.a.connection.status, 'open');
});

test('frames land in the store', (t) => {
  const { store, socket, connection } = setUp();
  t.after(() => connection.close());
  socket.open();
  socket.receive({ type: 'welcome', protocolVersion: 1, sessionId: 's1', role: 'owner', config: {}, state: READY, viewerCount: 3 });
  assert.equal(store.get().runs.a.role, 'owner');
  assert.equal(store.get().runs.a.viewerCount, 3);
});

test('malformed frame reported not applied', (t) => {
  const { store, socket, connection } = setUp();
  t.after(() => connection.close());
  socket.open();
  socket.onmessage({ data: '{"type":"epoch","stats":{}}' });
  assert.equal(store.get().runs.a.lastError.code, 'protocol');
  assert.match(store.get().runs.a.lastError.error, /epoch\.stats\.epoch: missing/);
});

test('dropped connection retries with growing delay', () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  try {
    const { store, socket, connection } = setUp();
    socket.open();
    socket.drop(1006);
    assert.equal(store.get().runs.a.connection.status, 'reconnecting');
    assert.match(store.get().runs.a.connection.reason, /retrying in 0\.5 s/);
    mock.timers.tick(499);
    assert.equal(FakeSocket.instances.length, 1, 'no retry before the delay');
    mock.timers.tick(1);
    assert.equal(FakeSocket.instances.length, 2, 'one retry after 0.5 s');
    FakeSocket.instances[1].drop(1006);
    assert.match(store.get().runs.a.connection.reason, /retrying in 1\.0 s/);
    mock.timers.tick(1000);
    FakeSocket.instances[2].open();
    assert.equal(store.get().runs.a.connection.status, 'open');
    assert.equal(store.get().runs.a.connection.attempt, 0, 'a successful open resets the delay');
    connection.close();
  } finally {
    mock.timers.reset();
  }
});

test('unknown session stops retrying', () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  try {
    const { store, socket, connection } = setUp();
    socket.open();
    socket.drop(4404);
    mock.timers.tick(60000);
    assert.equal(FakeSocket.instances.length, 1);
    assert.equal(store.get().runs.a.connection.status, 'failed');
    assert.match(store.get().runs.a.connection.reason, /no such session/);
    connection.close();
  } finally {
    mock.timers.reset();
  }
});

test('send refuses while closed', (t) => {
  const { connection, socket } = setUp(null);
  t.after(() => connection.close());
  assert.equal(connection.send('{"type":"start"}'), false);
  socket.open();
  assert.equal(JSON.parse(socket.sent[0]).ownerKey, null, 'viewers send no key');
  assert.equal(connection.send('{"type":"start"}'), true);
});

test('replaced socket leaves new run alone', (t) => {
  const { store, connection: old, socket: oldSocket } = setUp();
  oldSocket.open();
  const running = { ...READY, status: 'running', epoch: 3 };
  oldSocket.receive({ type: 'welcome', protocolVersion: 1, sessionId: 's1', role: 'owner', config: {}, state: running, viewerCount: 0 });

  old.close();
  store.update((state) => { state.runs.a = emptyRun('s2', 'key2'); });
  const fresh = connectRun(store, 'a');
  t.after(() => fresh.close());
  FakeSocket.instances[1].open();
  oldSocket.receive({ type: 'state', state: { ...running, status: 'paused' } });
  oldSocket.drop(1000);

  const run = store.get().runs.a;
  assert.equal(run.sessionId, 's2');
  assert.equal(run.state, null, 'a late frame of the old session changed the new run');
  assert.equal(run.connection.status, 'open', 'the old socket\'s close event changed the new run\'s badge');
});

test('close after detach does not throw', () => {
  const { store, connection, socket } = setUp();
  socket.open();

  connection.close();
  store.update((state) => { state.runs.a = null; });

  assert.doesNotThrow(() => socket.drop(1000));
  assert.equal(store.get().runs.a, null);
});
