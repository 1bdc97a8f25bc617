// The public REST API with the signed-in token. The token lives in sessionStorage only: never in a
// URL, a cookie or a log line.

const KEY = 'cairn.token';

export const session = {
  token: () => sessionStorage.getItem(KEY),
  signIn: (token) => sessionStorage.setItem(KEY, token),
  signOut: () => sessionStorage.removeItem(KEY),
};

/** A problem+json refusal: status, code, detail. */
export class Problem extends Error {
  constructor(status, body) {
    super(body.detail || `HTTP ${status}`);
    this.status = status;
    this.code = body.code || `HTTP_${status}`;
    this.detail = body.detail || '';
  }
}

/** Calls the API; resolves to `{ body, headers }`, rejects with a Problem. */
export async function call(method, path, { body, headers = {}, accept = 'application/json' } = {}) {
  const all = { Accept: accept, Authorization: `Bearer ${session.token()}`, ...headers };
  if (body !== undefined) {
    all['Content-Type'] = 'application/json';
  }
  const res = await fetch(path, {
    method,
    headers: all,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  if (!res.ok) {
    const problem = await res.json().catch(() => ({}));
    if (res.status === 401) {
      session.signOut();
    }
    throw new Problem(res.status, problem);
  }
  if (res.status === 204) {
    return { body: null, headers: res.headers };
  }
  const type = res.headers.get('Content-Type') || '';
  return { body: type.includes('json') && !type.includes('ndjson') ? await res.json() : await res.blob(), headers: res.headers };
}

export const get = async (path) => (await call('GET', path)).body;

export function projectPath(project, ...rest) {
  return ['/api/v1/projects', project, ...rest].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
}

/** `?a=1&b=2` from the defined values of `params` (arrays repeat their key). */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const value of [].concat(v)) {
      if (value !== undefined && value !== null && value !== '') {
        q.append(k, value);
      }
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
