// One version: why it failed (if it did), its signature (or "unsigned"), its files with SHA-256 and
// size, digest, validation per
// phase, provenance, metadata, notes, and the replicas that run it — or how to serve it; verify
// now, edit notes, archive.

import { call, get, projectPath, query } from '../api.js';
import { h, pointers, report, route, show, size, table, when } from '../dom.js';
import { failureOf } from './failure.js';
import { can } from './roles.js';
import { signatureLine } from './signature.js';

export async function render({ params, caller, navigate, signal }) {
  const { project, model, version } = params;
  const path = projectPath(project, 'models', model, 'versions', version);
  const [v, instances] = await Promise.all([
    get(path),
    get(projectPath(project, 'instances') + query({ model })),
  ]);
  const runs = (instances.items || instances).filter((i) =>
    Object.values(i.loaded || {}).some((loaded) => loaded.version === version));
  const failure = await failureOf(project, model, v);
  const notice = h('div', { 'aria-live': 'polite', id: 'notice' });
  const again = () => navigate(route('p', project, 'm', model, 'v', version));
  const act = (label, work, kind) => h('button', { type: 'button', class: kind, onclick: () => report(notice, work) }, label);

  const verify = act('Verify now', async () => {
    const result = (await call('POST', `${path}/verify`)).body;
    return h('p', { class: result.status === 'VERIFIED' ? 'ok' : 'alert', role: 'status' },
      `Verify: ${result.status}`,
      ` (${(result.files || []).map((f) => `${f.path}: ${f.status}`).join(', ')})`);
  }, 'secondary');
  const notes = h('textarea', { id: 'notes', rows: 3 }, v.notes || '');
  const saveNotes = act('Save notes', async () => {
    await call('PATCH', path, { body: { notes: notes.value } });
    return h('p', { class: 'ok', role: 'status' }, 'Notes saved.');
  });
  const archive = act('Archive version', async () => {
    await call('PATCH', path, { body: { state: 'ARCHIVED' } });
    again();
  }, 'danger');
  const publisher = can(caller, 'publisher');

  if (signal.aborted) {
    return; // left for another page meanwhile: drawing now would cover it
  }
  show(
    h('h1', {}, `${model} ${version}`, ' ', h('span', { class: `badge ${v.state}` }, v.state)),
    h('dl', {},
      h('dt', {}, 'Digest'), h('dd', {}, h('code', {}, v.digest || '—')),
      h('dt', {}, 'Variant'), h('dd', {}, v.variant || '—'),
      h('dt', {}, 'Format'), h('dd', {}, v.format),
      h('dt', {}, 'Size'), h('dd', { title: v.size_bytes == null ? null : `${v.size_bytes} bytes` }, size(v.size_bytes)),
      h('dt', {}, 'Created'), h('dd', {}, `${when(v.created_at)} by ${v.created_by || '—'}`),
      h('dt', {}, 'Aliases'), h('dd', {}, (v.aliases || []).join(', ') || '—'),
      h('dt', {}, 'Signature'), h('dd', {}, signatureLine(v.signature, 'signature')),
      h('dt', {}, 'Description'), h('dd', {}, v.description || '—')),
    failure,
    publisher ? [verify, ' ', v.state !== 'ARCHIVED' ? archive : null] : null,
    notice,
    table('Files', ['Path', 'SHA-256', 'Size', 'Source', 'Stored'], v.files || [], (f) => [
      f.path, h('code', {}, f.sha256), h('span', { title: `${f.size_bytes} bytes` }, size(f.size_bytes)), f.source,
      f.present === false ? 'no' : 'yes',
    ]),
    table('Validation', ['Check', 'Result'], validation(v.validation), (row) => row),
    runs.length
      ? table('Where it runs', ['Instance', 'State', 'Generation', 'Loaded versions', 'Signed by', 'Last error'], runs, (i) => [
        i.id, i.state, String(i.generation ?? '—'), loaded(i.loaded), signers(i.loaded), i.last_error || '—',
      ])
      : notServed(project, model, v),
    h('h2', {}, 'Provenance'), h('pre', {}, JSON.stringify(v.provenance || {}, null, 2)),
    h('h2', {}, 'Metadata'), h('pre', {}, JSON.stringify(v.metadata || {}, null, 2)),
    h('h2', {}, h('label', { for: 'notes' }, 'Notes')), notes, publisher ? saveNotes : null,
  );
}

/** An empty "where it runs": said in words, with the two ways to serve a READY version. */
function notServed(project, model, v) {
  const variant = v.variant || 'default';
  const said = h('p', { class: 'empty' }, h('strong', {}, 'Not served anywhere yet.'),
    v.state === 'READY' ? ' To serve it, point an alias at it and run a sidecar for that alias:' : ` Only a READY version can be served; this one is ${v.state}.`);
  if (v.state !== 'READY') {
    return h('section', { id: 'where-it-runs' }, h('h2', {}, 'Where it runs'), said);
  }
  const cli = `cairn -p ${project} activate ${model} --pointer ${variant}=${v.version} --reason "…" --wait`;
  const activation = [
    'apiVersion: cairn.dev/v1alpha1',
    'kind: ModelActivation',
    `metadata: {name: ${model}-production, namespace: ${project}}`,
    'spec:',
    `  model: ${model}`,
    '  alias: production',
    `  versions: {${variant}: ${v.version}}`,
    '  reason: "…"',
  ].join('\n');
  return h('section', { id: 'where-it-runs' }, h('h2', {}, 'Where it runs'), said,
    h('pre', { id: 'serve-cli' }, cli),
    h('p', {}, 'or, where the operator manages the alias, ', h('code', {}, 'kubectl apply -f modelactivation.yaml'), ' with:'),
    h('pre', { id: 'serve-kubectl' }, activation));
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

/**
 * Who signed what an instance serves, as the instance itself verified it (a sidecar with
 * CAIRN_REQUIRE_SIGNATURE reports `loaded.<variant>.signature`; issue 28): `variant=signer`, or
 * "—" when it checked none.
 */
export function signers(map) {
  const signed = Object.entries(map || {}).filter(([, l]) => l.signature && l.signature.signer);
  return signed.length ? signed.map(([variant, l]) => `${variant}=${l.signature.signer}`).join(', ') : '—';
}
