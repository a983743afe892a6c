// The run toolbar: start, pause, step epoch, step batch, reset, speed, and the link buttons. Each
// button is optional, because the embedded page may leave some out.

import { byId } from './dom.js';

export function wireRunButtons(store, actions, controller) {
  const on = (id, handler, event = 'click') => byId(id)?.addEventListener(event, handler);
  on('start', () => actions.run('start'));
  on('step-epoch', () => actions.run('stepEpoch'));
  on('step-batch', () => actions.run('stepBatch'));
  on('pause', () => controller.command('pause'));
  on('reset', () => actions.run('reset'));
  on('copy-live', () => actions.copyLiveLink());
  on('copy-setup', () => actions.copySetupLink());
  on('fork', () => actions.fork());
  on('speed', (event) => {
    const speed = Number(event.target.value);
    store.update((state) => { state.ui.speed = speed; });
    controller.setSpeed(speed);
    actions.syncSetupAddress();
  }, 'change');
}
