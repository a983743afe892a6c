// Wires the page: store, server metadata, builder, lessons, sockets, views, and one
// requestAnimationFrame loop that redraws the views after the store changed.

import { fetchMeta, loadChartJs } from './api.js';
import { createCharts } from './charts.js';
import { createCompareView } from './compareView.js';
import { createBuilder } from './controls.js';
import { createDetailsView } from './detailsView.js';
import { byId } from './dom.js';
import { findLesson } from './lessons.js';
import { createLessonsView } from './lessonsView.js';
import { createNetworkView } from './networkView.js';
import { createPageActions } from './pageActions.js';
import { isOwner } from './runState.js';
import { createSessionController } from './session.js';
import { createStatusView } from './statusView.js';
import { createStore } from './store.js';
import { readAddress } from './urlSync.js';

const store = createStore({
  runs: { a: null, b: null },
  notices: [],
  ui: { selectedLayer: 0, gradientQuantity: 'activationGradientNorm', histogramField: 'activation', speed: 5 },
});

async function boot() {
  const status = createStatusView();
  let meta;
  try {
    meta = await fetchMeta();
  } catch (error) {
    store.update((state) => { state.notices = [{ kind: 'error', text: `Could not load the server's settings: ${error.message}. Reload to try again.` }]; });
    status.render(store.get());
    return;
  }
  const Chart = await loadChartJs(meta.chartJsUrl);
  const address = readAddress(location);
  const controller = createSessionController(store);
  const onChange = () => actions.syncSetupAddress();
  const builder = createBuilder(byId('builder'), { datasets: meta.datasets.map((d) => d.name), onChange });
  const compare = createCompareView({ toggle: byId('compare-toggle'), container: byId('compare-fields'), onChange });
  const actions = createPageActions({ store, controller, builder, compare, presets: meta.presets.map((p) => p.name) });
  const lessons = createLessonsView({
    list: byId('lesson-list'), stage: byId('lesson-stage'), chartsHome: byId('charts'), onLoad: (lesson) => actions.loadLesson(lesson),
  });
  const selectLayer = (layerIndex) => store.update((state) => { state.ui.selectedLayer = layerIndex; });
  const views = {
    networkA: createNetworkView(byId('network-a'), { onSelectLayer: selectLayer }),
    networkB: createNetworkView(byId('network-b'), { onSelectLayer: selectLayer }),
    details: createDetailsView(byId('layer-details')),
    charts: createCharts(Chart, byId('charts'), { onUiChange: (patch) => store.update((state) => Object.assign(state.ui, patch)) }),
    status,
  };
  wireButtons(actions, controller);

  builder.write(address.config);
  compare.write(address.config, address.configB);
  if (address.speed !== null) {
    byId('speed').value = String(address.speed);
    store.update((state) => { state.ui.speed = address.speed; });
  }
  if (address.errors.length > 0) {
    builder.showErrors(address.errors);
    actions.notify('error', 'The link has invalid settings; they are marked beside their controls and were left at their defaults.');
  }
  if (address.lesson && findLesson(address.lesson)) {
    lessons.open(address.lesson);
  }
  if (address.sessionId) {
    controller.attach('a', address.sessionId, address.ownerKey);
    if (address.sessionIdB) {
      controller.attach('b', address.sessionIdB, address.ownerKeyB);
    }
  }
  startLoop(views, builder);
}

function wireButtons(actions, controller) {
  byId('start').addEventListener('click', () => actions.run('start'));
  byId('step-epoch').addEventListener('click', () => actions.run('stepEpoch'));
  byId('step-batch').addEventListener('click', () => actions.run('stepBatch'));
  byId('pause').addEventListener('click', () => controller.command('pause'));
  byId('reset').addEventListener('click', () => actions.run('reset'));
  byId('copy-live').addEventListener('click', () => actions.copyLiveLink());
  byId('copy-setup').addEventListener('click', () => actions.copySetupLink());
  byId('fork').addEventListener('click', () => actions.fork());
  byId('speed').addEventListener('change', (event) => {
    const speed = Number(event.target.value);
    store.update((state) => { state.ui.speed = speed; });
    controller.setSpeed(speed);
    actions.syncSetupAddress();
  });
}

// One loop for every view: redraw after a store change, or while the canvas animates a sweep.
function startLoop(views, builder) {
  let drawnVersion = -1;
  let animating = false;
  let viewerConfigStep = null;
  const frame = (now) => {
    const state = store.get();
    const changed = store.version() !== drawnVersion;
    if (changed || animating) {
      const { a, b } = state.runs;
      animating = a ? views.networkA.render(a, state.ui.selectedLayer, now) : false;
      byId('network-b-figure').hidden = !b;
      if (b) {
        animating = views.networkB.render(b, state.ui.selectedLayer, now) || animating;
      }
    }
    if (changed) {
      drawnVersion = store.version();
      const { a } = state.runs;
      views.status.render(state);
      views.details.render(a, state.ui.selectedLayer);
      views.charts.update(state);
      applyRole(a, builder);
      if (a && a.role === 'viewer' && a.config && viewerConfigStep !== a.sessionId) {
        viewerConfigStep = a.sessionId;
        builder.write(a.config);
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

function applyRole(run, builder) {
  const viewer = Boolean(run && run.role === 'viewer');
  document.body.classList.toggle('viewer', viewer);
  builder.setDisabled(viewer);
  byId('fork').hidden = !viewer;
  byId('copy-live').disabled = !run;
  for (const id of ['start', 'pause', 'step-epoch', 'step-batch', 'reset', 'speed']) {
    byId(id).disabled = viewer || (run !== null && !isOwner(run) && run.role !== null);
  }
}

boot();
