// Sign in: a token pasted once, kept in sessionStorage for this tab and sent as a bearer header.

import { Problem, get, session } from '../api.js';
import { alertOf, h, show } from '../dom.js';

export function render({ done }) {
  const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', required: true });
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', {
    onsubmit: async (event) => {
      event.preventDefault();
      session.signIn(input.value.trim());
      try {
        await get('/api/v1/whoami');
        done();
      } catch (error) {
        session.signOut();
        status.replaceChildren(alertOf(error instanceof Problem ? error : { message: String(error) }));
      }
    },
  },
  h('label', { for: 'token' }, 'API token'), input,
  h('button', { type: 'submit' }, 'Sign in'), status);
  show(h('h1', {}, 'Sign in to Cairn'),
    h('p', {}, 'Paste a token from your tokens file or identity provider. It stays in this tab only.'),
    form);
  input.focus();
}
