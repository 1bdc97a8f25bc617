// One model: variants, aliases with their pointers and generation (the implicit `latest` apart: it
// has no generation and no rollout), the production status, and its versions (paged by the server,
// newest first). Publishers archive it; admins delete it in one call with a reason (refused while an
// alias points at a version, unless forced).

import { call, get, projectPath, query } from '../api.js';
import { h, link, pointers, report, route, short, show, table, when } from '../dom.js';
import { can } from './roles.js';

export async function render({ params, query: q, caller, navigate, signal }) {
  const { project, model } = params;
  const base = projectPath(project, 'models', model);
  const token = q.get('page_token') || '';
  const [m, aliases, status, versions] = await Promise.all([
    get(base),
    get(`${base}/aliases`),
    get(`${base}/status${query({ alias: 'production' })}`),
    get(`${base}/versions${query({ limit: 50, page_token: token })}`),
  ]);
  const notice = h('div', { 'aria-live': 'polite' });
  const archive = can(caller, 'publisher') && m.state !== 'ARCHIVED'
    ? h('button', {
      type: 'button',
      class: 'danger',
      onclick: () => report(notice, async () => {
        await call('PATCH', base, { body: { state: 'ARCHIVED' } });
        navigate(route('p', project, 'm', model));
      }),
    }, 'Archive model')
    : null;
  const deleteReason = h('input', { id: 'delete-reason', required: true });
  const force = h('input', { id: 'delete-force', type: 'checkbox' });
  const remove = can(caller, 'admin')
    ? h('form', {
      class: 'filters',
      onsubmit: (event) => {
        event.preventDefault();
        report(notice, async () => {
          await call('DELETE', base, { body: { reason: deleteReason.value, force: force.checked } });
          navigate(route('p', project, 'models'));
        });
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'delete-reason' }, 'Reason'), deleteReason),
    h('div', { class: 'field' }, h('label', { for: 'delete-force' }, 'Even while an alias points at a version'), force),
    h('button', { type: 'submit', class: 'danger' }, 'Delete model'))
    : null;

  const all = aliases.items || aliases;
  const latest = all.find((a) => a.alias === 'latest');
  const named = all.filter((a) => a.alias !== 'latest');

  if (signal.aborted) {
    return; // left for another page meanwhile: drawing now would cover it
  }
  show(
    h('h1', {}, model, ' ', h('span', { class: `badge ${status.status}` }, status.status)),
    h('p', {}, m.description || ''),
    h('dl', {},
      h('dt', {}, 'Variants'), h('dd', {}, (m.variants || []).join(', ')),
      h('dt', {}, 'Labels'), h('dd', {}, Object.entries(m.labels || {}).map(([k, v]) => `${k}=${v}`).join(', ') || '—'),
      h('dt', {}, 'Production'), h('dd', {}, pointers(status.active),
        status.missing && status.missing.length ? ` (missing: ${status.missing.join(', ')})` : '',
        status.inactive && status.inactive.length ? ` (ready, not active: ${status.inactive.join(', ')})` : ''),
      h('dt', {}, 'Serving'), h('dd', {}, `${status.serving.on_target}/${status.serving.instances} replicas on target`),
      h('dt', {}, 'State'), h('dd', {}, m.state)),
    archive, remove, notice,
    table('Aliases', ['Alias', 'Generation', 'Pointers', 'Updated', 'By', 'Rollout'], named, (a) => [
      link(`@${a.alias}`, 'p', project, 'm', model, 'a', a.alias),
      String(a.generation),
      pointers(a.pointers),
      when(a.updated_at),
      a.updated_by || '—',
      link('rollout', 'p', project, 'm', model, 'a', a.alias, 'rollout'),
    ]),
    h('p', { id: 'latest', class: 'muted' }, h('strong', {}, '@latest'),
      ' (implicit, computed: the newest READY version of each variant; never set, so no generation or rollout): ',
      latest ? pointers(latest.pointers) : 'no READY version yet'),
    table(`Versions (${versions.items.length} on this page)`,
      ['Version', 'Variant', 'State', 'Digest', 'Created', 'By', 'Validation', 'Aliases'],
      versions.items, (v) => [
        link(v.version, 'p', project, 'm', model, 'v', v.version),
        v.variant || '—',
        v.state,
        h('code', {}, short(v.digest)),
        when(v.created_at),
        v.created_by || '—',
        validationCell(v),
        (v.aliases || []).join(', ') || '—',
      ]),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      token ? h('a', { href: route('p', project, 'm', model) }, 'Newest') : null,
      versions.next_page_token
        ? h('a', { href: `${route('p', project, 'm', model)}${query({ page_token: versions.next_page_token })}`, rel: 'next' }, 'Older versions')
        : null));
}

/** "checksum PASSED / load FAILED", and for a FAILED version its failure code, linked to the why. */
function validationCell(v) {
  const phases = v.validation ? `${v.validation.checksum} / ${v.validation.load}` : '—';
  return v.failure && v.failure.code ? [phases, ' — ', h('strong', {}, v.failure.code)] : phases;
}
