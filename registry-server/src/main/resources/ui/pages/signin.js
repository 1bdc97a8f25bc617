// Sign in: a token typed once and exchanged for the HttpOnly session cookie (POST /api/v1/session);
// the page keeps neither the token nor the cookie, which no script can read.

import { Problem, session } from '../api.js';
import { alertOf, h, show } from '../dom.js';

export function render({ done }) {
  const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', required: true });
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', {
    onsubmit: async (event) => {
      event.preventDefault();
      const token = input.value.trim();
      input.value = '';
      try {
        done(await session.signIn(token));
      } catch (error) {
        status.replaceChildren(alertOf(error instanceof Problem ? error : { message: String(error) }));
      }
    },
  },
  h('label', { for: 'token' }, 'API token'), input,
  h('button', { type: 'submit' }, 'Sign in'), status);
  show(h('h1', {}, 'Sign in to Cairn'),
    h('p', {}, 'Paste a token from your tokens file or identity provider. It is exchanged for a '
      + 'session cookie that scripts cannot read, and kept nowhere else.'),
    form);
  input.focus();
}
