// The resident portal (居民服务): one page, hash routes, large type; every form a Camunda Form rendered by form-js.
import { ApiError, get, newKey, outbox, request, resendOutbox, submit, transient, upload } from './api.js';
import { chinese, renderForm } from './forms.js';

const main = () => document.getElementById('main');
let profile = null;

// ------------------------------------------------------------------------------------------------ small helpers

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

const when = (iso) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');

/** Replaces the page content; the heading gets focus so that screen readers announce the new page. */
function page(title, ...content) {
  document.title = `${title} · 邻里居民服务`;
  const heading = h('h1', { tabindex: '-1' }, title);
  const back = location.hash && location.hash !== '#/' ? h('a', { href: '#/', class: 'back' }, '‹ 返回首页') : null;
  main().replaceChildren(...[back, heading, ...content].flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  heading.focus();
  document.body.dataset.page = (location.hash.replace(/^#\//, '').split('/')[0]) || 'home';
  document.body.dataset.ready = 'true';
}

function statusLine() {
  return h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
}

function showState(line) {
  return (state, text) => {
    line.dataset.state = state;
    line.textContent = text;
  };
}

function failure(e) {
  if (e instanceof ApiError && e.status === 401) {
    profile = null;
    location.hash = '#/login';
    return;
  }
  page('出错了', h('p', { class: 'error', role: 'alert' }, e instanceof ApiError ? e.explain() : '网络异常，请稍后再试'),
    h('a', { href: '#/', class: 'button' }, '返回首页'));
}

/**
 * A Camunda Form with one big submit button; the submission goes to `path` with an idempotency key that stays the
 * same for every retry of this content. `after(answer)` runs once it is sent. `extra` adds a part below the form
 * (its `elements`) whose `collect()` answers { values } to send along, or { message } while it is not ready.
 */
async function formPage(title, schema, data, path, after, { intro = null, extra = null, label = title } = {}) {
  const holder = h('div', { class: 'form-holder' });
  const line = statusLine();
  const button = h('button', { type: 'button', class: 'primary' }, '提交');
  const retry = h('button', { type: 'button', class: 'secondary', hidden: true }, '重新提交');
  page(title, intro, holder, extra ? extra.elements : null, button, retry, line);
  const rendered = await renderForm(holder, schema, data);
  let key = null;
  let sent = null;
  const send = async (values) => {
    const content = JSON.stringify(values);
    if (content !== sent) { // new content, new key; the same content keeps its key on every retry
      key = newKey();
      sent = content;
    }
    button.disabled = true;
    retry.hidden = true;
    try {
      const answer = await submit(path, values, key, showState(line), { label });
      document.body.dataset.submitted = 'true';
      after(answer, line);
    } catch (e) {
      button.disabled = false;
      if (line.dataset.state === 'offline') retry.hidden = false;
      else sent = null; // a refused submission stored nothing: the corrected one gets a new key
    }
  };
  button.addEventListener('click', () => {
    const values = rendered.submit();
    if (!values) {
      showState(line)('failed', '请按提示修改后再提交');
      return;
    }
    const more = extra ? extra.collect() : { values: {} };
    if (more.message) showState(line)('failed', more.message);
    else send({ ...values, ...more.values });
  });
  retry.addEventListener('click', () => send(JSON.parse(sent)));
  return rendered;
}

// ---------------------------------------------------------------------------------------------------- photos

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_PHOTO_BYTES = 5 * 1024 * 1024; // app.grievance.photos.max-size
const MAX_PHOTOS = 9; // app.grievance.photos.max-per-case

/**
 * A photo small enough to send: phones take photos of 3-8 MB; a large one (or one in a format the server does not
 * take, e.g. HEIC where the browser can draw it) is redrawn as a JPEG of at most 2048 px. Others go as they are.
 */
async function shrink(file) {
  if (file.size <= MAX_PHOTO_BYTES * 0.8 && PHOTO_TYPES.includes(file.type)) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 2048 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => { canvas.toBlob(resolve, 'image/jpeg', 0.85); });
    return blob ? new File([blob], 'photo.jpg', { type: 'image/jpeg' }) : file;
  } catch {
    return file; // the server says why it refuses it
  }
}

/**
 * Choosing photos: each is uploaded at once, one after the other, to `path` under its own key, and shown as a
 * thumbnail with its state. `collect()` answers { values: { photos: [ids] } }, or { message } while a photo is
 * still on its way or could not be sent.
 */
function photoPicker(path, max = MAX_PHOTOS) {
  const input = h('input', { id: 'photos', type: 'file', accept: PHOTO_TYPES.join(','), multiple: true,
    'aria-describedby': 'photos-hint' });
  const list = h('ul', { class: 'photos' });
  const line = statusLine();
  const chosen = [];
  let queue = Promise.resolve();
  const send = async (entry, file, state) => {
    const show = (s, text) => {
      state.dataset.state = s;
      state.textContent = s === 'sent' ? '已上传' : text;
    };
    try {
      const answer = await upload(path, await shrink(file), newKey(), show);
      entry.id = answer.id;
      entry.state = 'sent';
    } catch (e) {
      entry.state = 'failed';
      show('failed', `${e instanceof ApiError ? e.explain() : '上传失败'}，请删除后重新选择`);
    }
  };
  input.addEventListener('change', () => {
    const files = [...input.files];
    input.value = '';
    for (const file of files) {
      if (chosen.length >= max) {
        showState(line)('failed', `最多附 ${max} 张照片`);
        break;
      }
      const entry = { id: null, state: 'pending' };
      chosen.push(entry);
      const url = URL.createObjectURL(file);
      const state = h('span', { class: 'photo-state', 'data-state': 'pending' }, '等待上传…');
      const remove = h('button', { type: 'button', class: 'small' }, '删除');
      const item = h('li', {}, h('img', { src: url, alt: `新选的照片 ${chosen.length}` }), state, remove);
      remove.addEventListener('click', () => {
        chosen.splice(chosen.indexOf(entry), 1);
        item.remove();
        URL.revokeObjectURL(url);
        input.focus();
      });
      list.append(item);
      queue = queue.then(() => send(entry, file, state));
    }
  });
  return {
    // the input is hidden behind its label, drawn as a button: the browser's own button is small and in its UI language
    elements: h('div', { class: 'photo-picker' }, input,
      h('label', { for: 'photos', class: 'button' }, `添加照片（选填，最多 ${max} 张）`),
      h('p', { class: 'hint', id: 'photos-hint' }, '可以拍照或从相册选择，每张不超过 5 MB，选好后自动上传。'), list, line),
    collect() {
      if (chosen.some((c) => c.state === 'pending')) return { message: '照片还在上传，请稍候再提交' };
      if (chosen.some((c) => c.state === 'failed')) return { message: '有照片没有上传成功，请删除后再提交' };
      return { values: chosen.length ? { photos: chosen.map((c) => c.id) } : {} };
    },
  };
}

/** The photos of a case as thumbnails; each opens the full photo. */
function thumbnails(caseNumber, photos) {
  return h('ul', { class: 'photos' }, photos.map((p, i) => {
    const href = `/portal/api/grievances/${encodeURIComponent(caseNumber)}/photos/${encodeURIComponent(p.id)}`;
    const what = p.purpose === 'HANDLING' ? '办理现场照片' : '照片';
    return h('li', {}, h('a', { href, target: '_blank', rel: 'noopener' },
      h('img', { src: href, alt: `${what} ${i + 1}（点击查看大图）`, loading: 'lazy' })));
  }));
}

// ---------------------------------------------------------------------------------------------------- outbox

/**
 * Sends again what a closed page or a lost network left unconfirmed (the outbox, kept in localStorage), and tells
 * the resident in the box above the page: what is pending, what arrived, what was refused.
 */
async function flushOutbox() {
  const box = document.getElementById('outbox');
  const items = outbox.list();
  if (!box || items.length === 0) {
    document.body.dataset.outbox = 'empty';
    return;
  }
  const title = h('p', { class: 'title' }, `有 ${items.length} 项提交还没有确认送达，正在重新发送（不会重复提交）：`);
  const lines = h('ul', {}, items.map((item) => h('li', { 'data-key': item.key }, `${item.label}：等待确认`)));
  const close = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => { box.hidden = true; } }, '知道了');
  box.replaceChildren(title, lines, close);
  box.dataset.state = 'pending';
  box.hidden = false;
  document.body.dataset.outbox = 'pending';
  let unsent = 0;
  await resendOutbox((item, { answer, error }) => {
    const line = [...lines.children].find((li) => li.dataset.key === item.key);
    if (!line) return;
    if (answer) {
      const number = (answer && (answer.caseNumber || answer.topicNumber)) || '';
      line.textContent = `${item.label}：已送达${number ? `，编号 ${number}` : ''}`;
    } else if (transient(error)) {
      unsent += 1;
      line.textContent = `${item.label}：网络异常，还没有送达，网络恢复后会自动重新发送`;
    } else {
      line.textContent = `${item.label}：未能提交，${error instanceof ApiError ? error.explain() : '请重新填写'}`;
    }
  });
  title.textContent = unsent ? '部分提交还没有送达：' : '之前没有确认的提交已经处理：';
  box.dataset.state = unsent ? 'offline' : 'done';
  close.hidden = false;
  document.body.dataset.outbox = unsent ? 'offline' : 'done';
}

function signedIn(me) {
  profile = me;
  outbox.user = me.userId;
  flushOutbox();
}

window.addEventListener('online', () => { if (profile) flushOutbox(); });

// ----------------------------------------------------------------------------------------------------- pages

const REFUSED = {
  staff: '门户仅供居民使用，工作人员请使用任务列表。',
  sso: '统一身份认证未能完成，请重试。',
};

async function loginPage(message) {
  const refused = /[?&]refused=(\w+)/.exec(location.hash);
  const options = await get('/portal/login-options').catch(() => ({ singleSignOn: false }));
  if (options.singleSignOn) {
    const line = h('p', { class: 'status', role: 'alert' }, message || (refused && REFUSED[refused[1]]) || '');
    page('居民登录', h('p', {}, '请用统一身份认证账号登录。'),
      h('a', { href: options.start, class: 'button primary', id: 'sso-login' }, '登录'), line);
    document.body.dataset.page = 'login';
    return;
  }
  const user = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const line = h('p', { class: 'status', role: 'alert' }, message || '');
  const form = h('form', { id: 'login-form', novalidate: true },
    h('label', { for: 'username' }, '用户名'), user,
    h('label', { for: 'password' }, '密码'), password,
    h('button', { type: 'submit', class: 'primary' }, '登录'), line);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!user.value || !password.value) {
      line.textContent = '请填写用户名和密码';
      (user.value ? password : user).focus();
      return;
    }
    line.textContent = '正在登录…';
    try {
      await get('/portal/api/me').catch(() => null); // fetches the CSRF cookie
      await request('POST', '/portal/login', { form: { username: user.value, password: password.value } });
      signedIn(await get('/portal/api/me'));
      if (location.hash === '#/') route();
      else location.hash = '#/'; // the hash change routes

    } catch (e) {
      line.textContent = e instanceof ApiError ? e.explain() : '网络异常，请稍后再试';
    }
  });
  page('居民登录', h('p', {}, '请用社区发给您的账号登录。'), form);
  document.body.dataset.page = 'login';
}

async function homePage() {
  const [tasks, notifications] = await Promise.all([get('/portal/api/tasks'), get('/portal/api/notifications')]);
  const tile = (href, label, note) => h('li', {}, h('a', { href, class: 'tile' }, h('span', { class: 'label' }, label),
    note ? h('span', { class: 'note' }, note) : null));
  page(`${profile.name}，您好`,
    profile.address ? h('p', { class: 'address' }, `登记住址：${profile.address}`) : null,
    h('nav', { 'aria-label': '功能' }, h('ul', { class: 'tiles' },
      tile('#/file', '我要反映', '反映身边的问题'),
      tile('#/grievances', '我的诉求', '查看办理进度'),
      tile('#/tasks', '待办事项', tasks.length ? `${tasks.length} 项等您处理` : '暂无'),
      tile('#/offers', '惠民政策', '看看您可能享受的政策'),
      tile('#/deliberations', '社区协商', '提议题、联署、投票'),
      tile('#/messages', '消息和积分', notifications.length ? `${notifications.length} 条消息` : '暂无消息'))),
    h('button', { type: 'button', class: 'secondary', onclick: logout }, '退出登录'));
}

async function logout() {
  const answer = await request('POST', '/portal/logout').catch(() => null);
  profile = null;
  outbox.user = null;
  if (answer && answer.endSession) {
    location.href = answer.endSession; // single sign-on: Keycloak ends its session too, then returns here
    return;
  }
  location.hash = '#/login';
}

async function filePage() {
  const schema = await get('/portal/api/forms/grievance-handling-report');
  const intro = profile.address ? h('p', { class: 'hint' }, `您的登记住址：${profile.address}`) : null;
  await formPage('我要反映', schema, { place: 'registered' }, '/portal/api/grievances', (answer, line) => {
    line.replaceChildren(`已提交，诉求编号 ${answer.caseNumber}。`,
      h('a', { href: `#/grievances/${answer.caseNumber}`, class: 'button' }, '查看办理进度'));
  }, { intro, extra: photoPicker('/portal/api/photos') });
}

async function grievancesPage() {
  const cases = await get('/portal/api/grievances');
  page('我的诉求', cases.length === 0 ? h('p', {}, '您还没有反映过问题。') : h('ul', { class: 'cards' },
    cases.map((c) => h('li', {}, h('a', { href: `#/grievances/${c.caseNumber}`, class: 'card' },
      h('span', { class: 'title' }, c.caseNumber), h('span', { class: `badge status-${c.status}` }, c.statusLabel),
      h('span', { class: 'text' }, c.description), h('span', { class: 'meta' }, when(c.createdAt)))))),
  h('a', { href: '#/file', class: 'button' }, '我要反映'));
}

const FINAL_STATES = ['CLOSED', 'REJECTED', 'MERGED'];

async function grievancePage(caseNumber) {
  const path = `/portal/api/grievances/${encodeURIComponent(caseNumber)}`;
  const { grievance, timeline, photos, rateTaskId } = await get(path);
  const open = !FINAL_STATES.includes(grievance.status);
  const more = open && photos.length < MAX_PHOTOS ? photoPicker(`${path}/photos`, MAX_PHOTOS - photos.length) : null;
  page(`诉求 ${grievance.caseNumber}`,
    h('p', {}, h('span', { class: `badge status-${grievance.status}` }, grievance.statusLabel)),
    h('dl', { class: 'facts' }, h('dt', {}, '问题'), h('dd', {}, grievance.description),
      h('dt', {}, '地点'), h('dd', {}, grievance.address || '')),
    rateTaskId ? h('a', { href: `#/tasks/${rateTaskId}`, class: 'button primary' }, '评价办理结果') : null,
    h('h2', {}, '照片'),
    photos.length ? thumbnails(grievance.caseNumber, photos) : h('p', {}, '没有照片。'),
    more ? h('details', { class: 'more-photos' }, h('summary', {}, '补充照片'), more.elements) : null,
    h('h2', {}, '办理进度'),
    h('ol', { class: 'timeline' }, timeline.map((entry) => h('li', {},
      h('time', { datetime: entry.at }, when(entry.at)), h('span', {}, entry.text)))));
}

async function tasksPage() {
  const tasks = await get('/portal/api/tasks');
  page('待办事项', tasks.length === 0 ? h('p', {}, '暂时没有需要您处理的事项。') : h('ul', { class: 'cards' },
    tasks.map((t) => h('li', {}, h('a', { href: `#/tasks/${t.id}`, class: 'card' },
      h('span', { class: 'title' }, t.name), h('span', { class: 'meta' }, t.reference))))));
}

async function taskPage(taskId) {
  const task = await get(`/portal/api/tasks/${encodeURIComponent(taskId)}`);
  await formPage(task.name, task.schema, task.data, `/portal/api/tasks/${encodeURIComponent(taskId)}/submission`,
    (answer, line) => {
      line.replaceChildren('已提交，谢谢您！',
        h('a', { href: task.kind === 'ANSWER_OFFER' ? '#/offers' : `#/grievances/${answer.reference}`, class: 'button' }, '查看'));
    });
}

const OFFER_STATES = {
  new: '待核实', outreach: '正在办理', lapsed: '已失效', granted: '已享受', declined: '已放弃', rejected: '未获批准',
  'no-answer': '未答复', 'not-verified': '核实不符', review: '复核中', stopped: '已停止',
};

async function offersPage() {
  const offers = await get('/portal/api/offers');
  page('惠民政策', offers.length === 0 ? h('p', {}, '暂时没有为您找到可以享受的政策。') : h('ul', { class: 'cards' },
    offers.map(({ offer, answerTaskId }) => h('li', { class: 'card' },
      h('span', { class: 'title' }, offer.policyName),
      offer.amount ? h('span', { class: 'amount' }, `${offer.amount} 元${offer.period === 'once' ? '（一次性）' : '／月'}`) : null,
      h('span', { class: 'badge' }, OFFER_STATES[offer.state] || offer.state || ''),
      h('span', { class: 'text' }, `理由：${offer.reason || ''}`),
      answerTaskId ? h('a', { href: `#/tasks/${answerTaskId}`, class: 'button primary' }, '答复是否申请') : null))));
}

async function deliberationsPage() {
  const board = await get('/portal/api/deliberations');
  page('社区协商', h('a', { href: '#/propose', class: 'button' }, '提出议题'),
    board.length === 0 ? h('p', {}, '社区暂时没有协商议题。') : h('ul', { class: 'cards' },
      board.map((t) => h('li', {}, h('a', { href: `#/deliberations/${t.topicNumber}`, class: 'card' },
        h('span', { class: 'title' }, t.title), h('span', { class: 'badge' }, t.status),
        t.outcome ? h('span', { class: 'text' }, `结果：${t.outcome}`) : null,
        h('span', { class: 'meta' }, t.topicNumber))))));
}

const ROUND_STATES = { DISCUSSION: '讨论中', VOTING: '投票中', CLOSED: '已结束' };

/** A form-js schema for one vote: a radio of the round's options (no .form file: options differ per round). */
function voteSchema(round) {
  return {
    type: 'default', id: 'portal-vote', schemaVersion: 16,
    components: [{
      type: 'radio', key: 'optionId', id: 'Field_Vote', label: `第 ${round.roundNumber} 轮投票：请选择`,
      values: round.options.map((o) => ({ label: o.label, value: String(o.id) })), validate: { required: true },
    }],
  };
}

async function topicPage(topicNumber) {
  const path = `/portal/api/deliberations/${encodeURIComponent(topicNumber)}`;
  const topic = await get(path);
  const round = topic.rounds.length ? topic.rounds[topic.rounds.length - 1] : null;
  const line = statusLine();
  const coSigned = h('dd', {}, `${topic.coSignCount} / ${topic.coSignThreshold} 户`);
  // households join a topic when it is accepted; while it is proposed the server checks the affected area itself
  const coSign = topic.status === 'PROPOSED' && !topic.proposedByMe
    ? h('button', { type: 'button', class: 'primary', onclick: async (event) => {
      try {
        const answer = await request('POST', `${path}/co-signatures`);
        coSigned.textContent = `${answer.coSignCount} / ${topic.coSignThreshold} 户`;
        event.target.hidden = true;
        showState(line)('sent', `已联署，共 ${answer.coSignCount} 户`);
      } catch (e) {
        showState(line)('failed', e instanceof ApiError ? e.explain() : '网络异常，请稍后再试');
      }
    } }, '我家联署') : null;
  const voteHolder = h('div', { class: 'form-holder', id: 'vote' });
  const voteLine = statusLine();
  const comments = topic.comments || [];
  page(topic.title,
    h('p', {}, h('span', { class: 'badge' }, topic.statusLabel || topic.status)),
    h('p', {}, topic.description),
    h('dl', { class: 'facts' }, h('dt', {}, '影响范围'), h('dd', {}, topic.affectedArea || ''),
      h('dt', {}, '联署'), coSigned),
    coSign, line,
    topic.outcome ? h('p', { class: 'outcome' }, `协商结果：${topic.outcome}`) : null,
    topic.rounds.map((r) => h('section', { class: 'round' },
      h('h2', {}, `第 ${r.roundNumber} 轮 · ${ROUND_STATES[r.status] || r.status}`),
      r.summary ? h('p', {}, r.summary) : null, r.result ? h('p', {}, `结果：${r.result}`) : null)),
    round && round.status === 'VOTING' && topic.myHouseholdParticipates ? [voteHolder, voteLine] : null,
    h('h2', {}, '讨论意见'),
    comments.length ? h('ul', { class: 'comments' }, comments.map((c) => h('li', {}, h('span', {}, c.text),
      h('span', { class: 'meta' }, when(c.createdAt))))) : h('p', {}, '还没有意见。'),
    round && ['DISCUSSION', 'VOTING'].includes(round.status) ? commentForm(path) : null);
  if (round && round.status === 'VOTING' && topic.myHouseholdParticipates) {
    const rendered = await renderForm(voteHolder, voteSchema(round), round.myVote ? { optionId: String(round.myVote) } : {});
    const button = h('button', { type: 'button', class: 'primary' }, round.myVote ? '修改投票' : '投票');
    voteHolder.after(button);
    const key = newKey();
    button.addEventListener('click', async () => {
      const values = rendered.submit();
      if (!values) return;
      button.disabled = true;
      try {
        await submit(`${path}/votes`, { optionId: Number(values.optionId) }, key, showState(voteLine),
          { label: '投票' });
        voteLine.textContent = '已投票。投票截止前可以修改。';
        document.body.dataset.submitted = 'true';
      } catch {
        button.disabled = false;
      }
    });
  }
}

function commentForm(path) {
  const text = h('textarea', { id: 'comment', rows: '3', maxlength: '4000' });
  const line = statusLine();
  let key = newKey();
  const button = h('button', { type: 'button', class: 'secondary' }, '发表意见');
  button.addEventListener('click', async () => {
    if (!text.value.trim()) {
      showState(line)('failed', '请填写意见');
      text.focus();
      return;
    }
    button.disabled = true;
    try {
      await submit(`${path}/comments`, { text: text.value }, key, showState(line), { label: '发表意见' });
      key = newKey();
      route();
    } catch {
      button.disabled = false;
    }
  });
  return h('div', { class: 'comment-form' }, h('label', { for: 'comment' }, '我的意见'), text, button, line);
}

async function proposePage() {
  const schema = await get('/portal/api/forms/deliberation-propose');
  await formPage('提出议题', schema, { communityCode: profile.communityCode || '', affectedArea: profile.gridCode || '' },
    '/portal/api/deliberations', (answer, line) => {
      line.replaceChildren(`已提交，议题编号 ${answer.topicNumber}。请邀请邻居联署。`,
        h('a', { href: `#/deliberations/${answer.topicNumber}`, class: 'button' }, '查看议题'));
    });
}

async function messagesPage() {
  const [notifications, points] = await Promise.all([get('/portal/api/notifications'), get('/portal/api/points')]);
  page('消息和积分',
    h('p', { class: 'points' }, `我的公益积分：`, h('strong', {}, String(points.total))),
    h('h2', {}, '消息'),
    notifications.length === 0 ? h('p', {}, '暂无消息。') : h('ul', { class: 'cards' }, notifications.map((n) =>
      h('li', { class: 'card' }, h('span', { class: 'title' }, n.title), h('span', { class: 'text' }, n.body),
        h('span', { class: 'meta' }, when(n.createdAt))))));
}

// ------------------------------------------------------------------------------------------------------ routes

const ROUTES = [
  [/^#\/login(\?.*)?$/, () => loginPage()],
  [/^#?\/?$/, homePage],
  [/^#\/file$/, filePage],
  [/^#\/grievances$/, grievancesPage],
  [/^#\/grievances\/([^/]+)$/, grievancePage],
  [/^#\/tasks$/, tasksPage],
  [/^#\/tasks\/([^/]+)$/, taskPage],
  [/^#\/offers$/, offersPage],
  [/^#\/deliberations$/, deliberationsPage],
  [/^#\/deliberations\/([^/]+)$/, topicPage],
  [/^#\/propose$/, proposePage],
  [/^#\/messages$/, messagesPage],
];

async function route() {
  document.body.dataset.ready = 'false';
  document.body.dataset.submitted = 'false';
  const hash = location.hash || '#/';
  if (!hash.startsWith('#/login') && !profile) {
    try {
      signedIn(await get('/portal/api/me'));
    } catch (e) {
      loginPage(e instanceof ApiError && e.status === 403 ? e.explain() : '');
      return;
    }
  }
  const [pattern, show] = ROUTES.find(([p]) => p.test(hash)) || ROUTES[1];
  try {
    await show(...pattern.exec(hash).slice(1).map(decodeURIComponent));
  } catch (e) {
    failure(e);
  }
}

window.addEventListener('hashchange', route);
window.linliPortal = { renderForm, chinese };
if (document.getElementById('main')) {
  route();
}
