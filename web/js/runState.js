// The state of one live run and how each server message changes it. Pure: socket.js calls
// applyMessage inside a store update, and the tests call it directly.

import { addStats, createHistory } from './runHistory.js';

/** Creates a run that has received no message yet. */
export function emptyRun(sessionId = null, ownerKey = null) {
  return {
    sessionId,
    ownerKey,
    role: null,
    config: null,
    state: null,
    viewerCount: 0,
    history: createHistory(),
    receivingHistory: false,
    details: {},
    lastBatch: null,
    prediction: null,
    connection: { status: 'idle', attempt: 0, reason: '' },
    lastError: null,
  };
}

/** Applies one parsed server message to `run` in place. */
export function applyMessage(run, message) {
  switch (message.type) {
    case 'welcome':
      run.role = message.role;
      run.config = message.config;
      run.state = message.state;
      run.viewerCount = message.viewerCount;
      run.history = createHistory();
      run.details = {};
      run.receivingHistory = true;
      break;
    case 'history':
      for (const stats of message.epochs) {
        addStats(run.history, stats);
      }
      run.receivingHistory = message.done !== true;
      break;
    case 'epoch':
      addStats(run.history, message.stats);
      break;
    case 'detail':
      applyDetail(run, message);
      break;
    case 'state':
      run.state = message.state;
      break;
    case 'viewerCount':
      run.viewerCount = message.viewerCount;
      break;
    case 'prediction':
      if (!run.prediction || run.prediction.step <= message.step) {
        run.prediction = message;
      }
      break;
    case 'batch':
      run.lastBatch = { step: message.step, epoch: message.epoch, batchLoss: message.batchLoss };
      break;
    case 'reset':
      run.config = message.config || run.config;
      run.state = message.state;
      run.history = createHistory();
      run.details = {};
      run.lastBatch = null;
      run.prediction = null;
      break;
    case 'error':
      run.lastError = message;
      break;
    default:
      break;
  }
}

// Keeps, per layer, the heavy parts of the newest step seen.
function applyDetail(run, message) {
  for (const layer of message.layers) {
    const current = run.details[layer.layerIndex];
    if (current && current.step > message.step) {
      continue;
    }
    run.details[layer.layerIndex] = {
      epoch: message.epoch, step: message.step, histograms: layer.histograms, units: layer.units,
    };
  }
}

/** Returns the newest statistics of a run, or null before the first. */
export function latestStats(run) {
  return run ? run.history.latest : null;
}

/** Returns the statistics at initialization (epoch 0), or null when the history does not reach back to it. */
export function initialStats(run) {
  return run && run.history.first && run.history.first.epoch === 0 ? run.history.first : null;
}

/** Returns whether this page may drive the run. */
export function isOwner(run) {
  return Boolean(run && run.role === 'owner');
}
