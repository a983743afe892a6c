// The run status line under the run controls, as text. Pure, so its rules are tested without a page.

import { formatNumber } from './format.js';
import { latestStats } from './runState.js';

export const NO_RUN_TEXT = 'Choose a lesson or set up a network, then press Start.';

/**
 * Describes run A (and run B in compare mode) in one line. `lockStep` is true while the page steps
 * both runs one epoch at a time, where a run is paused between epochs without the user pausing it.
 * `idleText` is shown before any session exists.
 */
export function describeRun(run, runB, { lockStep = false, idleText = NO_RUN_TEXT } = {}) {
  if (!run?.state) {
    return idleText;
  }
  const stats = latestStats(run);
  const epoch = Math.max(run.state.epoch, stats ? stats.epoch : 0);
  const parts = [`${statusWord(run, lockStep)}`, `epoch ${epoch}`];
  if (stats) {
    parts.push(`held-out accuracy ${formatNumber(stats.testAccuracy)}`);
  }
  // A batch loss older than the newest snapshot belongs to an earlier Step batch: leave it out.
  if (run.lastBatch && (!stats || run.lastBatch.step > stats.step)) {
    parts.push(`last batch loss ${formatNumber(run.lastBatch.batchLoss)} at step ${run.lastBatch.step}`);
  }
  if (runB?.state) {
    const statsB = latestStats(runB);
    const accuracyB = statsB ? `, held-out accuracy ${formatNumber(statsB.testAccuracy)}` : '';
    parts.push(`run B ${statusWord(runB, lockStep)}, epoch ${statsB?.epoch ?? 0}${accuracyB}`);
  }
  return parts.join(' · ');
}

function statusWord(run, lockStep) {
  const status = run.state.status;
  if (lockStep && (status === 'paused' || status === 'running' || status === 'ready')) {
    return 'stepping in lock-step';
  }
  return status;
}

/**
 * Describes a divergence report in one sentence or two. The server's message usually ends with its
 * advice already, so the advice is added only when the message lacks it.
 */
export function divergenceText(divergence) {
  const message = (divergence.message || `${divergence.quantity} became NaN or infinite`).trim();
  const advice = (divergence.advice || '').trim();
  const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
  return advice === '' || message.includes(advice) ? `Diverged: ${sentence}` : `Diverged: ${sentence} ${advice}`;
}
