// An alias's timeline: every generation, before → after per variant, who, who approved, why. Set
// and roll back with a reason and If-Match on the generation shown (to the previous generation, so a
// second rollback goes forward again; or to a generation named); a refusal shows its problem code.

import { call, get, projectPath, query } from '../api.js';
import { h, report, route, show, table, when } from '../dom.js';
import { can } from './roles.js';

export async function render({ params, caller, navigate }) {
  const { project, model, alias } = params;
  const base = projectPath(project, 'models', model, 'aliases', alias);
  const [m, current, history] = await Promise.all([
    get(projectPath(project, 'models', model)),
    get(base).catch((error) => (error.status === 404 ? null : Promise.reject(error))),
    get(`${base}/history${query({ limit: 100 })}`).catch(() => ({ items: [] })),
  ]);
  const generations = (history.items || history).slice().sort((a, b) => b.generation - a.generation);
  const notice = h('div', { 'aria-live': 'polite', id: 'notice' });
  const ifMatch = current ? { 'If-Match': `"${current.generation}"` } : {};
  const again = () => navigate(route('p', project, 'm', model, 'a', alias));
  const submit = (work) => (event) => {
    event.preventDefault();
    report(notice, async () => {
      await work();
      again();
    });
  };

  const inputs = (m.variants && m.variants.length ? m.variants : ['default']).map((variant) =>
    [variant, h('input', { id: `ptr-${variant}`, name: variant, value: (current && current.pointers[variant]) || '' })]);
  const reason = h('input', { id: 'set-reason', required: true });
  const setForm = h('form', {
    class: 'filters',
    onsubmit: submit(() => call('PUT', base, {
      headers: ifMatch,
      body: {
        pointers: Object.fromEntries(inputs.filter(([, i]) => i.value.trim()).map(([v, i]) => [v, i.value.trim()])),
        reason: reason.value,
      },
    })),
  },
  inputs.map(([variant, input]) => h('div', { class: 'field' }, h('label', { for: input.id }, `${variant} version`), input)),
  h('div', { class: 'field' }, h('label', { for: 'set-reason' }, 'Reason'), reason),
  h('button', { type: 'submit' }, 'Set alias'));
  const rollbackReason = h('input', { id: 'rollback-reason', required: true });
  const toGeneration = h('input', { id: 'rollback-to', type: 'number', min: '1', placeholder: 'previous' });
  const rollbackForm = h('form', {
    class: 'filters',
    onsubmit: submit(() => call('POST', `${base}/rollback`, {
      headers: ifMatch,
      body: toGeneration.value
        ? { reason: rollbackReason.value, to_generation: Number(toGeneration.value) }
        : { reason: rollbackReason.value },
    })),
  },
  h('div', { class: 'field' }, h('label', { for: 'rollback-reason' }, 'Reason'), rollbackReason),
  h('div', { class: 'field' }, h('label', { for: 'rollback-to' }, 'To generation'), toGeneration),
  h('button', { type: 'submit' }, 'Roll back'));
  const mayMove = can(caller, 'publisher') || can(caller, 'approver');

  show(
    h('h1', {}, `${model} @${alias}`),
    h('p', {}, current ? `Generation ${current.generation}, set ${when(current.updated_at)} by ${current.updated_by}` : 'Not set yet.',
      ' ', h('a', { href: route('p', project, 'm', model, 'a', alias, 'rollout') }, 'Rollout')),
    table('Timeline, newest first', ['Generation', 'Action', 'Before → after', 'By', 'Approved by', 'Reason', 'At', 'Request'],
      generations, (entry) => {
        const before = generations.find((g) => g.generation < entry.generation);
        return [String(entry.generation), entry.action, change(before ? before.pointers : {}, entry.pointers),
          entry.actor, entry.approved_by || '—', entry.reason || '—', when(entry.at),
          h('code', {}, entry.request_id || '—')];
      }),
    notice,
    mayMove ? [h('h2', {}, 'Set'), setForm] : null,
    mayMove && current ? [h('h2', {}, 'Roll back'), rollbackForm] : null,
  );
}

/** "LOW v1 → v2; MID v3" — each variant's pointer before and after. */
function change(before, after) {
  const variants = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return variants.map((v) => (before[v] === after[v]
    ? `${v} ${after[v]}`
    : `${v} ${before[v] || '∅'} → ${after[v] || '∅'}`)).join('; ') || '—';
}
