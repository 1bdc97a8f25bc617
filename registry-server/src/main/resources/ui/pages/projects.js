// Projects the caller can see, 25 a page: what runs (live instances) and the last change of each,
// read with two bounded calls per row; admins create a project here.

import { get, query } from '../api.js';
import { h, link, route, show, table } from '../dom.js';
import { newProject } from './create.js';
import { can } from './roles.js';
import { lastChange, serving } from './summary.js';

export async function render({ query: q, caller, navigate, signal }) {
  const token = q.get('page_token') || '';
  const page = await get(`/api/v1/projects${query({ limit: 25, page_token: token })}`);
  const rows = await Promise.all(page.items.map(async (p) => ({
    p, serving: await serving(p.name), last: await lastChange(p.name),
  })));
  if (signal.aborted) {
    // Signing in lands here; a page opened before this list arrives must not be drawn over.
    return;
  }
  show(h('h1', {}, 'Projects'),
    can(caller, 'admin') ? newProject(navigate) : null,
    table('Projects you can see', ['Project', 'Description', 'Serving instances', 'Last change', 'Audit'], rows, (r) => [
      link(r.p.name, 'p', r.p.name, 'models'),
      r.p.description || '—',
      r.serving,
      r.last,
      link('audit log', 'p', r.p.name, 'audit'),
    ]),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      token ? h('a', { href: route('projects') }, 'First page') : null,
      page.next_page_token ? h('a', { href: `${route('projects')}${query({ page_token: page.next_page_token })}`, rel: 'next' }, 'Next page') : null));
}
