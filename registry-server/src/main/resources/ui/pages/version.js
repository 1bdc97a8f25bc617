// One version: its files with SHA-256 and size, digest, validation per phase, provenance, metadata,
// notes, and the replicas that run it; verify now, edit notes, archive.

import { call, get, projectPath, query } from '../api.js';
import { h, pointers, report, route, show, table, when } from '../dom.js';
import { can } from './roles.js';

export async function render({ params, caller, navigate }) {
  const { project, model, version } = params;
  const path = projectPath(project, 'models', model, 'versions', version);
  const [v, instances] = await Promise.all([
    get(path),
    get(projectPath(project, 'instances') + query({ model })),
  ]);
  const runs = (instances.items || instances).filter((i) =>
    Object.values(i.loaded || {}).some((loaded) => loaded.version === version));
  const notice = h('div', { 'aria-live': 'polite', id: 'notice' });
  const again = () => navigate(route('p', project, 'm', model, 'v', version));
  const act = (label, work) => h('button', { type: 'button', onclick: () => report(notice, work) }, label);

  const verify = act('Verify now', async () => {
    const result = (await call('POST', `${path}/verify`)).body;
    return h('p', { class: result.status === 'VERIFIED' ? 'ok' : 'alert', role: 'status' },
      `Verify: ${result.status}`,
      ` (${(result.files || []).map((f) => `${f.path}: ${f.status}`).join(', ')})`);
  });
  const notes = h('textarea', { id: 'notes', rows: 3 }, v.notes || '');
  const saveNotes = act('Save notes', async () => {
    await call('PATCH', path, { body: { notes: notes.value } });
    return h('p', { class: 'ok', role: 'status' }, 'Notes saved.');
  });
  const archive = act('Archive version', async () => {
    await call('PATCH', path, { body: { state: 'ARCHIVED' } });
    again();
  });
  const publisher = can(caller, 'publisher');

  show(
    h('h1', {}, `${model} ${version}`, ' ', h('span', { class: `badge ${v.state}` }, v.state)),
    h('dl', {},
      h('dt', {}, 'Digest'), h('dd', {}, h('code', {}, v.digest || '—')),
      h('dt', {}, 'Variant'), h('dd', {}, v.variant || '—'),
      h('dt', {}, 'Format'), h('dd', {}, v.format),
      h('dt', {}, 'Created'), h('dd', {}, `${when(v.created_at)} by ${v.created_by || '—'}`),
      h('dt', {}, 'Aliases'), h('dd', {}, (v.aliases || []).join(', ') || '—'),
      h('dt', {}, 'Description'), h('dd', {}, v.description || '—')),
    publisher ? [verify, ' ', v.state !== 'ARCHIVED' ? archive : null] : null,
    notice,
    table('Files', ['Path', 'SHA-256', 'Size (bytes)', 'Source', 'Stored'], v.files || [], (f) => [
      f.path, h('code', {}, f.sha256), String(f.size_bytes), f.source, f.present === false ? 'no' : 'yes',
    ]),
    table('Validation', ['Check', 'Result'], validation(v.validation), (row) => row),
    table('Where it runs', ['Instance', 'State', 'Generation', 'Loaded versions', 'Last error'], runs, (i) => [
      i.id, i.state, String(i.generation ?? '—'), loaded(i.loaded), i.last_error || '—',
    ]),
    h('h2', {}, 'Provenance'), h('pre', {}, JSON.stringify(v.provenance || {}, null, 2)),
    h('h2', {}, 'Metadata'), h('pre', {}, JSON.stringify(v.metadata || {}, null, 2)),
    h('h2', {}, h('label', { for: 'notes' }, 'Notes')), notes, publisher ? saveNotes : null,
  );
}

function validation(result) {
  if (!result) {
    return [];
  }
  return [['checksum', result.checksum], ['load', result.load],
    ...Object.entries(result.phases || {}).map(([phase, outcome]) => [phase, outcome])];
}

export function loaded(map) {
  return pointers(Object.fromEntries(Object.entries(map || {}).map(([k, l]) => [k, l.version])));
}
