// The one requestAnimationFrame loop of a page. Views redraw after a store change; the network
// canvases also redraw while a sweep is playing.

import { byId } from './dom.js';

/**
 * Starts the loop. `views` may contain networkA, networkB, details, charts and status (each optional);
 * `afterChange(state)` runs once per store change, after the views.
 */
export function startRenderLoop(store, views, afterChange = () => {}) {
  let drawnVersion = -1;
  let animating = false;
  const figureB = byId('network-b-figure');
  const captionA = byId('network-a-run');

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
      views.charts?.update(state);
      afterChange(state);
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}
