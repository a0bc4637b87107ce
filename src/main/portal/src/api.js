// Talks to /portal/api with the session cookie and the CSRF token; submissions carry an idempotency key and are
// retried with the same key after a network error, so a lost answer never files anything twice.

const CSRF_COOKIE = 'PORTAL-XSRF-TOKEN';
const CSRF_HEADER = 'X-PORTAL-XSRF-TOKEN';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.title || problem.detail)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** What a resident reads: the problem's title, and the field messages when there are some. */
  explain() {
    const fields = (this.problem.errors || []).map((e) => e.message).filter(Boolean);
    if (this.problem.code === 'PTL-006' && this.problem.detail) {
      return `${this.problem.title}：${this.problem.detail}`;
    }
    return fields.length ? `${this.problem.title || '填写有误'}：${fields.join('；')}` : this.message;
  }
}

export class NetworkError extends Error {}

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(CSRF_COOKIE.length + 1)) : '';
}

export async function request(method, path, { body, form, key } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    headers[CSRF_HEADER] = csrfToken();
  }
  if (key) {
    headers['Idempotency-Key'] = key;
  }
  let payload;
  if (form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    payload = new URLSearchParams(form).toString();
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new NetworkError(String(e));
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

export const get = (path) => request('GET', path);

/** A new idempotency key (works on plain http too, where crypto.randomUUID is missing). */
export function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('').replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

const RETRIES = 4;
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/**
 * Sends one submission under `key`, retrying network errors and 502-504 with the same key; `show(state, text)`
 * tells the page: 'pending', 'retrying', 'sent', 'failed' (a problem the resident can fix) or 'offline' (not known
 * whether it arrived: send again, same key).
 */
export async function submit(path, body, key, show, retryDelayMs = 800) {
  for (let attempt = 0; ; attempt += 1) {
    show('pending', attempt === 0 ? '正在提交…' : `网络不稳定，正在第 ${attempt} 次重新提交…`);
    try {
      const answer = await request('POST', path, { body, key });
      show('sent', '已提交');
      return answer;
    } catch (e) {
      const transient = e instanceof NetworkError || (e instanceof ApiError && [502, 503, 504].includes(e.status));
      if (!transient) {
        show('failed', e instanceof ApiError ? e.explain() : String(e));
        throw e;
      }
      if (attempt >= RETRIES) {
        show('offline', '网络异常，暂时无法确认是否已提交。请检查网络后点“重新提交”，不会重复提交。');
        throw e;
      }
      show('retrying', `网络不稳定，正在第 ${attempt + 1} 次重新提交…`);
      await sleep(retryDelayMs * (attempt + 1));
    }
  }
}
