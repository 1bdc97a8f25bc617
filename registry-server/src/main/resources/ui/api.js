// The public REST API, authenticated by the HttpOnly session cookie the browser sends by itself
// (issue 26 item 13). No token is kept where a script could read it: the token typed at sign-in goes
// once to POST /api/v1/session, and the CSRF token that writes carry lives in this module's memory
// only — a reloaded page asks GET /api/v1/session for it again. Nothing goes into a URL.

const SESSION = '/api/v1/session';

let csrf = null;
let onSignedOut = () => {};

/** A problem+json refusal: status, code, detail. */
export class Problem extends Error {
  constructor(status, body) {
    super(body.detail || `HTTP ${status}`);
    this.status = status;
    this.code = body.code || `HTTP_${status}`;
    this.detail = body.detail || '';
  }
}

export const session = {
  /** Exchanges `token` for the session cookie; resolves to the caller, rejects with a Problem. */
  async signIn(token) {
    const { body } = await call('POST', SESSION, { headers: { Authorization: `Bearer ${token}` } });
    csrf = body.csrf_token;
    return body;
  },
  /** The caller of the cookie's session (and its CSRF token, kept here), or null without one. */
  async resume() {
    try {
      const { body } = await call('GET', SESSION);
      csrf = body.csrf_token;
      return body;
    } catch (error) {
      if (error instanceof Problem && (error.status === 401 || error.status === 404)) {
        return null;
      }
      throw error;
    }
  },
  /** Ends the session on the server (every replica) and clears the cookie. */
  async signOut() {
    try {
      await call('DELETE', SESSION);
    } finally {
      csrf = null;
    }
  },
  /** `handler()` runs when the server says the session has ended (a 401 on any other call). */
  whenSignedOut(handler) {
    onSignedOut = handler;
  },
};

/** Tells the console the session has ended: the next page is the sign-in form, not a retry. */
export function signedOut() {
  csrf = null;
  onSignedOut();
}

/** Calls the API; resolves to `{ body, headers }`, rejects with a Problem. */
export async function call(method, path, { body, headers = {}, accept = 'application/json' } = {}) {
  const all = { Accept: accept, ...headers };
  if (method !== 'GET' && method !== 'HEAD' && csrf !== null) {
    all['X-CSRF-Token'] = csrf;
  }
  if (body !== undefined) {
    all['Content-Type'] = 'application/json';
  }
  const res = await fetch(path, {
    method,
    headers: all,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const problem = await res.json().catch(() => ({}));
    if (res.status === 401 && path !== SESSION) {
      signedOut();
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
