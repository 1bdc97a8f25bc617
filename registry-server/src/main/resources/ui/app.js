// The console: a hash router over the pages. Each page renders from the public API with the
// session cookie; navigating away aborts what the page was following (its event stream). A 401
// anywhere means the session has ended: the sign-in form, never a retry.

import { Problem, session } from './api.js';
import { alertOf, h, route, show } from './dom.js';
import { can } from './pages/roles.js';
import * as signIn from './pages/signin.js';
import * as projects from './pages/projects.js';
import * as models from './pages/models.js';
import * as model from './pages/model.js';
import * as version from './pages/version.js';
import * as alias from './pages/alias.js';
import * as rollout from './pages/rollout.js';
import * as audit from './pages/audit.js';
import * as webhooks from './pages/webhooks.js';

const ROUTES = [
  [/^projects$/, projects, []],
  [/^p\/([^/]+)\/models$/, models, ['project']],
  [/^p\/([^/]+)\/audit$/, audit, ['project']],
  [/^p\/([^/]+)\/webhooks$/, webhooks, ['project']],
  [/^p\/([^/]+)\/m\/([^/]+)$/, model, ['project', 'model']],
  [/^p\/([^/]+)\/m\/([^/]+)\/v\/([^/]+)$/, version, ['project', 'model', 'version']],
  [/^p\/([^/]+)\/m\/([^/]+)\/a\/([^/]+)$/, alias, ['project', 'model', 'alias']],
  [/^p\/([^/]+)\/m\/([^/]+)\/a\/([^/]+)\/rollout$/, rollout, ['project', 'model', 'alias']],
];

let current = new AbortController();
let caller = null;

async function render() {
  current.abort();
  current = new AbortController();
  const mine = current.signal;
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  try {
    caller = path === 'signin' ? null : caller || (await session.resume());
    header();
    if (!caller) {
      return signIn.render({ done: signedIn });
    }
    for (const [pattern, page, names] of ROUTES) {
      const match = pattern.exec(path);
      if (match) {
        const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1])]));
        crumbs(params);
        return await page.render({
          params,
          query: new URLSearchParams(search),
          caller,
          signal: current.signal,
          navigate,
        });
      }
    }
    navigate('#/projects');
  } catch (error) {
    if (mine.aborted) {
      return; // a page left meanwhile: its failure must not cover the page now shown
    }
    if (error instanceof Problem && error.status === 401) {
      return navigate('#/signin');
    }
    if (error instanceof Problem && error.code === 'INVALID_PAGE_TOKEN') {
      // A stale or hand-edited link: say so, and offer the same list from its first page.
      return show(h('h1', {}, 'This page of the list cannot be shown'), alertOf(error),
        h('p', {}, h('a', { id: 'first-page', href: firstPage(path, search) }, 'Back to the first page')));
    }
    show(h('h1', {}, 'Something went wrong'), alertOf(error));
  }
}

/** The same list with its filters, without the page token. */
function firstPage(path, search) {
  const q = new URLSearchParams(search);
  q.delete('page_token');
  const rest = q.toString();
  return `#/${path}${rest ? `?${rest}` : ''}`;
}

function signedIn(who) {
  caller = who;
  navigate('#/projects');
}

export function navigate(hash) {
  if (location.hash === hash) {
    render();
  } else {
    location.hash = hash;
  }
}

function header() {
  document.getElementById('who').textContent = caller
    ? `${caller.name} (${caller.roles.join(', ')})`
    : '';
  const signOut = document.getElementById('signout');
  signOut.hidden = !caller;
}

function crumbs({ project, model, alias, version }) {
  const parts = [h('a', { href: '#/projects' }, 'Projects')];
  if (project) {
    parts.push(' / ', h('a', { href: route('p', project, 'models') }, project));
    parts.push(' (', h('a', { href: route('p', project, 'audit') }, 'audit'));
    if (can(caller, 'admin')) {
      parts.push(', ', h('a', { href: route('p', project, 'webhooks') }, 'webhooks'));
    }
    parts.push(')');
  }
  if (model) parts.push(' / ', h('a', { href: route('p', project, 'm', model) }, model));
  if (version) parts.push(' / ', version);
  if (alias) parts.push(' / ', h('a', { href: route('p', project, 'm', model, 'a', alias) }, `@${alias}`));
  document.getElementById('crumbs').replaceChildren(...parts);
}

document.getElementById('signout').addEventListener('click', async () => {
  try {
    await session.signOut();
  } finally {
    caller = null;
    navigate('#/signin');
  }
});
session.whenSignedOut(() => {
  if (caller !== null) {
    caller = null;
    navigate('#/signin');
  }
});
window.addEventListener('hashchange', render);
render();
