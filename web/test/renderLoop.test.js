import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHART_TIME_SHARE, chartsDue, startRenderLoop } from '../js/renderLoop.js';
import { createStore } from '../js/store.js';

test('charts due before first drawing', () => {
  assert.equal(chartsDue(0, null, 0), true);
});

test('charts wait three times their cost', () => {
  // At a share of 0.25, a 100 ms redraw ending at t = 1000 leaves 300 ms to other work: due at 1300.
  assert.equal(CHART_TIME_SHARE, 0.25);
  assert.equal(chartsDue(1299, 1000, 100), false);
  assert.equal(chartsDue(1300, 1000, 100), true);
});

test('cheap charts due every frame', () => {
  assert.equal(chartsDue(1000, 1000, 0), true);
});

// Runs the loop with a fake clock: each charts.update() advances the clock by `chartMillis`, and each
// animation frame by 16 ms. Returns the store, the versions the charts drew and a frame stepper.
function loopWithClock(chartMillis) {
  let clock = 0;
  const callbacks = [];
  const saved = { raf: globalThis.requestAnimationFrame, document: globalThis.document, now: performance.now };
  globalThis.requestAnimationFrame = (callback) => callbacks.push(callback);
  globalThis.document = { getElementById: () => null };
  performance.now = () => clock;
  const store = createStore({ runs: { a: null, b: null }, ui: { selectedLayer: 0 }, value: 0 });
  const drawn = [];
  startRenderLoop(store, { charts: { update: (state) => { drawn.push(state.value); clock += chartMillis; } } });
  const step = () => {
    clock += 16;
    callbacks.shift()(clock);
  };
  const restore = () => {
    globalThis.requestAnimationFrame = saved.raf;
    globalThis.document = saved.document;
    performance.now = saved.now;
  };
  return { store, drawn, step, restore };
}

test('slow charts skip frames and draw latest', () => {
  const { store, drawn, step, restore } = loopWithClock(100);
  try {
    step();
    for (let value = 1; value <= 20; value++) {
      store.update((state) => { state.value = value; });
      step();
    }
    // Once the store stops changing, the charts catch up within 300 ms of the last redraw.
    for (let i = 0; i < 20; i++) {
      step();
    }
  } finally {
    restore();
  }

  assert.ok(drawn.length < 10, `drawn ${drawn.length} times: ${drawn}`);
  assert.equal(drawn.at(-1), 20);
});

test('fast charts draw every change', () => {
  const { store, drawn, step, restore } = loopWithClock(0);
  try {
    step();
    for (let value = 1; value <= 5; value++) {
      store.update((state) => { state.value = value; });
      step();
    }
  } finally {
    restore();
  }

  assert.deepEqual(drawn, [0, 1, 2, 3, 4, 5]);
});
