// Talks to /portal/api with the session cookie and the CSRF token; submissions carry an idempotency key and are
// retried with the same key after a network error, so a lost answer never files anything twice. Until its answer
// arrives a submission also waits in this browser's localStorage (the outbox), so that closing the page or losing
// the network does not lose it: the next visit sends it again, with the same key.

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

export async function request(method, path, { body, form, file, key } = {}) {
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
  } else if (file) {
    payload = new FormData(); // the browser sets the multipart content type with its boundary
    payload.append('file', file, file.name || 'photo');
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

/** A network error or a gateway's 502-504: whether the submission arrived is not known; resend with the same key. */
export const transient = (e) => e instanceof NetworkError || (e instanceof ApiError && [502, 503, 504].includes(e.status));

/**
 * Sends one request, retrying transient errors; `show(state, text)` tells the page: 'pending', 'retrying', 'sent',
 * 'failed' (a problem the resident can fix) or 'offline' (not known whether it arrived: send again, same key).
 */
async function withRetries(send, show, retryDelayMs) {
  for (let attempt = 0; ; attempt += 1) {
    show('pending', attempt === 0 ? '正在提交…' : `网络不稳定，正在第 ${attempt} 次重新提交…`);
    try {
      const answer = await send();
      show('sent', '已提交');
      return answer;
    } catch (e) {
      if (!transient(e)) {
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

// ------------------------------------------------------------------------------------------------------ outbox

const OUTBOX = 'linli.portal.outbox.';
const OUTBOX_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/**
 * Submissions not yet answered, per user (a shared phone keeps each resident's own): { key, path, body, label, at }.
 * Written before the first attempt, removed once the server answered (accepted or refused). Photos are not kept
 * here (too large for localStorage): a filing keeps the ids of photos already uploaded.
 */
export const outbox = {
  user: null,
  list() {
    if (!this.user) return [];
    try {
      const items = JSON.parse(localStorage.getItem(OUTBOX + this.user) || '[]');
      return items.filter((item) => Date.now() - item.at < OUTBOX_MAX_AGE_MS);
    } catch {
      return [];
    }
  },
  save(items) {
    if (!this.user) return;
    try {
      if (items.length) localStorage.setItem(OUTBOX + this.user, JSON.stringify(items));
      else localStorage.removeItem(OUTBOX + this.user);
    } catch {
      // storage full or switched off: the submission is still sent, it just does not survive closing the page
    }
  },
  put(item) {
    this.save([...this.list().filter((i) => i.key !== item.key), item]);
  },
  remove(key) {
    this.save(this.list().filter((i) => i.key !== key));
  },
};

const inFlight = new Set();

/**
 * Sends one submission under `key` (kept in the outbox until answered), retrying network errors and 502-504 with
 * the same key. `label` names it for the resident when it has to be sent again later (e.g. '我要反映').
 */
export async function submit(path, body, key, show, { label = '提交', retryDelayMs = 800 } = {}) {
  outbox.put({ key, path, body, label, at: Date.now() });
  inFlight.add(key);
  try {
    const answer = await withRetries(() => request('POST', path, { body, key }), show, retryDelayMs);
    outbox.remove(key);
    return answer;
  } catch (e) {
    if (!transient(e)) outbox.remove(key); // the server answered: nothing left to send
    throw e;
  } finally {
    inFlight.delete(key);
  }
}

/**
 * Sends again what the outbox holds and is not on its way already; `report(item, outcome)` is told of each:
 * { answer } once sent, { error } when refused or still unreachable.
 */
export async function resendOutbox(report) {
  for (const item of outbox.list()) {
    if (inFlight.has(item.key)) continue;
    try {
      const answer = await submit(item.path, item.body, item.key, () => {}, { label: item.label, retryDelayMs: 500 });
      report(item, { answer });
    } catch (error) {
      report(item, { error });
    }
  }
}

/** Uploads one photo (multipart, part `file`) under `key`, retried like a submission; not kept in the outbox. */
export function upload(path, file, key, show, retryDelayMs = 800) {
  return withRetries(() => request('POST', path, { file, key }), show, retryDelayMs);
}
