// What a list row says beyond the name: the last change (one audit entry) and, for a model, its
// production pointers and serving count (one status read). Bounded: a fixed number of reads per row
// of a page that is itself limited; a read that fails leaves its cell as "—" rather than the page.

import { get, projectPath, query } from '../api.js';
import { h, link, pointers, route, when } from '../dom.js';

/** "ALIAS_UPDATE by approver, 2026-…" from the newest audit entry of the project (or model). */
export async function lastChange(project, model) {
  const page = await get(projectPath(project, 'audit') + query({ model, limit: 1 })).catch(() => null);
  const entry = page && page.items && page.items[0];
  if (!entry) {
    return '—';
  }
  return h('a', { href: `${route('p', project, 'audit')}${query({ model })}`, title: entry.reason || '' },
    `${entry.action} by ${entry.actor}, ${when(entry.at)}`);
}

/** Production pointers with the status badge, and "on target/instances" serving. */
export async function production(project, model) {
  const status = await get(`${projectPath(project, 'models', model, 'status')}${query({ alias: 'production' })}`)
    .catch(() => null);
  if (!status) {
    return { production: '—', serving: '—' };
  }
  const active = Object.keys(status.active || {}).length;
  return {
    production: [
      active ? link(pointers(status.active), 'p', project, 'm', model, 'a', 'production') : 'not set',
      ' ', h('span', { class: `badge ${status.status}` }, status.status),
    ],
    serving: `${status.serving.on_target}/${status.serving.instances}`,
  };
}

/** How many live instances report for the project (and how many are READY). */
export async function serving(project) {
  const instances = await get(projectPath(project, 'instances')).catch(() => null);
  if (!instances) {
    return '—';
  }
  const items = instances.items || instances;
  return `${items.filter((i) => i.state === 'READY').length} ready / ${items.length}`;
}
