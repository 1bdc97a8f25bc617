// The project's event stream, read with a same-origin fetch (the session cookie goes with it) and
// parsed here, so that a reconnect can resume with Last-Event-ID after a drop. A 401 ends the
// session: the console signs out instead of retrying. Any other failure (refused, unreachable, a
// dropped stream) is retried after a capped exponential backoff with jitter, so a registry that is
// down or restarting is not hit every second by every open console: the wait doubles from 1 s up to
// 30 s, plus up to a fifth of it at random so consoles that lost the registry together do not come
// back in step; a stream that opens resets it. The same rule as the Java Backoff(1 s, 30 s, 0.2)
// (registry-client dev.cairn.client.retry.Backoff): the cap applies before the jitter.

import { signedOut } from './api.js';

const FIRST_MS = 1000;
const MAX_MS = 30000;
const JITTER = 0.2;

/** The wait after `failures` failures in a row (at least 1); `random()` draws in [0, 1). */
export function retryDelay(failures, random = Math.random) {
  const base = Math.min(MAX_MS, FIRST_MS * 2 ** Math.min(Math.max(failures, 1) - 1, 30));
  const spread = Math.floor(base * JITTER);
  return base + Math.floor(random() * (spread + 1));
}

/**
 * Calls `onEvent({id, type, data})` for each event until `signal` aborts, and `onState` with
 * `{state: 'open'}` when the stream opens or `{state: 'retrying', failures, delayMs}` before each
 * wait, for a connection indicator.
 */
export function follow(project, { models = [], types = [], onEvent, onState = () => {}, signal }) {
  const params = new URLSearchParams();
  models.forEach((m) => params.append('model', m));
  types.forEach((t) => params.append('type', t));
  const url = `/api/v1/projects/${encodeURIComponent(project)}/events?${params}`;
  let last = null;
  let failures = 0;
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
        failures = 0;
        onState({ state: 'open' });
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
      // A stream that ended or never opened: the first failure after an open waits FIRST_MS again.
      failures += 1;
      const delayMs = retryDelay(failures);
      onState({ state: 'retrying', failures, delayMs });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
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
