// Why a version is FAILED: its failure code and detail, and — from the model's audit log — when it
// failed and which check found it. One bounded audit read (the model's newest entries); an older
// failure links to the audit log filtered to the model instead of searching further.

import { get, projectPath, query } from '../api.js';
import { h, route, when } from '../dom.js';

const RECENT = 50;

/** The audit action that failed a version, as the check a reader knows it by. */
const CHECKS = {
  VERSION_COMPLETE: 'validation at completion (the format was loaded)',
  VERSION_REFERENCE_MISMATCH: 'the digest check of a referenced file at completion',
  VERSION_VERIFY_FAILED: 'Verify now (re-hash of the stored bytes)',
  VERSION_DOWNLOAD_FAILED: 'a download (the bytes are hashed as they are served)',
  VERSION_SCRUB_FAILED: 'the background scrubber',
  VERSION_START_CHECK_FAILED: 'the start-up check of the blob store',
};

export function checkName(action) {
  return CHECKS[action] || action;
}

/** The failure box of a FAILED version, or null for any other. */
export async function failureOf(project, model, v) {
  if (v.state !== 'FAILED') {
    return null;
  }
  const failure = v.failure || {};
  const page = await get(projectPath(project, 'audit') + query({ model, limit: RECENT }))
    .catch(() => ({ items: [] }));
  const target = `${model}:${v.version}`;
  const entry = (page.items || []).find((e) => e.target === target && e.after && e.after.state === 'FAILED');
  const auditLink = h('a', { href: `${route('p', project, 'audit')}${query({ model })}` }, 'audit log of this model');
  return h('section', { class: 'failure', id: 'failure', 'aria-labelledby': 'failure-title' },
    h('h2', { id: 'failure-title' }, 'Why it failed'),
    h('dl', {},
      h('dt', {}, 'Code'), h('dd', {}, h('code', {}, failure.code || '—')),
      h('dt', {}, 'Detail'), h('dd', {}, failure.detail || '—'),
      h('dt', {}, 'When'), h('dd', {}, entry ? when(entry.at) : ['not among the model\'s last ', String(RECENT), ' changes: see the ', auditLink]),
      h('dt', {}, 'Found by'), h('dd', {}, entry ? `${checkName(entry.action)} — ${entry.actor}` : '—')));
}
