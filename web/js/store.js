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
