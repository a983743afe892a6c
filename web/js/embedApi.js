// The embedded page's options (from its URL) and its postMessage API. Pure: embed.js applies the
// options and posts the events; the tests call these functions directly.

import { CHART_NAMES } from './chartNames.js';
import { firstToLastRatio } from './series.js';

/** Controls an embedding page can hide or lock, by URL name, with the configuration path they set. */
export const EMBED_CONTROLS = Object.freeze({
  start: null, pause: null, step: null, reset: null, speed: null,
  dataset: 'data.dataset',
  depth: 'network.depth',
  width: 'network.width',
  activation: 'network.activation',
  init: 'network.init.kind',
  bn: 'network.batchNorm',
  lr: 'training.learningRate',
  optimizer: 'training.optimizer',
});

export const MESSAGE_PREFIX = 'layerscope:';
export const INBOUND_TYPES = Object.freeze(['load', 'start', 'pause', 'stepEpoch', 'reset']);

/**
 * Reads the embed options: which controls to hide or lock, which charts to show, whether to start
 * at once, and which parent origin may drive the page. Returns {options, errors}; unknown names are
 * reported, not ignored.
 */
export function readEmbedOptions(params) {
  const errors = [];
  const list = (key, allowed) => {
    const raw = params.get(key);
    if (!raw) {
      return [];
    }
    const names = raw.split(',').map((name) => name.trim()).filter(Boolean);
    for (const name of names.filter((entry) => !allowed.includes(entry))) {
      errors.push({ field: key, value: name, allowed: allowed.join(', ') });
    }
    return names.filter((name) => allowed.includes(name));
  };
  const controlNames = Object.keys(EMBED_CONTROLS);
  const hide = list('hide', controlNames.concat(['lesson', 'network']));
  const lock = list('lock', controlNames);
  const charts = list('charts', CHART_NAMES);
  const parentOrigin = params.get('parentOrigin');
  if (parentOrigin !== null && !/^https?:\/\/[^/\s]+$/.test(parentOrigin)) {
    errors.push({ field: 'parentOrigin', value: parentOrigin, allowed: 'an origin such as https://course.example.org, without a path' });
  }
  return {
    options: {
      hide,
      lock,
      charts: charts.length > 0 ? charts : ['gradient'],
      autostart: params.get('autostart') === 'true',
      parentOrigin: parentOrigin !== null && errors.every((e) => e.field !== 'parentOrigin') ? parentOrigin : null,
    },
    errors,
  };
}

/**
 * Checks a message from the embedding page. Returns {command, lesson, config} for a valid one, or
 * {error} describing what is wrong; messages without the "layerscope:" prefix return null, because
 * they belong to other scripts on the page.
 */
export function parseInbound(data) {
  if (!data || typeof data !== 'object' || typeof data.type !== 'string' || !data.type.startsWith(MESSAGE_PREFIX)) {
    return null;
  }
  const command = data.type.slice(MESSAGE_PREFIX.length);
  if (!INBOUND_TYPES.includes(command)) {
    return { error: `unknown message type ${data.type}; allowed: ${INBOUND_TYPES.map((t) => MESSAGE_PREFIX + t).join(', ')}` };
  }
  if (command === 'load') {
    const hasLesson = typeof data.lesson === 'string';
    const hasConfig = data.config !== null && typeof data.config === 'object' && !Array.isArray(data.config);
    if (hasLesson === hasConfig) {
      return { error: 'layerscope:load needs exactly one of "lesson" (a lesson id) or "config" (a configuration object)' };
    }
    return { command, lesson: hasLesson ? data.lesson : null, config: hasConfig ? data.config : null };
  }
  return { command };
}

/** Builds the event posted to the embedding page after each statistics snapshot. */
export function epochEvent(stats, firstToLastRatio) {
  return {
    type: `${MESSAGE_PREFIX}epoch`,
    epoch: stats.epoch,
    step: stats.step,
    trainLoss: stats.trainLoss,
    testLoss: stats.testLoss,
    trainAccuracy: stats.trainAccuracy,
    testAccuracy: stats.testAccuracy,
    firstToLastRatio,
  };
}

export function stateEvent(state) {
  return { type: `${MESSAGE_PREFIX}state`, status: state.status, epoch: state.epoch, step: state.step };
}

/**
 * Creates the handler that posts run A's server messages to the embedding page. Each statistics
 * snapshot gives one epoch event, including the epoch-0 snapshot that arrives in the history. A
 * reconnect's repeated history and an unchanged state are not posted again.
 */
export function createForwarder(post) {
  let postedState = '';
  let postedStep = -1;
  let postedSession = null;
  const postEpoch = (stats) => {
    if (stats.step > postedStep) {
      postedStep = stats.step;
      post(epochEvent(stats, firstToLastRatio(stats, 'activationGradientNorm')));
    }
  };
  const postState = (state) => {
    const key = `${state.status}/${state.epoch}/${state.step}`;
    if (key !== postedState) {
      postedState = key;
      post(stateEvent(state));
    }
  };
  return (runKey, message) => {
    if (runKey !== 'a') {
      return;
    }
    if (message.type === 'welcome' && message.sessionId !== postedSession) {
      postedSession = message.sessionId;
      postedStep = -1;
    }
    if (message.type === 'reset') {
      postedStep = -1;
    }
    if (message.type === 'epoch') {
      postEpoch(message.stats);
    } else if (message.type === 'history') {
      message.epochs.forEach(postEpoch);
    } else if (message.type === 'state' || message.type === 'welcome' || message.type === 'reset') {
      postState(message.state);
    } else if (message.type === 'error') {
      post({ type: 'layerscope:error', error: message.error, field: message.field, value: message.value, allowed: message.allowed });
    }
  };
}
