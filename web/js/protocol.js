// Parsing and validation of the server's WebSocket frames (protocol version 1, docs/protocol.md),
// and the client messages the page sends. A frame that fails validation raises ProtocolError naming
// the field, so a bad frame is reported instead of drawing wrong charts.

import { EPOCH_STATS, HISTOGRAM, UNIT_SAMPLE } from './schema.js';
import { ProtocolError, toNumber, validateShape } from './validate.js';

export const PROTOCOL_VERSION = 1;

export const OWNER_COMMANDS = Object.freeze(['start', 'pause', 'stepEpoch', 'stepBatch', 'reset']);

const STATE = Object.freeze({
  status: 'string', epoch: 'number', step: 'number', learningRate: 'number', epochsPerSecond: 'number',
});

const DETAIL_LAYER = Object.freeze({ layerIndex: 'number', 'units?': UNIT_SAMPLE });

// The model's predictions on a grid over a 2-D dataset and on a few held-out samples; the
// fields are described in predictionView.js.
const PREDICTION = Object.freeze({
  epoch: 'number',
  step: 'number',
  'boundary?': { xMin: 'number', xMax: 'number', yMin: 'number', yMax: 'number', columns: 'number', rows: 'number', predicted: 'numbers', 'confidence?': 'numbers' },
  'points?': { x: 'numbers', y: 'numbers', label: 'numbers', predicted: 'numbers' },
  'samples?': { imageShape: 'numbers', pixels: ['string'], label: 'numbers', predicted: 'numbers', 'confidence?': 'numbers' },
  'classNames?': ['string'],
});

// Shape of each message type beyond its `type` field.
const MESSAGES = Object.freeze({
  welcome: { protocolVersion: 'number', sessionId: 'string', role: 'string', state: STATE, viewerCount: 'number' },
  state: { state: STATE },
  viewerCount: { viewerCount: 'number' },
  history: { epochs: [EPOCH_STATS] },
  epoch: { stats: EPOCH_STATS },
  detail: { epoch: 'number', step: 'number', layers: [DETAIL_LAYER] },
  batch: { step: 'number', epoch: 'number', batchLoss: 'number' },
  prediction: PREDICTION,
  reset: { state: STATE },
  pong: {},
  error: { error: 'string' },
});

/** Parses one text frame into a validated message; throws ProtocolError for anything malformed. */
export function parseServerMessage(text) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new ProtocolError('frame', `not JSON (${cause.message})`);
  }
  if (typeof raw !== 'object' || raw === null || typeof raw.type !== 'string') {
    throw new ProtocolError('frame', 'expected an object with a string "type"');
  }
  const shape = MESSAGES[raw.type];
  if (!shape) {
    throw new ProtocolError('type', `unknown message type ${JSON.stringify(raw.type)}`);
  }
  const message = validateShape(raw, shape, raw.type);
  if (raw.type === 'welcome' && message.protocolVersion !== PROTOCOL_VERSION) {
    throw new ProtocolError('welcome.protocolVersion', `page speaks version ${PROTOCOL_VERSION}, server ${message.protocolVersion}`);
  }
  if (raw.type === 'detail') {
    message.layers = message.layers.map((layer, i) => ({
      ...layer, histograms: parseHistograms(layer.histograms, `detail.layers[${i}].histograms`),
    }));
  }
  return message;
}

function parseHistograms(histograms, path) {
  if (histograms === undefined || histograms === null) {
    return {};
  }
  const parsed = {};
  for (const [name, histogram] of Object.entries(histograms)) {
    if (histogram !== null) {
      parsed[name] = validateShape(histogram, HISTOGRAM, `${path}.${name}`);
    }
  }
  return parsed;
}

/** Builds the first message on a socket. Viewers pass no owner key. */
export function helloMessage(ownerKey) {
  return JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, ownerKey: ownerKey || null });
}

/** Builds one of the owner commands without arguments, such as start or stepEpoch. */
export function commandMessage(command) {
  if (!OWNER_COMMANDS.includes(command)) {
    throw new RangeError(`unknown command ${command}; allowed: ${OWNER_COMMANDS.join(', ')}`);
  }
  return JSON.stringify({ type: command });
}

export function setSpeedMessage(epochsPerSecond) {
  return JSON.stringify({ type: 'setSpeed', epochsPerSecond: toNumber(epochsPerSecond, 'epochsPerSecond') });
}

export function setLearningRateMessage(learningRate) {
  return JSON.stringify({ type: 'setLearningRate', learningRate: toNumber(learningRate, 'learningRate') });
}

export function applyConfigMessage(config) {
  return JSON.stringify({ type: 'applyConfig', config });
}

/**
 * Turns a server error (HTTP body or socket frame) into a list of {field, value, allowed, error}:
 * one per invalid field when `errors` lists them, else the top-level field.
 */
export function fieldErrors(body) {
  const message = body && typeof body.error === 'string' ? body.error : 'request failed';
  if (body && Array.isArray(body.errors) && body.errors.length > 0) {
    return body.errors.map((e) => ({ field: e.field || '', value: e.value, allowed: e.allowed, error: message }));
  }
  return [{ field: (body && body.field) || '', value: body && body.value, allowed: body && body.allowed, error: message }];
}

export { ProtocolError };
