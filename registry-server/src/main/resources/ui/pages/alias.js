// An alias's timeline: every generation, before → after per variant, who, who approved, why. Set
// and roll back go through a confirmation (before → after per variant, a required reason, an
// optional approver) sent with If-Match on the generation shown — a rollback to the previous
// generation (so a second one goes forward again) or to one named; the result names the new
// generation and links to its live rollout, and a refusal shows its problem code. `latest` is
// computed by the registry: shown, never set.

import { call, get, projectPath, query } from '../api.js';
import { h, pointers, route, show, table, when } from '../dom.js';
import { confirmChange } from './confirm.js';
import { can } from './roles.js';
import { signatureCheck } from './signature.js';

export async function render(context) {
  const { params, caller, navigate, signal } = context;
  const { project, model, alias } = params;
  const base = projectPath(project, 'models', model, 'aliases', alias);
  const [m, current, history] = await Promise.all([
    get(projectPath(project, 'models', model)),
    get(base).catch((error) => (error.status === 404 ? null : Promise.reject(error))),
    get(`${base}/history${query({ limit: 100 })}`).catch(() => ({ items: [] })),
  ]);
  const generations = (history.items || history).slice().sort((a, b) => b.generation - a.generation);
  const notice = h('div', { 'aria-live': 'polite', id: 'notice' });
  const confirmBox = h('div', { id: 'confirm-box' });
  const ifMatch = current ? { 'If-Match': `"${current.generation}"` } : {};
  const now = (current && current.pointers) || {};
  const implicit = alias === 'latest';
  const mayApprove = can(caller, 'approver');
  const done = (after) => render({ ...context, result: after }).catch(() => navigate(route('p', project, 'm', model, 'a', alias)));
  const body = ({ reason, approvedBy }, rest) => ({ ...rest, reason, approved_by: approvedBy });

  const inputs = (m.variants && m.variants.length ? m.variants : ['default']).map((variant) =>
    [variant, h('input', { id: `ptr-${variant}`, name: variant, value: now[variant] || '' })]);
  const setForm = h('form', {
    class: 'filters',
    onsubmit: (event) => {
      event.preventDefault();
      const named = Object.fromEntries(inputs.filter(([, i]) => i.value.trim()).map(([v, i]) => [v, i.value.trim()]));
      confirmChange(confirmBox, {
        title: `Confirm: set ${model} @${alias}`,
        before: now,
        after: { ...now, ...named },
        check: signatureCheck(project, model, alias, now, { ...now, ...named }),
        kind: '',
        mayApprove,
        send: async (why) => (await call('PUT', base, { headers: ifMatch, body: body(why, { pointers: named }) })).body,
        done,
      });
    },
  },
  inputs.map(([variant, input]) => h('div', { class: 'field' }, h('label', { for: input.id }, `${variant} version`), input)),
  h('button', { type: 'submit', id: 'review-set' }, 'Review change…'));
  const toGeneration = h('input', { id: 'rollback-to', type: 'number', min: '1', placeholder: 'previous' });
  const rollbackForm = h('form', {
    class: 'filters',
    onsubmit: (event) => {
      event.preventDefault();
      const target = toGeneration.value ? Number(toGeneration.value) : current.generation - 1;
      const then = generations.find((g) => g.generation === target);
      // Past the history page shown, the pointers are the server's to find: say which they are.
      const after = then ? then.pointers : Object.fromEntries(Object.keys(now).map((v) => [v, `generation ${target}'s`]));
      confirmChange(confirmBox, {
        title: `Confirm: roll ${model} @${alias} back to generation ${target}'s pointers`,
        before: now,
        after,
        check: signatureCheck(project, model, alias, now, after),
        kind: 'danger',
        mayApprove,
        send: async (why) => (await call('POST', `${base}/rollback`, {
          headers: ifMatch,
          body: body(why, toGeneration.value ? { to_generation: target } : {}),
        })).body,
        done,
      });
    },
  },
  h('div', { class: 'field' }, h('label', { for: 'rollback-to' }, 'To generation'), toGeneration),
  h('button', { type: 'submit', class: 'danger', id: 'review-rollback' }, 'Review rollback…'));
  const mayMove = !implicit && (can(caller, 'publisher') || mayApprove);

  if (signal.aborted) {
    return; // left for another page meanwhile: drawing now would cover it
  }
  show(
    h('h1', {}, `${model} @${alias}`),
    context.result ? result(project, model, alias, context.result) : null,
    implicit
      ? h('p', {}, 'Implicit: the registry computes it as the newest READY version of each variant; it has no generations and no rollout. ',
        current ? pointers(current.pointers) : 'No READY version yet.')
      : h('p', {}, current ? `Generation ${current.generation}, set ${when(current.updated_at)} by ${current.updated_by}` : 'Not set yet.',
        ' ', h('a', { href: route('p', project, 'm', model, 'a', alias, 'rollout') }, 'Rollout')),
    implicit ? null : h('div', { id: 'timeline' }, table('Timeline, newest first',
      ['Generation', 'Action', 'Before → after', 'By', 'Approved by', 'Reason', 'At', 'Request'],
      generations, (entry) => {
        const before = generations.find((g) => g.generation < entry.generation);
        return [String(entry.generation), entry.action, change(before ? before.pointers : {}, entry.pointers),
          entry.actor, entry.approved_by || '—', entry.reason || '—', when(entry.at),
          h('code', {}, entry.request_id || '—')];
      })),
    notice,
    mayMove ? [h('h2', {}, 'Set'), setForm] : null,
    mayMove && current && current.generation > 1 ? [h('h2', {}, 'Roll back'), rollbackForm] : null,
    confirmBox,
  );
}

/** What a confirmed change did: the new generation, its pointers and approver, and where to watch it. */
function result(project, model, alias, after) {
  return h('p', { class: 'ok', role: 'status', id: 'result' },
    `Done: @${alias} is now generation ${after.generation} (${pointers(after.pointers)})`,
    after.approved_by ? `, approved by ${after.approved_by}` : '', '. ',
    h('a', { href: route('p', project, 'm', model, 'a', alias, 'rollout'), id: 'result-rollout' }, 'Follow the live rollout'));
}

/** "LOW v1 → v2; MID v3" — each variant's pointer before and after. */
function change(before, after) {
  const variants = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return variants.map((v) => (before[v] === after[v]
    ? `${v} ${after[v]}`
    : `${v} ${before[v] || '∅'} → ${after[v] || '∅'}`)).join('; ') || '—';
}
