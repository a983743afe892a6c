// Wires the embeddable page (/embed): one lesson or configuration, a few controls that the URL can
// hide or lock, the canvas and the chosen charts, and a postMessage API for the embedding page.

import { fetchMeta, fetchPreset, loadChartJs } from './api.js';
import { createCharts } from './charts.js';
import { maximaFromMeta } from './builderFields.js';
import { createBuilder } from './controls.js';
import { byId, el, replaceChildren } from './dom.js';
import { createForwarder, EMBED_CONTROLS, parseInbound, readEmbedOptions } from './embedApi.js';
import { findLesson } from './lessons.js';
import { createNetworkView } from './networkView.js';
import { createPageActions } from './pageActions.js';
import { startRenderLoop } from './renderLoop.js';
import { wireRunButtons } from './runButtons.js';
import { createSessionController } from './session.js';
import { createStatusView } from './statusView.js';
import { createStore, initialPageState } from './store.js';
import { readAddress } from './urlSync.js';

const store = createStore(initialPageState());
const DEFAULT_QUANTITY = initialPageState().ui.gradientQuantity;
const NO_COMPARE = Object.freeze({ enabled: () => false, configFor: (config) => ({ config, errors: [] }), write: () => {} });

async function boot() {
  const meta = await fetchMeta();
  const Chart = await loadChartJs(meta.chartJsUrl);
  const address = readAddress(location);
  const { options, errors } = readEmbedOptions(new URLSearchParams(location.search));
  const post = (event) => window.parent.postMessage(event, options.parentOrigin || '*');
  const forward = createForwarder(post);
  const controller = createSessionController(store, { onEvent: forward });
  const paths = Object.values(EMBED_CONTROLS).filter(Boolean);
  const builder = createBuilder(byId('builder'), { datasets: meta.datasets, onChange: () => {}, paths, maxima: maximaFromMeta(meta.limits) });
  const presets = meta.presets.map((p) => p.name);
  const actions = createPageActions({ store, controller, builder, compare: NO_COMPARE, presets, keepAddress: true });
  wireRunButtons(store, actions, controller);
  applyOptions(options, builder);
  if (errors.length > 0) {
    actions.notify('error', `Ignored embed settings: ${errors.map((e) => `${e.field}=${e.value} (allowed: ${e.allowed})`).join('; ')}`);
  }

  const lesson = findLesson(address.lesson);
  builder.write(lesson ? await lessonConfig(lesson, presets) : address.config);
  showLesson(lesson, options);
  byId('open-full').href = `/${location.search}`;
  if (address.sessionId) {
    controller.attach('a', address.sessionId, address.ownerKey);
  } else if (options.autostart) {
    actions.run('start');
  }

  window.addEventListener('message', (event) => receive(event, { options, builder, actions, controller, presets, post }));
  const views = {
    networkA: options.hide.includes('network') ? null : createNetworkView(byId('network-a'), { onSelectLayer: (i) => store.update((s) => { s.ui.selectedLayer = i; }) }),
    charts: createCharts(Chart, byId('charts'), { onUiChange: (patch) => store.update((s) => Object.assign(s.ui, patch)), include: options.charts }),
    status: createStatusView(),
  };
  byId('network-a-figure').hidden = views.networkA === null;
  startRenderLoop(store, views, (state) => { document.body.classList.toggle('viewer', state.runs.a?.role === 'viewer'); });
  post({ type: 'layerscope:ready', protocolVersion: meta.protocolVersion });
}

function applyOptions(options, builder) {
  document.querySelectorAll('[data-control]').forEach((node) => {
    node.hidden = options.hide.includes(node.dataset.control);
    node.disabled = options.lock.includes(node.dataset.control);
  });
  const pathsOf = (names) => names.map((name) => EMBED_CONTROLS[name]).filter(Boolean);
  builder.restrict(pathsOf(options.hide), pathsOf(options.lock));
}

async function lessonConfig(lesson, presets) {
  return presets.includes(lesson.preset) ? fetchPreset(lesson.preset) : lesson.config;
}

// Shows the lesson's text, selects the quantity its text refers to, and words the status line
// for a page on which a setup is loaded but no run exists yet.
function showLesson(lesson, options) {
  store.update((state) => {
    state.ui.gradientQuantity = lesson?.quantity ?? DEFAULT_QUANTITY;
    state.ui.idleText = options.hide.includes('start') ? 'Waiting for the course page to start the run.' : `${lesson ? `“${lesson.title}” is loaded. ` : ''}Press Start to train.`;
  });
  const stage = byId('embed-lesson');
  stage.hidden = !lesson || options.hide.includes('lesson');
  if (lesson) {
    byId('embed-title').textContent = lesson.title;
    replaceChildren(stage, el('p', {}, lesson.text), el('p', { className: 'formula' }, lesson.formula),
      el('p', { className: 'lesson-question' }, el('strong', {}, 'Predict first: '), lesson.question));
  }
}

// Handles a message from the embedding page: only from the parent window, and from parentOrigin when set.
async function receive(event, { options, builder, actions, controller, presets, post }) {
  if (event.source !== window.parent || (options.parentOrigin && event.origin !== options.parentOrigin)) {
    return;
  }
  const parsed = parseInbound(event.data);
  if (parsed === null) {
    return;
  }
  if (parsed.error) {
    post({ type: 'layerscope:error', error: parsed.error });
    return;
  }
  if (parsed.command === 'load') {
    const lesson = parsed.lesson ? findLesson(parsed.lesson) : null;
    if (parsed.lesson && !lesson) {
      post({ type: 'layerscope:error', error: `unknown lesson ${parsed.lesson}`, field: 'lesson', value: parsed.lesson });
      return;
    }
    actions.setAsideRuns();
    builder.write(lesson ? await lessonConfig(lesson, presets) : parsed.config);
    showLesson(lesson, options);
  } else if (parsed.command === 'pause') {
    controller.command('pause');
  } else {
    actions.run(parsed.command);
  }
}

boot().catch((error) => {
  store.update((state) => { state.notices = [{ kind: 'error', text: `The embedded view failed to start: ${error.message}` }]; });
  createStatusView().render(store.get());
});
