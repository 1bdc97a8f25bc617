// Per-replica rollout of an alias: which instance runs which versions at which generation. Redrawn
// on every event of the model (an instance report is `instance.updated`), without a reload.

import { get, projectPath, query } from '../api.js';
import { h, pointers, show, table, when } from '../dom.js';
import { follow } from '../events.js';
import { loaded, signers } from './version.js';

export async function render({ params, signal }) {
  const { project, model, alias } = params;
  const region = h('div', { id: 'rollout', 'aria-live': 'polite' });
  const updated = h('p', { id: 'rollout-updated' });
  // The event stream's connection: live, or how long until the next try (issue 27 item 4).
  const live = h('p', { id: 'events-state', 'aria-live': 'polite' }, 'Connecting to the event stream…');
  function connection({ state, failures, delayMs }) {
    live.dataset.state = state;
    live.dataset.failures = String(failures ?? 0);
    live.textContent = state === 'open'
      ? 'Live: following the event stream.'
      : `Event stream lost; retrying in ${(delayMs / 1000).toFixed(1)} s (failure ${failures} in a row).`;
  }

  async function draw() {
    const [target, instances] = await Promise.all([
      get(projectPath(project, 'models', model, 'aliases', alias)).catch(() => null),
      get(projectPath(project, 'instances') + query({ model, alias })),
    ]);
    const items = instances.items || instances;
    const onTarget = items.filter((i) => target && i.generation === target.generation).length;
    region.replaceChildren(
      h('p', {}, target ? `Target: generation ${target.generation} (${pointers(target.pointers)}); ` : 'No target; ',
        `${onTarget}/${items.length} replicas on it.`),
      table('Replicas', ['Instance', 'State', 'Generation', 'Loaded versions', 'Signed by', 'Last error', 'Reported'], items, (i) => [
        i.id, i.state, String(i.generation ?? '—'), loaded(i.loaded), signers(i.loaded), i.last_error || '—', when(i.reported_at),
      ]));
    updated.textContent = `Updated ${when(new Date().toISOString())}`;
  }

  show(h('h1', {}, `Rollout of ${model} @${alias}`), region, updated, live);
  // Follow first: a report that lands while the first draw is under way redraws instead of being
  // missed (the stream starts at "now").
  follow(project, { models: [model], onEvent: () => draw().catch(() => {}), onState: connection, signal });
  await draw();
}
