// HTTP calls to the server (docs/protocol.md). Failures raise ApiError carrying the server's field
// errors, so the page can show each one beside its control.

import { fieldErrors } from './protocol.js';

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `request failed with HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.fieldErrors = fieldErrors(body || { error: this.message });
  }
}

async function requestJson(path, options = {}) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, ...options });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { error: `the server sent a response that is not JSON (HTTP ${response.status})` };
  }
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

/** Versions, Chart.js URL, presets, datasets and limits. */
export function fetchMeta() {
  return requestJson('/api/meta');
}

export function fetchPreset(name) {
  return requestJson(`/api/presets/${encodeURIComponent(name)}`);
}

/** Creates a session; returns {id, ownerKey, ownerUrl, viewerUrl, embedUrl}. */
export function createSession(config) {
  return requestJson('/api/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(config),
  });
}

/** Copies a session, weights and history included, into a new one owned by the caller. */
export function forkSession(sessionId) {
  return requestJson(`/api/sessions/${encodeURIComponent(sessionId)}/fork`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: '{}',
  });
}

/** Loads Chart.js from the URL the server gives, once, and returns the global Chart. */
export function loadChartJs(url) {
  if (globalThis.Chart) {
    return Promise.resolve(globalThis.Chart);
  }
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve(globalThis.Chart);
    script.onerror = () => reject(new Error(`could not load Chart.js from ${url}`));
    document.head.append(script);
  });
}
