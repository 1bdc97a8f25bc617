// Models of a project: paged by the server (keyset tokens), filtered by state, label and name;
// filters, order and page live in the URL, so a reload or a shared link shows the same page. Each
// row says what is in production, how much of it serves and what changed last (two reads a row);
// publishers create a model here. Below the list: the project's signature trust policy, read-only.

import { get, projectPath, query } from '../api.js';
import { h, link, route, show, table, when } from '../dom.js';
import { newModel } from './create.js';
import { can } from './roles.js';
import { trustPolicy } from './signature.js';
import { lastChange, production } from './summary.js';

const FILTERS = ['state', 'label', 'q', 'order_by', 'page_token'];

export async function render({ params, query: q, caller, navigate, signal }) {
  const { project } = params;
  const current = Object.fromEntries(FILTERS.map((f) => [f, q.get(f) || '']));
  const [page, trust] = await Promise.all([
    get(projectPath(project, 'models') + query({ ...current, limit: 25 })),
    trustPolicy(project),
  ]);
  const rows = await Promise.all(page.items.map(async (m) => ({
    m, ...(await production(project, m.name)), last: await lastChange(project, m.name),
  })));
  const to = (changes) => `${route('p', project, 'models')}${query({ ...current, ...changes })}`;

  const field = (name, label, control) => h('div', { class: 'field' }, h('label', { for: `f-${name}` }, label), control);
  const state = h('select', { id: 'f-state', name: 'state' },
    ['', 'LIVE', 'ARCHIVED'].map((s) => h('option', { value: s, selected: s === current.state }, s || 'any')));
  const label = h('input', { id: 'f-label', name: 'label', value: current.label, placeholder: 'key:value' });
  const name = h('input', { id: 'f-q', name: 'q', value: current.q, placeholder: 'part of a name' });
  const order = h('select', { id: 'f-order_by', name: 'order_by' },
    [['', 'oldest first'], ['created_at desc', 'newest first'], ['name', 'name A–Z'], ['name desc', 'name Z–A']]
      .map(([v, text]) => h('option', { value: v, selected: v === current.order_by }, text)));
  const form = h('form', {
    class: 'filters',
    onsubmit: (event) => {
      event.preventDefault();
      navigate(to({ state: state.value, label: label.value.trim(), q: name.value.trim(), order_by: order.value, page_token: '' }));
    },
  }, field('state', 'State', state), field('label', 'Label', label), field('q', 'Name', name),
  field('order_by', 'Order', order), h('button', { type: 'submit', class: 'secondary' }, 'Apply'));

  if (signal.aborted) {
    return; // left for another page meanwhile: drawing now would cover it
  }
  show(h('h1', {}, `Models of ${project}`),
    can(caller, 'publisher') ? newModel(project, navigate) : null,
    form,
    table(`Models (${page.items.length} on this page)`,
      ['Model', 'State', 'Production', 'Serving (on target/replicas)', 'Last change', 'Variants', 'Labels', 'Created'],
      rows, ({ m, production: prod, serving, last }) => [
        link(m.name, 'p', project, 'm', m.name),
        m.state,
        prod,
        serving,
        last,
        (m.variants || []).join(', '),
        Object.entries(m.labels || {}).map(([k, v]) => `${k}=${v}`).join(', ') || '—',
        when(m.created_at),
      ]),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      current.page_token ? h('a', { href: to({ page_token: '' }) }, 'First page') : null,
      page.next_page_token ? h('a', { href: to({ page_token: page.next_page_token }), rel: 'next' }, 'Next page') : null),
    trust);
}
