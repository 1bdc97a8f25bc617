import { get, query } from '../api.js';
import { h, link, show, table } from '../dom.js';

export async function render() {
  const page = await get(`/api/v1/projects${query({ limit: 100 })}`);
  show(h('h1', {}, 'Projects'),
    table('Projects you can see', ['Project', 'Description', 'Audit'], page.items, (p) => [
      link(p.name, 'p', p.name, 'models'),
      p.description || '—',
      link('audit log', 'p', p.name, 'audit'),
    ]));
}
