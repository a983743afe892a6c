// The one requestAnimationFrame loop of a page. Views redraw after a store change; the network
// canvases also redraw while a sweep is playing. Every server frame goes into the store as it
// arrives, and the loop draws only the latest state, so many frames between two animation frames
// cost one redraw.

import { byId } from './dom.js';

/**
 * Share of the main thread the charts may take while frames stream in. A deep network's charts can
 * take hundreds of milliseconds to redraw in software. When they redrew on every animation frame,
 * the page handled about one WebSocket message per redraw and fell minutes behind the stream.
 */
export const CHART_TIME_SHARE = 0.25;

/**
 * Returns whether the charts may redraw at `now`: always when they have never drawn, otherwise once
 * the time since the end of their last redraw is at least their last cost times (1 / share - 1).
 */
export function chartsDue(now, lastEnd, lastCost, share = CHART_TIME_SHARE) {
  if (lastEnd === null) {
    return true;
  }
  return now - lastEnd >= lastCost * (1 / share - 1);
}

/**
 * Starts the loop. `views` may contain networkA, networkB, details, charts and status (each optional);
 * `afterChange(state)` runs once per store change, after the views.
 */
export function startRenderLoop(store, views, afterChange = () => {}) {
  let drawnVersion = -1;
  let chartsVersion = -1;
  let chartsEnd = null;
  let chartsCost = 0;
  let animating = false;
  const figureB = byId('network-b-figure');
  const captionA = byId('network-a-run');

  // The charts skip animation frames while they are over their time share and catch up with the
  // latest state on a later one, so no epoch is lost, only intermediate drawings.
  const drawChartsIfDue = (state) => {
    const start = performance.now();
    if (!views.charts || chartsVersion === drawnVersion || !chartsDue(start, chartsEnd, chartsCost)) {
      return;
    }
    chartsVersion = drawnVersion;
    views.charts.update(state);
    chartsEnd = performance.now();
    chartsCost = chartsEnd - start;
  };

  const frame = (now) => {
    const state = store.get();
    const changed = store.version() !== drawnVersion;
    const { a, b } = state.runs;
    if ((changed || animating) && views.networkA) {
      animating = views.networkA.render(a, state.ui.selectedLayer, now);
      if (figureB) {
        figureB.hidden = !b;
      }
      if (captionA) {
        captionA.hidden = !b;
      }
      if (b && views.networkB) {
        animating = views.networkB.render(b, state.ui.selectedLayer, now) || animating;
      }
    }
    if (changed) {
      drawnVersion = store.version();
      views.status?.render(state);
      views.details?.render(a, state.ui.selectedLayer, b ? 'Run A' : null);
    }
    drawChartsIfDue(state);
    if (changed) {
      afterChange(state);
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}
