// Drives live runs: creates sessions, connects their sockets, sends commands, and in compare mode
// steps both runs one epoch at a time so neither gets ahead of the other.

import { createSession, forkSession } from './api.js';
import { endsStep, lockStepOver, lockStepTargets } from './lockStep.js';
import { commandMessage, setSpeedMessage } from './protocol.js';
import { emptyRun, isOwner, latestStats } from './runState.js';
import { connectRun } from './socket.js';

export function createSessionController(store, { onEvent = () => {} } = {}) {
  const sockets = {};
  // Commands to send once a new session's history has arrived: {command, speed} per run.
  const pendingCommands = new Map();
  let lockStep = null;

  function attach(runKey, sessionId, ownerKey = null) {
    if (sockets[runKey]) {
      sockets[runKey].close();
    }
    store.update((state) => { state.runs[runKey] = emptyRun(sessionId, ownerKey); });
    sockets[runKey] = connectRun(store, runKey, (message) => handleMessage(runKey, message));
  }

  // Keeps the store's flag in step with the controller, so the status line can show that the runs
  // pause between epochs because of lock-step, not because the user paused them.
  function setLockStep(next) {
    // A timer of the lock-step being replaced would send stepEpoch to the new runs before their
    // history has arrived.
    if (lockStep && lockStep !== next && lockStep.timer) {
      clearTimeout(lockStep.timer);
      lockStep.timer = null;
    }
    lockStep = next;
    if (Boolean(store.get().ui?.lockStep) !== Boolean(next)) {
      store.update((state) => { state.ui.lockStep = Boolean(next); });
    }
  }

  function detach(runKey) {
    if (runKey === 'b') {
      setLockStep(null);
    }
    if (sockets[runKey]) {
      sockets[runKey].close();
      delete sockets[runKey];
    }
    store.update((state) => { state.runs[runKey] = null; });
  }

  function handleMessage(runKey, message) {
    // In lock-step a stepEpoch that reaches a run still finishing its last epoch is rejected as
    // running. The step is sent again, so the rejection is not shown to the user.
    const retriedStep = lockStep && message.type === 'error' && message.command === 'stepEpoch'
      && message.field === 'status' && message.value === 'running';
    if (retriedStep) {
      store.update((state) => {
        if (state.runs[runKey]?.lastError?.command === 'stepEpoch') {
          state.runs[runKey].lastError = null;
        }
      });
    } else {
      onEvent(runKey, message);
    }
    if (message.type === 'history' && message.done && pendingCommands.has(runKey)) {
      const { command: first, speed } = pendingCommands.get(runKey);
      pendingCommands.delete(runKey);
      if (speed !== null) {
        send(runKey, setSpeedMessage(speed));
      }
      if (lockStep) {
        advanceLockStep();
      } else if (first) {
        send(runKey, commandMessage(first));
      }
    } else if (lockStep && ['state', 'epoch', 'error'].includes(message.type)) {
      if (message.type === 'state' && message.state.status === 'running' && lockStep.awaiting.has(runKey)) {
        lockStep.running.add(runKey);
      }
      if (endsStep(message, lockStep.running.has(runKey))) {
        lockStep.awaiting.delete(runKey);
        lockStep.running.delete(runKey);
      }
      advanceLockStep();
    }
  }

  function send(runKey, text) {
    const socket = sockets[runKey];
    const sent = Boolean(socket && socket.send(text));
    if (!sent) {
      store.update((state) => {
        if (state.runs[runKey]) {
          state.runs[runKey].lastError = { code: 'notConnected', error: 'not connected to the server, so the command was not sent; try again once the connection is back' };
        }
      });
    }
    return sent;
  }

  /**
   * Creates a session for each configuration (one, or two to compare) and, once connected, sets the
   * speed and sends `firstCommand` (start, stepEpoch, stepBatch or null). Two runs started together
   * advance in lock-step.
   */
  async function startNew(configs, { firstCommand = 'start', speed = null } = {}) {
    const created = await Promise.all(configs.map((config) => createSession(config)));
    const keys = ['a', 'b'];
    if (configs.length < 2) {
      detach('b');
    }
    setLockStep(configs.length === 2 && firstCommand === 'start' ? newLockStep(speed) : null);
    created.forEach((session, i) => {
      attach(keys[i], session.id, session.ownerKey);
      pendingCommands.set(keys[i], { command: firstCommand, speed });
    });
    return created;
  }

  // Sends stepEpoch to the runs lockStepTargets picks. A run counts as done with a step only once a
  // state frame other than running has arrived after the stepEpoch was sent, so a late state frame
  // can never trigger a second step while the first is still training.
  function advanceLockStep() {
    const { a, b } = store.get().runs;
    if (!lockStep || !a || !b || !a.state || !b.state || pendingCommands.size > 0) {
      return;
    }
    const runs = {
      a: { status: a.state.status, epoch: latestStats(a)?.epoch ?? -1 },
      b: { status: b.state.status, epoch: latestStats(b)?.epoch ?? -1 },
    };
    if (lockStepOver(runs)) {
      setLockStep(null);
      return;
    }
    const targets = lockStepTargets(runs, lockStep.awaiting);
    if (targets.length === 0 || lockStep.timer) {
      return;
    }
    const gapMillis = lockStep.speed > 0 ? 1000 / lockStep.speed : 0;
    const waitMillis = targets.length === 2 ? Math.max(0, lockStep.lastStepMillis + gapMillis - Date.now()) : 0;
    const scheduled = lockStep;
    lockStep.timer = setTimeout(() => {
      if (lockStep !== scheduled) {
        return;
      }
      lockStep.timer = null;
      if (targets.length === 2) {
        lockStep.lastStepMillis = Date.now();
      }
      for (const key of targets) {
        lockStep.awaiting.add(key);
        send(key, commandMessage('stepEpoch'));
      }
    }, waitMillis);
  }

  /** Sends an owner command to every run on the page (both runs in compare mode). */
  function command(name) {
    const runs = store.get().runs;
    const keys = ['a', 'b'].filter((key) => runs[key] && isOwner(runs[key]));
    if (runs.b && (name === 'start' || name === 'pause' || name === 'reset')) {
      if (name === 'start') {
        setLockStep(lockStep || newLockStep(store.get().ui.speed));
        advanceLockStep();
        return;
      }
      setLockStep(null);
      if (name === 'pause') {
        return;
      }
    }
    // A step pressed during lock-step ends the lock-step. While an epoch is in flight, that epoch is
    // the step, because sending stepEpoch to a training run only gets the server's invalidState.
    if (lockStep && (name === 'stepEpoch' || name === 'stepBatch')) {
      const inFlight = lockStep.awaiting.size > 0;
      setLockStep(null);
      if (inFlight) {
        return;
      }
    }
    keys.forEach((key) => send(key, commandMessage(name)));
  }

  function setSpeed(epochsPerSecond) {
    if (lockStep) {
      lockStep.speed = epochsPerSecond;
    }
    ['a', 'b'].filter((key) => sockets[key]).forEach((key) => send(key, setSpeedMessage(epochsPerSecond)));
  }

  /** Forks run A into a new session owned by this browser; returns the new session's links. */
  function fork() {
    return forkSession(store.get().runs.a.sessionId);
  }

  return { attach, detach, startNew, command, setSpeed, fork, send };
}

function newLockStep(speed) {
  return { speed, lastStepMillis: 0, timer: null, awaiting: new Set(), running: new Set() };
}
