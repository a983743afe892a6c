// A run's statistics history as the charts need it, in bounded memory. The server sends one
// EpochStats per snapshot, with about twenty numbers per layer; a 65-layer run of 10,000 epochs
// would keep millions of parsed objects. This history keeps full objects only for the first and
// the latest snapshot (the variance chart, the network view and the details read those). For the
// line charts it keeps each snapshot's scalars and the five per-layer series fields in a
// Float64Array, and at most `capacity` snapshots of those: the first, the latest and evenly spaced
// ones in between. Exports come from the server, which keeps every snapshot.

/** Per-layer fields kept for every retained snapshot: the ones the line charts draw. */
export const LAYER_FIELDS = Object.freeze([
  'activationGradientNorm', 'weightGradientNorm', 'updateRatio', 'saturatedFraction', 'deadFraction',
]);

/** Snapshot-level fields kept for every retained snapshot. */
export const SCALAR_FIELDS = Object.freeze(['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy']);

/**
 * Snapshots kept for the charts, so a chart series has at most this many points (65,000 in the
 * gradient chart of a 65-layer run). Past it the history keeps every 2nd snapshot, then every 4th,
 * and so on, so it contains between half and all of this many.
 */
export const HISTORY_CAPACITY = 1000;

/** Creates an empty history that keeps at most `capacity` evenly spaced snapshots (at least 2). */
export function createHistory(capacity = HISTORY_CAPACITY) {
  if (!Number.isInteger(capacity) || capacity < 2) {
    throw new RangeError(`history capacity must be an integer of at least 2, got ${capacity}`);
  }
  return {
    capacity,
    // Retained snapshots have a sequence number (their position among the snapshots received,
    // from 0) that is a multiple of stride, except the latest, which is always retained.
    stride: 1,
    received: 0,
    entries: [],
    first: null,
    latest: null,
    // Whether two received snapshots had the same epoch (snapshots every N steps), so the charts
    // plot against step.
    repeatsEpoch: false,
  };
}

/** Returns the number of snapshots received, which can exceed the number retained. */
export function receivedCount(history) {
  return history.received;
}

/**
 * Adds `stats` to `history` in place. Snapshots normally arrive in step order. One with the step
 * of a retained snapshot replaces it; an earlier one that is not retained is inserted in step
 * order and kept until the next thinning.
 */
export function addStats(history, stats) {
  const entry = compactEntry(stats);
  const { entries } = history;
  const last = entries.length > 0 ? entries[entries.length - 1] : null;
  if (!last || last.step < stats.step) {
    appendLatest(history, entry, stats);
    return;
  }
  const index = entries.findIndex((existing) => existing.step >= stats.step);
  if (entries[index].step === stats.step) {
    entry.sequence = entries[index].sequence;
    entries[index] = entry;
  } else {
    entry.sequence = -1;
    entries.splice(index, 0, entry);
    history.received += 1;
  }
  if (history.first && history.first.step >= stats.step) {
    history.first = stats;
  }
  if (history.latest.step === stats.step) {
    history.latest = stats;
  }
}

function appendLatest(history, entry, stats) {
  const { entries } = history;
  const last = entries.length > 0 ? entries[entries.length - 1] : null;
  if (last && last.sequence % history.stride !== 0) {
    // The previous latest is not on the grid of evenly spaced snapshots, so the new one replaces it.
    entries.pop();
  }
  if (history.latest && history.latest.epoch === stats.epoch) {
    history.repeatsEpoch = true;
  }
  entry.sequence = history.received;
  history.received += 1;
  entries.push(entry);
  history.first = history.first || stats;
  history.latest = stats;
  if (entries.length > history.capacity) {
    thin(history);
  }
}

// Doubles the stride and drops the snapshots that are off the new grid; the latest stays.
function thin(history) {
  history.stride *= 2;
  const lastIndex = history.entries.length - 1;
  history.entries = history.entries.filter((entry, index) => index === lastIndex || entry.sequence % history.stride === 0);
}

function compactEntry(stats) {
  const layerCount = stats.layers.length;
  const values = new Float64Array(layerCount * LAYER_FIELDS.length);
  stats.layers.forEach((layer, layerIndex) => {
    LAYER_FIELDS.forEach((field, f) => {
      values[layerIndex * LAYER_FIELDS.length + f] = layer[field];
    });
  });
  const entry = { sequence: 0, epoch: stats.epoch, step: stats.step, layerCount, values };
  for (const field of SCALAR_FIELDS) {
    entry[field] = stats[field];
  }
  return entry;
}

/** Returns the value of `field` (one of LAYER_FIELDS) for layer `layerIndex` of a retained entry. */
export function layerValue(entry, layerIndex, field) {
  const f = LAYER_FIELDS.indexOf(field);
  if (f < 0) {
    throw new RangeError(`unknown layer field ${field}; kept fields: ${LAYER_FIELDS.join(', ')}`);
  }
  return entry.values[layerIndex * LAYER_FIELDS.length + f];
}
