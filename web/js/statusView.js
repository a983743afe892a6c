// The header badges (connection, role, viewers), the run status line and the message area.

import { byId, el, replaceChildren } from './dom.js';
import { describeRun, divergenceText } from './statusText.js';

const CONNECTION_TEXT = Object.freeze({
  idle: 'no session yet',
  connecting: 'connecting…',
  open: 'connected',
  reconnecting: 'reconnecting…',
  failed: 'disconnected',
  closed: 'closed',
});

export function createStatusView() {
  const connection = byId('connection');
  const role = byId('role');
  const viewers = byId('viewers');
  const status = byId('run-status');
  const messages = byId('messages');

  function render(state) {
    const run = state.runs.a;
    const link = run ? run.connection : { status: 'idle', reason: '' };
    connection.textContent = CONNECTION_TEXT[link.status] || link.status;
    connection.dataset.status = link.status;
    connection.title = link.reason || '';
    role.textContent = roleText(run);
    role.hidden = !run?.role;
    viewers.textContent = run?.role ? `${run.viewerCount} watching` : '';
    viewers.hidden = !run?.role;
    status.textContent = describeRun(run, state.runs.b, { lockStep: state.ui.lockStep, idleText: state.ui.idleText });
    showDownloads(run);
    renderMessages(state, run, link);
  }

  function renderMessages(state, run, link) {
    const lines = [];
    if (link.reason) {
      lines.push(el('p', { className: link.status === 'failed' ? 'message error' : 'message' }, link.reason));
    }
    for (const [key, entry] of Object.entries(state.runs)) {
      if (entry?.lastError) {
        lines.push(el('p', { className: 'message error' }, `${state.runs.b ? `Run ${key.toUpperCase()}: ` : ''}${entry.lastError.error}`));
      }
      if (entry?.state?.divergence) {
        lines.push(el('p', { className: 'message error' }, divergenceText(entry.state.divergence)));
      }
    }
    state.notices.forEach((notice) => lines.push(el('p', { className: `message ${notice.kind}` }, notice.text)));
    replaceChildren(messages, lines);
  }

  return { render };
}

// Links to the run's whole history, which the server sends as a file download.
function showDownloads(run) {
  for (const [id, extension] of [['download-csv', 'csv'], ['download-jsonl', 'jsonl']]) {
    const link = byId(id);
    if (!link) {
      continue;
    }
    link.hidden = !run?.role;
    if (run?.sessionId) {
      link.href = `/api/sessions/${encodeURIComponent(run.sessionId)}/history.${extension}`;
    }
  }
}

function roleText(run) {
  if (!run?.role) {
    return '';
  }
  return run.role === 'owner' ? 'you drive this run' : 'watching (read-only)';
}
