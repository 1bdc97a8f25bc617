// Builds elements. Strings always become text nodes: nothing from the API is ever parsed as HTML.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A table: headers, then one row per item made by `cells(item)`. */
export function table(caption, headers, items, cells) {
  return h('div', { class: 'scroll' },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((name) => h('th', { scope: 'col' }, name)))),
      h('tbody', {}, items.map((item) => h('tr', {}, cells(item).map((c) => h('td', {}, c)))))));
}

/** `#/...` links; every part is encoded, so a name cannot change where a link goes. */
export function link(text, ...parts) {
  return h('a', { href: route(...parts) }, text);
}

export function route(...parts) {
  return '#/' + parts.map((p) => encodeURIComponent(p)).join('/');
}

/** "VARIANT=version, …" for a pointer map. */
export function pointers(map) {
  const entries = Object.entries(map || {});
  return entries.length === 0 ? '—' : entries.map(([k, v]) => `${k}=${v}`).join(', ');
}

export function short(digest) {
  return digest ? digest.replace(/^sha256:/, '').slice(0, 12) : '—';
}

export function when(instant) {
  return instant ? new Date(instant).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—';
}

/** Replaces the page's content and moves focus to it (keyboard and screen-reader users). */
export function show(...children) {
  const main = document.getElementById('main');
  main.replaceChildren();
  append(main, children);
  main.focus();
}

/** Runs an action: what it returns (nodes or text) fills `notice`; a refusal shows its code there. */
export async function report(notice, work) {
  try {
    const shown = await work();
    notice.replaceChildren();
    append(notice, [shown]);
  } catch (error) {
    notice.replaceChildren(alertOf(error));
  }
}

/** An alert line for a refusal: the problem's code and detail, as text. */
export function alertOf(error) {
  return h('p', { class: 'alert', role: 'alert' },
    error.code ? h('strong', {}, error.code) : null, error.code ? ': ' : null, error.detail || error.message);
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Bytes in binary units with one decimal, as the CLI prints them: `13 B`, `1.2 KiB`, `114.4 MiB`. */
export function size(bytes) {
  if (bytes === null || bytes === undefined) {
    return '—';
  }
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1023.95 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}
