import { get, query } from '../api.js';
import { h, link, show, table } from '../dom.js';

export async function render({ signal }) {
  const page = await get(`/api/v1/projects${query({ limit: 100 })}`);
  // Signing in lands here; a page opened before this list arrives must not be drawn over.
  if (signal.aborted) {
    return;
  }
  show(h('h1', {}, 'Projects'),
    table('Projects you can see', ['Project', 'Description', 'Audit'], page.items, (p) => [
      link(p.name, 'p', p.name, 'models'),
      p.description || '—',
      link('audit log', 'p', p.name, 'audit'),
    ]));
}
