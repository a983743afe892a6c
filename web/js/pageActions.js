// Actions behind the page's buttons: start or step (creating sessions when the setup changed),
// pause, reset, load a lesson, fork, copy links. Errors from the server are shown beside their controls.

import { ApiError, fetchPreset } from './api.js';
import { setLearningRateMessage } from './protocol.js';
import { isOwner } from './runState.js';
import { initialPageState } from './store.js';
import { mergeConfig, withDefaults } from './urlState.js';
import { buildAddress, viewerLink } from './urlSync.js';

// Fields of socket commands and the builder controls that set them.
const SOCKET_FIELDS = Object.freeze({ learningRate: 'training.learningRate' });

/** `keepAddress` leaves the address bar alone, as the embedded page must (its URL is the embedding page's choice). */
export function createPageActions({ store, controller, builder, compare, presets, keepAddress = false }) {
  const replaceAddress = (address) => {
    if (!keepAddress) {
      history.replaceState(null, '', address);
    }
  };
  let appliedSetup = null;
  // True while sessions are being created, so a second click cannot create a second set.
  let creating = false;

  function notify(kind, text) {
    store.update((state) => { state.notices = [{ kind, text }]; });
  }

  /** Reads the builder (and run B's settings). Returns {configs} or null after showing the errors. */
  function readSetup() {
    const { config, errors } = builder.read();
    const b = compare.enabled() ? compare.configFor(config) : { config: null, errors: [] };
    const unplaced = builder.showErrors(errors).concat(b.errors);
    if (errors.length > 0 || b.errors.length > 0) {
      notify('error', unplaced.length > 0 ? unplaced.map((e) => `${e.field}: ${e.allowed}`).join('; ') : 'Some settings are invalid; see the messages beside them.');
      return null;
    }
    return { configs: b.config ? [config, b.config] : [config] };
  }

  /** Sends `command` to the current runs, or first creates sessions when the setup differs from theirs. */
  async function run(command) {
    const setup = readSetup();
    if (!setup || creating) {
      return;
    }
    const runs = store.get().runs;
    const key = JSON.stringify(setup.configs);
    // A run that is reconnecting is still this setup's run: send to it (a command that finds the
    // socket down is reported) instead of creating a second set of sessions.
    if (runs.a && isOwner(runs.a) && key === appliedSetup && runs.a.connection.status !== 'failed') {
      controller.command(command);
      return;
    }
    creating = true;
    try {
      const created = await controller.startNew(setup.configs, { firstCommand: command === 'reset' ? null : command, speed: store.get().ui.speed });
      appliedSetup = key;
      store.update((state) => { state.notices = []; });
      replaceAddress(buildAddress({
        config: setup.configs[0], configB: setup.configs[1] || null, speed: store.get().ui.speed,
        sessions: created.map((s) => s.id), ownerKeys: created.map((s) => s.ownerKey),
      }));
    } catch (error) {
      showFailure(error);
    } finally {
      creating = false;
    }
  }

  /** Shows a socket error that names a command field beside the control that sets it. */
  function showServerError(message) {
    const path = SOCKET_FIELDS[message.field];
    if (message.type === 'error' && path) {
      builder.showErrors([{ field: path, value: message.value, allowed: message.allowed, error: message.error }]);
    }
  }

  function showFailure(error) {
    if (error instanceof ApiError) {
      const unplaced = builder.showErrors(error.fieldErrors);
      notify('error', unplaced.length > 0
        ? `${error.message}${unplaced[0].field ? ` (${unplaced[0].field} = ${unplaced[0].value}; allowed: ${unplaced[0].allowed})` : ''}`
        : `${error.message}. See the messages beside the settings.`);
    } else {
      notify('error', `Could not reach the server: ${error.message}`);
    }
  }

  /** Puts a lesson's network in the builder: the server's preset when it has one, else the lesson's own. */
  async function loadLesson(lesson) {
    let config = lesson.config;
    if (presets.includes(lesson.preset)) {
      try {
        config = await fetchPreset(lesson.preset);
      } catch (error) {
        notify('error', `Preset ${lesson.preset} could not be loaded (${error.message}); using the lesson's own network.`);
      }
    }
    setAsideRuns();
    builder.write(config);
    const full = withDefaults(config);
    compare.write(full, lesson.compareWith ? withDefaults(mergeConfig(full, lesson.compareWith)) : null);
    appliedSetup = null;
    // The lesson's text names the quantity the chart opens on; lessons without one use ∂L/∂a.
    store.update((state) => { state.ui.gradientQuantity = lesson.quantity ?? initialPageState().ui.gradientQuantity; });
    syncSetupAddress(lesson.id);
    notify('info', `Loaded “${lesson.title}”. Answer the question, then press Start.`);
  }

  /**
   * Pauses this page's running sessions and drops them from the page, so no number of an old run
   * stays on screen beside a new setup. The sessions stay on the server until they expire.
   */
  function setAsideRuns() {
    const { a } = store.get().runs;
    if (a && isOwner(a) && a.state?.status === 'running') {
      controller.command('pause');
    }
    controller.detach('b');
    controller.detach('a');
    appliedSetup = null;
  }

  /**
   * Writes the builder's setup to the address bar, next to the live sessions (ids and owner keys), so
   * that a reload reconnects to them. After a reload the builder shows the sessions' configuration.
   */
  function syncSetupAddress(lessonId = null) {
    const { config } = builder.read();
    const configB = compare.enabled() ? compare.configFor(config).config : null;
    const live = [store.get().runs.a, store.get().runs.b].filter(Boolean);
    replaceAddress(buildAddress({
      config, configB, lesson: lessonId, speed: store.get().ui.speed,
      sessions: live.map((run) => run.sessionId), ownerKeys: live.map((run) => run.ownerKey),
    }));
  }

  async function copy(text, what) {
    try {
      await navigator.clipboard.writeText(text);
      notify('info', `${what} copied: ${text}`);
    } catch {
      notify('info', `${what} (copy it by hand): ${text}`);
    }
  }

  function copyLiveLink() {
    const { a, b } = store.get().runs;
    if (a) {
      copy(viewerLink(location.origin, '/', [a.sessionId, b?.sessionId].filter(Boolean)), 'Live link');
    }
  }

  function copySetupLink() {
    const { config } = builder.read();
    const configB = compare.enabled() ? compare.configFor(config).config : null;
    copy(`${location.origin}/${buildAddress({ config, configB, speed: store.get().ui.speed })}`, 'Setup link');
  }

  async function fork() {
    try {
      const created = await controller.fork();
      location.assign(created.ownerUrl);
    } catch (error) {
      showFailure(error);
    }
  }

  /**
   * Takes the runs' configurations (sent by the server on connecting) as the applied setup, so that
   * Start on an owner link drives that session instead of creating a new one.
   */
  function adoptSessions(configA, configB) {
    builder.write(configA);
    compare.write(configA, configB);
    const { config } = builder.read();
    const setupB = compare.enabled() ? compare.configFor(config).config : null;
    appliedSetup = JSON.stringify(setupB ? [config, setupB] : [config]);
  }

  /**
   * Sends a new learning rate to the running session when only the learning rate changed, since the
   * server applies it from the next step without a reset (compare mode excluded, because run B may
   * override it). Any other change only updates the address; it takes effect at the next Start.
   */
  function applyChange(event) {
    syncSetupAddress();
    const { config, errors } = builder.read();
    builder.showErrors(errors);
    const runs = store.get().runs;
    if (event?.target?.name !== 'training.learningRate' || runs.b || !runs.a || !isOwner(runs.a) || appliedSetup === null) {
      return;
    }
    const applied = JSON.parse(appliedSetup)[0];
    const changedRate = config.training.learningRate;
    applied.training.learningRate = changedRate;
    if (errors.length > 0 || JSON.stringify(applied) !== JSON.stringify(config)) {
      return;
    }
    controller.send('a', setLearningRateMessage(changedRate));
    appliedSetup = JSON.stringify([config]);
    notify('info', `Learning rate set to ${changedRate} from the next step, without a reset.`);
  }

  return {
    run, loadLesson, applyChange, showServerError, syncSetupAddress, copyLiveLink, copySetupLink, fork, notify, adoptSessions,
    setAsideRuns,
  };
}
