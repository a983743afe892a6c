// Wires the page: store, server metadata, builder, lessons, sockets, views, and one
// requestAnimationFrame loop that redraws the views after the store changed.

import { fetchMeta, loadChartJs } from './api.js';
import { maximaFromMeta } from './builderFields.js';
import { createCharts } from './charts.js';
import { createCompareView } from './compareView.js';
import { createBuilder } from './controls.js';
import { createDetailsView } from './detailsView.js';
import { byId } from './dom.js';
import { findLesson } from './lessons.js';
import { createLessonsView } from './lessonsView.js';
import { createNetworkView } from './networkView.js';
import { createPageActions } from './pageActions.js';
import { createSessionController } from './session.js';
import { createStatusView } from './statusView.js';
import { createStore, initialPageState } from './store.js';
import { startRenderLoop } from './renderLoop.js';
import { wireRunButtons } from './runButtons.js';
import { readAddress } from './urlSync.js';

const store = createStore(initialPageState());

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
  const controller = createSessionController(store, { onEvent: (runKey, message) => actions.showServerError(message) });
  const onChange = (event) => actions.applyChange(event);
  const maxima = maximaFromMeta(meta.limits);
  const builder = createBuilder(byId('builder'), { datasets: meta.datasets, onChange, maxima });
  const compare = createCompareView({ toggle: byId('compare-toggle'), container: byId('compare-fields'), onChange, maxima });
  const actions = createPageActions({ store, controller, builder, compare, presets: meta.presets.map((p) => p.name) });
  const lessons = createLessonsView({
    list: byId('lesson-list'),
    stage: byId('lesson-stage'),
    chartsHome: byId('charts'),
    onLoad: (lesson) => actions.loadLesson(lesson),
    hiddenWidth: () => Number(byId('f-network-width').value) || 32,
  });
  const selectLayer = (layerIndex) => store.update((state) => { state.ui.selectedLayer = layerIndex; });
  const views = {
    networkA: createNetworkView(byId('network-a'), { onSelectLayer: selectLayer }),
    networkB: createNetworkView(byId('network-b'), { onSelectLayer: selectLayer }),
    details: createDetailsView(byId('layer-details')),
    charts: createCharts(Chart, byId('charts'), { onUiChange: (patch) => store.update((state) => Object.assign(state.ui, patch)) }),
    status,
  };
  wireRunButtons(store, actions, controller);

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
  startRenderLoop(store, views, followSessionConfig(actions, builder));
}

// Shows a session's configuration in the builder once the server has sent it: read-only for
// viewers, and as the applied setup for owners, so Start drives that session.
function followSessionConfig(actions, builder) {
  let shownSessions = '';
  return (state) => {
    const { a, b } = state.runs;
    applyRole(a, builder);
    const ready = a?.config && (!b || b.config);
    const key = `${a?.sessionId}/${b?.sessionId}`;
    if (ready && key !== shownSessions) {
      shownSessions = key;
      actions.adoptSessions(a.config, b ? b.config : null);
    }
  };
}

function applyRole(run, builder) {
  const viewer = Boolean(run && run.role === 'viewer');
  document.body.classList.toggle('viewer', viewer);
  builder.setDisabled(viewer);
  document.querySelectorAll('#compare-toggle, #compare-fields input, #compare-fields select').forEach((control) => { control.disabled = viewer; });
  byId('builder-readonly').hidden = !viewer;
  byId('fork').hidden = !viewer;
  byId('copy-live').disabled = !run;
  for (const id of ['start', 'pause', 'step-epoch', 'step-batch', 'reset', 'speed']) {
    byId(id).disabled = viewer;
  }
}

boot();
