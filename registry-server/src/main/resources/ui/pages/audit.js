// The project's audit log: filters in the URL, paged by the server, a chain badge for admins
// (`/api/v1/audit/verify`), and an ndjson export of what the filters select.

import { call, get, projectPath, query } from '../api.js';
import { alertOf, h, report, route, show, table, when } from '../dom.js';
import { can } from './roles.js';

const FILTERS = ['model', 'action', 'actor', 'page_token'];

export async function render({ params, query: q, caller, navigate }) {
  const { project } = params;
  const current = Object.fromEntries(FILTERS.map((f) => [f, q.get(f) || '']));
  const path = projectPath(project, 'audit');
  const page = await get(path + query({ ...current, limit: 50 }));
  const to = (changes) => `${route('p', project, 'audit')}${query({ ...current, ...changes })}`;
  const inputs = ['model', 'action', 'actor'].map((f) => [f, h('input', { id: `a-${f}`, value: current[f] })]);
  const notice = h('div', { 'aria-live': 'polite' });

  const badge = h('span', { id: 'chain', class: 'badge' }, 'chain: not checked');
  if (can(caller, 'admin')) {
    get('/api/v1/audit/verify')
      .then((result) => {
        badge.textContent = result.valid ? `chain intact (${result.entries} entries)` : `chain BROKEN at entry ${result.first_invalid_seq}`;
        badge.className = `badge ${result.valid ? 'ACTIVE' : 'FAILED'}`;
      })
      .catch((error) => badge.replaceChildren(alertOf(error)));
  }
  const exportButton = h('button', {
    type: 'button',
    onclick: () => report(notice, async () => {
      const { body } = await call('GET', path + query({ ...current, page_token: '', limit: 1000 }), { accept: 'application/x-ndjson' });
      const url = URL.createObjectURL(body);
      h('a', { href: url, download: `audit-${project}.ndjson` }, 'download').click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      return h('p', { class: 'ok', role: 'status' }, 'Exported.');
    }),
  }, 'Export ndjson');

  show(
    h('h1', {}, `Audit of ${project} `, can(caller, 'admin') ? badge : null),
    h('form', {
      class: 'filters',
      onsubmit: (event) => {
        event.preventDefault();
        navigate(to({ ...Object.fromEntries(inputs.map(([f, i]) => [f, i.value.trim()])), page_token: '' }));
      },
    }, inputs.map(([f, input]) => h('div', { class: 'field' }, h('label', { for: input.id }, f), input)),
    h('button', { type: 'submit' }, 'Apply')),
    exportButton, notice,
    table('Entries, newest first', ['Seq', 'At', 'Actor', 'Action', 'Target', 'Approved by', 'Reason', 'Request'],
      page.items, (e) => [String(e.seq), when(e.at), e.actor, e.action, e.target || '—', e.approved_by || '—',
        e.reason || '—', h('code', {}, e.request_id || '—')]),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      current.page_token ? h('a', { href: to({ page_token: '' }) }, 'Newest') : null,
      page.next_page_token ? h('a', { href: to({ page_token: page.next_page_token }), rel: 'next' }, 'Older entries') : null));
}
