// Signed models (issue 28) in the console: a version's signature in one line, what a production
// change would point at (signed by a trusted signer or not, and whether the project's
// require_signature makes the registry refuse it), and a project's trust policy, read-only. The
// registry decides; this only says beforehand what it will say, from the same fields.

import { get, projectPath } from '../api.js';
import { h, table, when } from '../dom.js';

/** "key · signer … · verified … · trusted", or "unsigned", for a version's `signature` member. */
export function signatureLine(signature, id = null) {
  if (!signature) {
    return h('span', { class: 'muted', id }, 'unsigned');
  }
  return h('span', { id },
    h('strong', {}, signature.method), ` · signed by ${signature.signer}`,
    ` · verified ${when(signature.verified_at)} · `,
    signature.trusted
      ? h('span', { class: 'ok' }, 'trusted')
      : h('span', { class: 'alert' }, 'not trusted by the current policy'));
}

/**
 * What a change of `alias` to `after` (variant → version) would point at, for the confirmation:
 * per changed variant whether the version is signed by a trusted signer, and — when the project
 * requires signatures and the alias is protected — that the registry will refuse an unsigned or
 * untrusted one. Versions the console cannot name (a rollback past the history shown) are skipped.
 */
export async function signatureCheck(project, model, alias, before, after) {
  const changed = Object.entries(after).filter(([variant, version]) =>
    version && before[variant] !== version && !/^generation \d+'s$/.test(version));
  if (changed.length === 0) {
    return null;
  }
  const [p, m, versions] = await Promise.all([
    get(projectPath(project)),
    get(projectPath(project, 'models', model)),
    Promise.all(changed.map(([, version]) =>
      get(projectPath(project, 'models', model, 'versions', version)).catch(() => null))),
  ]);
  // production is always protected; protected_aliases adds others (the registry's AliasRules).
  const required = Boolean(p.policies && p.policies.require_signature)
    && (alias === 'production' || (m.protected_aliases || []).includes(alias));
  const rows = changed.map(([variant, version], i) => ({ variant, version, v: versions[i] }));
  const refused = rows.filter((r) => !r.v || !r.v.signature || !r.v.signature.trusted);
  return h('div', { id: 'confirm-signature' },
    table('Signature of the target versions', ['Variant', 'Version', 'Signature'], rows, (r) => [
      r.variant, r.version, r.v ? signatureLine(r.v.signature) : 'not found',
    ]),
    required && refused.length
      ? h('p', { class: 'alert', role: 'alert', id: 'confirm-signature-refusal' },
        `This project requires a trusted signature on @${alias}: the registry will refuse this change `,
        `(${refused.map((r) => `${r.variant}=${r.version} is ${!r.v || !r.v.signature ? 'unsigned: SIGNATURE_REQUIRED' : 'not trusted: SIGNATURE_UNTRUSTED'}`).join('; ')}).`)
      : h('p', { id: 'confirm-signature-ok', class: required ? 'ok' : 'muted' }, required
        ? `Every target version is signed by a trusted signer, as this project requires on @${alias}.`
        : 'This project does not require signatures on this alias.'));
}

/** The project's trust policy: keys (name, hint), roots (name), keyless identities. */
export async function trustPolicy(project) {
  const policy = await get(projectPath(project, 'trust')).catch((error) =>
    (error.status === 403 || error.status === 404 ? null : Promise.reject(error)));
  if (!policy) {
    return null;
  }
  const keys = policy.keys || [];
  const roots = policy.roots || [];
  const identities = policy.identities || [];
  return h('section', { id: 'trust-policy' },
    h('h2', {}, 'Trust policy'),
    h('p', {}, policy.version
      ? `Version ${policy.version}, set ${when(policy.updated_at)} by ${policy.updated_by || '—'}. Read-only here; change it with `
      : 'No trust policy: no signature is trusted. Set one with ',
    h('code', {}, 'cairn trust set FILE'), '.'),
    keys.length ? table('Trusted keys', ['Name', 'Hint (SHA-256 of the PEM public key)'], keys, (k) => [
      k.name, h('code', {}, k.hint || '—'),
    ]) : null,
    roots.length ? table('Trusted certificate roots', ['Name'], roots, (r) => [r.name]) : null,
    identities.length ? table('Keyless identities', ['SAN', 'Issuer'], identities, (i) => [i.san, i.issuer]) : null);
}
