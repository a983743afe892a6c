// The decision of compare mode's lock-step: which runs get the next stepEpoch. Pure, so the rule
// that keeps two runs on the same epoch is tested without sockets.

const TERMINAL = new Set(['finished', 'diverged']);

/**
 * Returns the keys of the runs to step now: both when they have finished the same epoch and are
 * stopped, the one behind when their epochs differ, and none while either is training or has a
 * step in flight (`awaiting`). Each run is {status, epoch}.
 */
export function lockStepTargets(runs, awaiting) {
  const ready = (key) => !awaiting.has(key) && runs[key].status !== 'running' && !TERMINAL.has(runs[key].status);
  if (runs.a.epoch === runs.b.epoch) {
    return ready('a') && ready('b') ? ['a', 'b'] : [];
  }
  const behind = runs.a.epoch < runs.b.epoch ? 'a' : 'b';
  return ready(behind) ? [behind] : [];
}

/** Returns whether lock-step is over: both runs finished or diverged. */
export function lockStepOver(runs) {
  return TERMINAL.has(runs.a.status) && TERMINAL.has(runs.b.status);
}

/**
 * Returns whether `message` ends the step in flight for its run: a state other than running once the
 * step has been seen running, or the server's rejection of the stepEpoch. A stopped state that comes
 * before the running one was sent before the server took the step (after a setSpeed, say), so it
 * ends nothing.
 */
export function endsStep(message, seenRunning) {
  const settled = seenRunning && message.type === 'state' && message.state.status !== 'running';
  const rejected = message.type === 'error' && message.command === 'stepEpoch';
  return settled || rejected;
}
