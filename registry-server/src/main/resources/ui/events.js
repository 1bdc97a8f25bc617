// The project's event stream, read with a same-origin fetch (the session cookie goes with it) and
// parsed here, so that a reconnect can resume with Last-Event-ID after a drop. A 401 ends the
// session: the console signs out instead of retrying.

import { signedOut } from './api.js';

/** Calls `onEvent({id, type, data})` for each event until `signal` aborts. */
export function follow(project, { models = [], types = [], onEvent, signal }) {
  const params = new URLSearchParams();
  models.forEach((m) => params.append('model', m));
  types.forEach((t) => params.append('type', t));
  const url = `/api/v1/projects/${encodeURIComponent(project)}/events?${params}`;
  let last = null;
  (async () => {
    while (!signal.aborted) {
      try {
        const headers = { Accept: 'text/event-stream' };
        if (last !== null) {
          headers['Last-Event-ID'] = last;
        }
        const res = await fetch(url, { headers, signal, cache: 'no-store', credentials: 'same-origin' });
        if (res.status === 401) {
          signedOut();
          return;
        }
        if (!res.ok) {
          throw new Error(`events: HTTP ${res.status}`);
        }
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            break;
          }
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = parse(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (event) {
              last = event.id ?? last;
              onEvent(event);
            }
          }
        }
      } catch (e) {
        if (signal.aborted) {
          return;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();
}

function parse(block) {
  const event = { id: null, type: 'message', data: '' };
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      continue; // heartbeat comment
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') event.id = value;
    else if (field === 'event') event.type = value;
    else if (field === 'data') event.data += (event.data ? '\n' : '') + value;
  }
  if (!event.data) {
    return null;
  }
  try {
    event.data = JSON.parse(event.data);
  } catch (e) {
    // not JSON: keep the text
  }
  return event;
}
