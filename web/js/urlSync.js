// Keeps the address bar in step with the page: the setup as query parameters (urlState.js), plus
// the live sessions. Owner keys go in the fragment only, so they never reach a server or a log.

import { configToParams, paramsToConfig } from './urlState.js';

/** Reads the page address: {config, configB, errors, sessionId, sessionIdB, ownerKey, ownerKeyB, lesson, speed}. */
export function readAddress(location) {
  const params = new URLSearchParams(location.search);
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const { config, errors } = paramsToConfig(params);
  const compare = params.get('compare') === 'true';
  const decodedB = compare ? paramsToConfig(params, 'b.', config) : { config: null, errors: [] };
  return {
    config,
    configB: decodedB.config,
    errors: errors.concat(decodedB.errors),
    sessionId: params.get('session'),
    sessionIdB: params.get('sessionB'),
    ownerKey: fragment.get('owner'),
    ownerKeyB: fragment.get('ownerB'),
    lesson: params.get('lesson'),
    speed: params.has('speed') ? Number(params.get('speed')) : null,
  };
}

/** Builds the address for a setup and, when given, the live sessions and their owner keys. */
export function buildAddress({ config, configB = null, sessions = [], ownerKeys = [], lesson = null, speed = null }) {
  const params = new URLSearchParams();
  if (sessions[0]) {
    params.set('session', sessions[0]);
  }
  if (sessions[1]) {
    params.set('sessionB', sessions[1]);
  }
  if (lesson) {
    params.set('lesson', lesson);
  }
  if (speed !== null && speed !== 5) {
    params.set('speed', String(speed));
  }
  configToParams(config, params);
  if (configB) {
    params.set('compare', 'true');
    configToParams(configB, params, 'b.', config);
  }
  const fragment = new URLSearchParams();
  if (ownerKeys[0]) {
    fragment.set('owner', ownerKeys[0]);
  }
  if (ownerKeys[1]) {
    fragment.set('ownerB', ownerKeys[1]);
  }
  const query = params.toString();
  const hash = fragment.toString();
  return `${query ? `?${query}` : '?'}${hash ? `#${hash}` : ''}`;
}

/** Builds the read-only link to the live sessions, for "copy live link". */
export function viewerLink(origin, path, sessionIds) {
  const params = new URLSearchParams();
  params.set('session', sessionIds[0]);
  if (sessionIds[1]) {
    params.set('sessionB', sessionIds[1]);
  }
  return `${origin}${path}?${params.toString()}`;
}
