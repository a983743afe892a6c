// The page's single source of truth. Sockets and controls change it through update(); views
// compare version() with the version they last drew, so they redraw only after a change.

export function createStore(initialState) {
  const state = initialState;
  let version = 0;
  return {
    get: () => state,
    version: () => version,
    /** Runs `mutate(state)` and marks the state changed. */
    update(mutate) {
      mutate(state);
      version += 1;
    },
  };
}

/** Returns the state both pages start from: no runs yet, the gradient chart on ∂L/∂a, speed 5 epochs/s (the server's default). */
export function initialPageState() {
  return {
    runs: { a: null, b: null },
    notices: [],
    ui: { selectedLayer: 0, gradientQuantity: 'activationGradientNorm', histogramField: 'activation', speed: 5, lockStep: false, idleText: undefined },
  };
}
