// The project's audit log: filters in the URL, paged by the server, a chain badge for admins
// (`/api/v1/audit/verify`), and an ndjson export of what the filters select. Every row names what
// changed as project / model / @alias or :version, linked, with a link that filters to its model:
// an alias target alone ("production") does not say which model's production moved.

import { call, get, projectPath, query } from '../api.js';
import { alertOf, h, link, report, route, show, table, when } from '../dom.js';
import { can } from './roles.js';

const FILTERS = ['model', 'action', 'actor', 'page_token'];

export async function render({ params, query: q, caller, navigate, signal }) {
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
    class: 'secondary',
    onclick: () => report(notice, async () => {
      const { body } = await call('GET', path + query({ ...current, page_token: '', limit: 1000 }), { accept: 'application/x-ndjson' });
      const url = URL.createObjectURL(body);
      h('a', { href: url, download: `audit-${project}.ndjson` }, 'download').click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      return h('p', { class: 'ok', role: 'status' }, 'Exported.');
    }),
  }, 'Export ndjson');

  if (signal.aborted) {
    return; // left for another page meanwhile: drawing now would cover it
  }
  show(
    h('h1', {}, `Audit of ${project} `, can(caller, 'admin') ? badge : null),
    h('form', {
      class: 'filters',
      onsubmit: (event) => {
        event.preventDefault();
        navigate(to({ ...Object.fromEntries(inputs.map(([f, i]) => [f, i.value.trim()])), page_token: '' }));
      },
    }, inputs.map(([f, input]) => h('div', { class: 'field' }, h('label', { for: input.id }, f), input)),
    h('button', { type: 'submit', class: 'secondary' }, 'Apply')),
    exportButton, notice,
    current.model ? h('p', {}, `Only model ${current.model}. `, h('a', { href: to({ model: '', page_token: '' }) }, 'All models')) : null,
    table('Entries, newest first', ['Seq', 'At', 'Actor', 'Action', 'What', 'Approved by', 'Reason', 'Request'],
      page.items, (e) => [String(e.seq), when(e.at), e.actor, e.action, what(project, e, to), e.approved_by || '—',
        e.reason || '—', h('code', {}, e.request_id || '—')]),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      current.page_token ? h('a', { href: to({ page_token: '' }) }, 'Newest') : null,
      page.next_page_token ? h('a', { href: to({ page_token: page.next_page_token }), rel: 'next' }, 'Older entries') : null));
}

/** project / model / @alias (or :version), each part linked, and a filter to the entry's model. */
function what(project, e, to) {
  const p = e.project || project;
  if (!e.model) {
    return [link(p, 'p', p, 'models'), e.target && e.target !== p ? ` / ${e.target}` : ''];
  }
  const parts = [link(p, 'p', p, 'models'), ' / ', link(e.model, 'p', p, 'm', e.model)];
  const target = e.target || '';
  if (e.action.startsWith('ALIAS_')) {
    parts.push(' / ', link(`@${target}`, 'p', p, 'm', e.model, 'a', target));
  } else if (target.startsWith(`${e.model}:`)) {
    // A file's entry names model:version/path: the link goes to the version, the path stays text.
    const [version, ...file] = target.slice(e.model.length + 1).split('/');
    parts.push(' / ', link(`:${version}`, 'p', p, 'm', e.model, 'v', version), file.length ? `/${file.join('/')}` : '');
  } else if (target && target !== e.model) {
    parts.push(' / ', target);
  }
  parts.push(' ', h('a', { href: to({ model: e.model, page_token: '' }), class: 'filter', title: `only ${e.model}` }, '(only this model)'));
  return parts;
}
