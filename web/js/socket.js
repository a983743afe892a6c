// One WebSocket per live run. Sends hello with the owner key, parses every frame into the store,
// keeps the connection alive with pings and reconnects with growing delays after a drop. The
// protocol has the server send welcome and the whole history on each connection, so a reconnect
// redraws the same charts.

import { helloMessage, parseServerMessage } from './protocol.js';
import { applyMessage } from './runState.js';

const RETRY_MILLIS = Object.freeze({ first: 500, max: 10000 });
const PING_MILLIS = 25000;

// Close codes after which reconnecting cannot help (docs/protocol.md).
const FINAL_CLOSES = Object.freeze({
  4400: 'the server speaks another protocol version; reload the page',
  4404: 'no such session: it expired or never existed',
  4429: 'this session has as many viewers as the server allows',
});

/**
 * Connects run `runKey` of the store to its session. Returns {send, close}; send returns false when
 * the socket is not open, and the caller reports that instead of losing the command silently.
 */
export function connectRun(store, runKey, onMessage = () => {}) {
  let socket = null;
  let pingTimer = null;
  let retryTimer = null;
  let closedByPage = false;
  const run = () => store.get().runs[runKey];
  // The run this socket belongs to. After close(), or once the page has put another run (a new
  // session) in the slot, frames still in flight on this socket and its close event must not
  // touch the store: they would show the old session's state, or "closed", on the new run.
  const ownRun = run();
  const superseded = () => closedByPage || run() !== ownRun;

  function setConnection(status, reason = '') {
    if (run() !== ownRun) {
      return;
    }
    store.update((state) => {
      const connection = state.runs[runKey].connection;
      connection.status = status;
      connection.reason = reason;
    });
  }

  function open() {
    const { sessionId, ownerKey } = run();
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    setConnection(run().connection.attempt > 0 ? 'reconnecting' : 'connecting');
    socket = new WebSocket(`${scheme}://${location.host}/ws/sessions/${encodeURIComponent(sessionId)}`);
    socket.onopen = () => {
      socket.send(helloMessage(ownerKey));
      store.update((state) => { state.runs[runKey].connection.attempt = 0; });
      setConnection('open');
      pingTimer = setInterval(() => socket.send('{"type":"ping"}'), PING_MILLIS);
    };
    socket.onmessage = (event) => receive(event.data);
    socket.onclose = (event) => scheduleReconnect(event);
  }

  function receive(text) {
    if (superseded()) {
      return;
    }
    let message;
    try {
      message = parseServerMessage(text);
    } catch (error) {
      store.update((state) => { state.runs[runKey].lastError = { code: 'protocol', error: error.message }; });
      return;
    }
    store.update((state) => applyMessage(state.runs[runKey], message));
    onMessage(message);
  }

  function scheduleReconnect(event) {
    clearInterval(pingTimer);
    if (superseded()) {
      setConnection('closed');
      return;
    }
    if (FINAL_CLOSES[event.code]) {
      setConnection('failed', FINAL_CLOSES[event.code]);
      return;
    }
    const attempt = run().connection.attempt + 1;
    const delay = Math.min(RETRY_MILLIS.max, RETRY_MILLIS.first * 2 ** (attempt - 1));
    store.update((state) => { state.runs[runKey].connection.attempt = attempt; });
    setConnection('reconnecting', `connection lost (code ${event.code}); retrying in ${(delay / 1000).toFixed(1)} s`);
    retryTimer = setTimeout(open, delay);
  }

  open();
  return {
    send(text) {
      if (!socket || socket.readyState !== WebSocket.OPEN) {
        return false;
      }
      socket.send(text);
      return true;
    },
    close() {
      closedByPage = true;
      clearTimeout(retryTimer);
      clearInterval(pingTimer);
      if (socket) {
        socket.close(1000, 'page closed the run');
      }
    },
  };
}
