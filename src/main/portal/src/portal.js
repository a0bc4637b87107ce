// The resident portal (居民服务): one page, hash routes, large type; every form a Camunda Form rendered by form-js.
import { ApiError, get, newKey, request, submit } from './api.js';
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
 * same for every retry of this content. `after(answer)` runs once it is sent.
 */
async function formPage(title, schema, data, path, after, intro = null) {
  const holder = h('div', { class: 'form-holder' });
  const line = statusLine();
  const button = h('button', { type: 'button', class: 'primary' }, '提交');
  const retry = h('button', { type: 'button', class: 'secondary', hidden: true }, '重新提交');
  page(title, intro, holder, button, retry, line);
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
      const answer = await submit(path, values, key, showState(line));
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
    if (values) send(values);
    else showState(line)('failed', '请按提示修改后再提交');
  });
  retry.addEventListener('click', () => send(JSON.parse(sent)));
  return rendered;
}

// ----------------------------------------------------------------------------------------------------- pages

function loginPage(message) {
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
      profile = await get('/portal/api/me');
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
  await request('POST', '/portal/logout').catch(() => null);
  profile = null;
  location.hash = '#/login';
}

async function filePage() {
  const schema = await get('/portal/api/forms/grievance-handling-report');
  const intro = profile.address ? h('p', { class: 'hint' }, `您的登记住址：${profile.address}`) : null;
  await formPage('我要反映', schema, { place: 'registered' }, '/portal/api/grievances', (answer, line) => {
    line.replaceChildren(`已提交，诉求编号 ${answer.caseNumber}。`,
      h('a', { href: `#/grievances/${answer.caseNumber}`, class: 'button' }, '查看办理进度'));
  }, intro);
}

async function grievancesPage() {
  const cases = await get('/portal/api/grievances');
  page('我的诉求', cases.length === 0 ? h('p', {}, '您还没有反映过问题。') : h('ul', { class: 'cards' },
    cases.map((c) => h('li', {}, h('a', { href: `#/grievances/${c.caseNumber}`, class: 'card' },
      h('span', { class: 'title' }, c.caseNumber), h('span', { class: `badge status-${c.status}` }, c.statusLabel),
      h('span', { class: 'text' }, c.description), h('span', { class: 'meta' }, when(c.createdAt)))))),
  h('a', { href: '#/file', class: 'button' }, '我要反映'));
}

async function grievancePage(caseNumber) {
  const { grievance, timeline, rateTaskId } = await get(`/portal/api/grievances/${encodeURIComponent(caseNumber)}`);
  page(`诉求 ${grievance.caseNumber}`,
    h('p', {}, h('span', { class: `badge status-${grievance.status}` }, grievance.statusLabel)),
    h('dl', { class: 'facts' }, h('dt', {}, '问题'), h('dd', {}, grievance.description),
      h('dt', {}, '地点'), h('dd', {}, grievance.address || '')),
    rateTaskId ? h('a', { href: `#/tasks/${rateTaskId}`, class: 'button primary' }, '评价办理结果') : null,
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
  const coSign = topic.status === 'PROPOSED' && topic.myHouseholdParticipates && !topic.proposedByMe
    ? h('button', { type: 'button', class: 'primary', onclick: async () => {
      try {
        const answer = await request('POST', `${path}/co-signatures`);
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
      h('dt', {}, '联署'), h('dd', {}, `${topic.coSignCount} / ${topic.coSignThreshold} 户`)),
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
        await submit(`${path}/votes`, { optionId: Number(values.optionId) }, key, showState(voteLine));
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
      await submit(`${path}/comments`, { text: text.value }, key, showState(line));
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
  [/^#\/login$/, () => loginPage()],
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
  if (hash !== '#/login' && !profile) {
    try {
      profile = await get('/portal/api/me');
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
