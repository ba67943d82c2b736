/*
 * Xuke: the small DOM and API helpers shared by the plugins of the Camunda webapps (Cockpit's
 * 许可期限看板, Tasklist's 案卷). Plain ES module, no framework; every text goes in as a text node.
 */

export const ZONE = 'Asia/Shanghai';

/** An element; string/number children become text nodes (never HTML). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'class') {
      node.className = value;
    } else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
}

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23'
});

function parts(date) {
  const found = {};
  for (const part of dateTimeFormat.formatToParts(date)) {
    found[part.type] = part.value;
  }
  return found;
}

/** yyyy-MM-dd HH:mm in Asia/Shanghai; '—' for nothing, the raw value if it is not a date. */
export function formatDateTime(value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return String(value);
  }
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** yyyy-MM-dd: a date as it is (2026-12-04 stays 2026-12-04), a moment in Asia/Shanghai. */
export function formatDate(value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
    return String(value);
  }
  return formatDateTime(value).slice(0, 10);
}

/** yyyy-MM-ddTHH:mm in Asia/Shanghai, as a datetime-local input and the app's API take it. */
export function localInputValue(date) {
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The webapps' context path (they live under <context path>/camunda). */
export function contextPath() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '';
  return appRoot.replace(/\/camunda\/?$/, '');
}

/** The app's own API root: <context path>/api. */
export function appApiRoot() {
  return `${contextPath()}/api`;
}

/** GET JSON with the session cookie; resolves { status, ok, body } (body null when not JSON). */
export async function getJson(url, signal) {
  const response = await fetch(url, {
    method: 'GET',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    signal
  });
  return { status: response.status, ok: response.ok, body: await jsonOrNull(response) };
}

/** A change with the session cookie and the webapps' CSRF token; resolves { status, ok, body, response }. */
export async function send(method, url, csrfToken, body, accept) {
  const headers = { Accept: accept || 'application/json' };
  if (csrfToken) {
    headers['X-XSRF-TOKEN'] = csrfToken;
  }
  if (body !== undefined && !(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body)
  });
  const json = (response.headers.get('Content-Type') || '').includes('json') ? await jsonOrNull(response) : null;
  return { status: response.status, ok: response.ok, body: json, response };
}

async function jsonOrNull(response) {
  try {
    return await response.json();
  } catch (e) {
    return null;
  }
}

/** The message of an answer the app refused, or a plain Chinese one. */
export function errorText(result) {
  const message = result.body && typeof result.body.message === 'string' ? result.body.message : null;
  if (result.status === 401) {
    return message || '登录已失效，请重新登录。';
  }
  if (message) {
    return message;
  }
  return `操作未成功（HTTP ${result.status}）。`;
}

/** Loads a stylesheet once (by id). */
export function ensureStyles(id, href) {
  if (document.getElementById(id)) {
    return;
  }
  const link = document.createElement('link');
  link.id = id;
  link.rel = 'stylesheet';
  link.href = href;
  document.head.appendChild(link);
}

/** Aborts the fetches of a view when Angular destroys it (tab switched, page left). */
export function abortOnDestroy(scope) {
  const controller = new AbortController();
  if (scope && typeof scope.$on === 'function') {
    scope.$on('$destroy', () => controller.abort());
  }
  return controller;
}
