// The confirmation of an alias change (set or roll back): before → after per variant, a required
// reason, an optional approver, then the request. Nothing is sent until the change is confirmed, so
// a production move is never one click.

import { h, report, table } from '../dom.js';

/**
 * Fills `box` with the confirmation of a change from `before` to `after` pointers. `send({ reason,
 * approvedBy })` makes the change and returns the alias after it; `done(alias)` shows the result.
 */
export function confirmChange(box, { title, before, after, kind, mayApprove, send, done, check }) {
  // `check` (a promise of nodes or null) adds what the registry will say of the target, such as its
  // signature; the dialog is shown at once and the check fills in when it arrives.
  const checked = h('div', { id: 'confirm-check', 'aria-live': 'polite' });
  if (check) {
    check.then((nodes) => checked.replaceChildren(...[nodes].flat().filter(Boolean)))
      .catch(() => checked.replaceChildren());
  }
  const notice = h('div', { 'aria-live': 'polite', id: 'confirm-notice' });
  const reason = h('input', { id: 'confirm-reason', required: true, maxlength: 1000 });
  const approvedBy = h('input', { id: 'confirm-approved-by', autocomplete: 'off' });
  const variants = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changed = variants.filter((v) => before[v] !== after[v]);
  const form = h('form', {
    class: 'confirm',
    id: 'confirm',
    'aria-labelledby': 'confirm-title',
    onsubmit: (event) => {
      event.preventDefault();
      report(notice, async () => {
        const alias = await send({ reason: reason.value.trim(), approvedBy: approvedBy.value.trim() || undefined });
        box.replaceChildren();
        done(alias);
        return '';
      });
    },
  },
  h('h2', { id: 'confirm-title' }, title),
  changed.length === 0 ? h('p', { class: 'alert' }, 'No variant changes: the alias keeps its pointers.') : null,
  table('Before → after, per variant', ['Variant', 'Now', 'After'], variants, (v) => [
    v, before[v] || '∅', h('span', { class: before[v] === after[v] ? '' : 'changed' },
      before[v] === after[v] ? `${after[v] || '∅'} (unchanged)` : after[v] || '∅'),
  ]),
  checked,
  h('div', { class: 'filters' },
    h('div', { class: 'field' }, h('label', { for: 'confirm-reason' }, 'Reason (required)'), reason),
    mayApprove
      ? h('div', { class: 'field' }, h('label', { for: 'confirm-approved-by' }, 'Approved by (optional, when not you)'), approvedBy)
      : null),
  h('p', {},
    h('button', { type: 'submit', class: kind, id: 'confirm-change' }, 'Confirm'), ' ',
    h('button', { type: 'button', class: 'secondary', onclick: () => box.replaceChildren() }, 'Cancel')),
  notice);
  box.replaceChildren(form);
  reason.focus();
}
