// A project's webhooks (issue 30, admins only): the endpoints, and for the one chosen its delivery
// log — each delivery's state and attempts (status, latency, the answer's first bytes) — with a
// button that sends a delivery again under the same webhook-id. Secrets are never shown here: the
// API returns one only to the call that made it (`cairn webhook create`).

import { call, get, projectPath, query } from '../api.js';
import { h, report, route, show, table, when } from '../dom.js';

export async function render({ params, query: q, signal }) {
  const { project } = params;
  const hooks = (await get(projectPath(project, 'webhooks'))).items;
  const chosen = q.get('id') || (hooks[0] && hooks[0].id) || '';
  const deliveries = chosen
    ? (await get(projectPath(project, 'webhooks', chosen, 'deliveries') + query({ limit: 50 }))).items
    : [];
  const notice = h('div', { id: 'webhook-notice', 'aria-live': 'polite' });
  const to = (id) => `${route('p', project, 'webhooks')}${query({ id })}`;

  const redeliver = (d) => h('button', {
    type: 'button',
    class: 'secondary redeliver',
    'data-delivery': d.id,
    onclick: () => report(notice, async () => {
      await call('POST', projectPath(project, 'webhooks', chosen, 'deliveries', d.id, 'redeliver'));
      return h('p', { class: 'ok', role: 'status' }, `Delivery ${d.id} queued again.`);
    }),
  }, 'Redeliver');

  if (signal.aborted) {
    return; // left for another page meanwhile
  }
  show(
    h('h1', {}, `Webhooks of ${project}`),
    hooks.length === 0
      ? h('p', {}, 'No webhook endpoints. Create one with ', h('code', {}, 'cairn webhook create URL --event …'), '.')
      : table('Endpoints', ['URL', 'Events', 'Status', 'Format', 'Created', ''], hooks, (w) => [
        w.url, w.events.join(', '), h('span', { class: `badge ${w.status}` }, w.status),
        w.format, when(w.created_at),
        w.id === chosen ? 'shown below' : h('a', { href: to(w.id) }, 'Deliveries')]),
    notice,
    chosen
      ? table('Deliveries, newest first', ['Webhook-id', 'Event', 'State', 'Attempts', 'Last answer', 'Created', ''],
        deliveries, (d) => [h('code', {}, d.id), d.event_type,
          h('span', { class: `badge ${d.state}` }, d.state), String(d.attempts.length), last(d),
          when(d.created_at), redeliver(d)])
      : null);
}

/** The newest attempt: status and latency, or what went wrong, and the answer's first bytes. */
function last(d) {
  const a = d.attempts[0];
  if (!a) {
    return '—';
  }
  const status = a.status_code === null || a.status_code === undefined ? a.error || 'no answer' : String(a.status_code);
  const excerpt = a.response_excerpt ? ` — ${a.response_excerpt.slice(0, 120)}` : '';
  return `${status} in ${a.latency_ms} ms${excerpt}`;
}
