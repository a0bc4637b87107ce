// Walks through the resident portal in Debian's chromium (headless) at 360 px, as two demo residents would, and
// leaves a screenshot of every page in <shotDir>. Driven by tests/java/org/linli/portal/PortalBrowserIT:
//   node tests/browser/portal.mjs <baseUrl> <shotDir> <topicNumber> <proposedTopicNumber>
// Phase 1 (liu.yang): wrong password, log in, file a grievance with a photo while the first answer is lost on the
// network (the page retries with the same idempotency key), see it and its photo on the case page; prints
// {"phase":1,...} and waits for a line on stdin (the clerk and the department move the case to the rating step).
// Phase 2: rate the case through its Camunda Form, vote on the topic; comment on it while the answer never comes
// back and the page is reloaded (the outbox in localStorage sends it again, same key); co-sign the proposed topic;
// messages and points; log out; zhang.lan answers her benefit offer. Prints {"phase":2,...}. Exits non-zero when
// a step fails.
import { createInterface } from 'node:readline';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, shotDir, topicNumber, proposedTopic] = process.argv.slice(2);
const WIDTH = 360;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const stdin = createInterface({ input: process.stdin });
const nextLine = () => new Promise((resolve) => { stdin.once('line', resolve); });

const checks = [];
const pageErrors = [];

try {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 780 }, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));

  const ready = async () => {
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  };
  const go = async (hash) => {
    await page.evaluate((h) => {
      document.body.dataset.ready = 'false';
      if (location.hash === h) window.dispatchEvent(new HashChangeEvent('hashchange'));
      else location.hash = h;
    }, hash);
    await ready();
  };
  // after a click that changes the page
  const arrived = async (name) => {
    await page.waitForSelector(`body[data-page="${name}"][data-ready="true"]`, { timeout: 30000 });
  };
  const submitButton = () => page.getByRole('button', { name: '提交', exact: true });
  // what a resident at 360 px and a screen reader user need on every page
  const shot = async (name) => {
    await page.waitForTimeout(150);
    const seen = await page.evaluate(() => ({
      title: document.querySelector('h1') ? document.querySelector('h1').textContent : null,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      unlabelled: [...document.querySelectorAll('input:not([type=hidden]):not(.fjs-select-hidden-input), textarea')]
        .filter((i) => !(i.id && document.querySelector(`label[for="${i.id}"]`)) && !i.getAttribute('aria-label'))
        .map((i) => i.id || i.name),
      smallText: [...document.querySelectorAll('main p, main label, main button, main a, main li')]
        .filter((e) => e.offsetParent && parseFloat(getComputedStyle(e).fontSize) < 16).length,
    }));
    checks.push({ page: name, ...seen });
    await page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true });
  };
  const login = async (user) => {
    await go('#/login');
    await page.getByLabel('用户名').fill(user);
    await page.getByLabel('密码').fill('demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForSelector('body[data-page="home"][data-ready="true"]');
  };
  const submitted = () => page.waitForSelector('body[data-submitted="true"]', { timeout: 30000 });

  // ---------------------------------------------------------------------------------------------------- phase 1
  await page.goto(`${baseUrl}/portal/`);
  await ready();
  // an unknown user: a wrong password would make the engine delay liu.yang's next login by seconds
  await page.getByLabel('用户名').fill('nobody.here');
  await page.getByLabel('密码').fill('demo');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForFunction(() => document.querySelector('#login-form [role=alert]').textContent.includes('不正确'));
  const wrongPassword = await page.textContent('#login-form [role=alert]');
  await shot('01-login');
  await login('liu.yang');
  const greeting = await page.textContent('h1');
  await shot('02-home');

  await page.getByRole('link', { name: /我要反映/ }).click();
  await arrived('file');
  await submitButton().click();
  await page.waitForSelector('.fjs-form-field-error');
  const emptyErrors = await page.$$eval('.fjs-form-field-error', (es) => es.map((e) => e.textContent.trim()).filter(Boolean));
  const focusedAfterErrors = await page.waitForFunction(() => document.activeElement
    && document.activeElement.closest('.fjs-has-errors') !== null, null, { timeout: 3000 }).then(() => true, () => false);
  await shot('03-file-errors');

  const description = `楼道灯坏了一周，晚上很黑（门户测试 ${Date.now()}）`;
  // focus went to the first wrong field, the category, which opens its list; a mouse click would close it
  if (!(await page.locator('.fjs-dropdownlist').isVisible())) {
    await page.click('.fjs-form-field-select .fjs-select-display');
  }
  await page.click('.fjs-dropdownlist-item:has-text("环境卫生")');
  await page.getByLabel('问题描述').fill(description);
  // a photo (a piece of this page, a real PNG) is uploaded as soon as it is chosen and shown as a thumbnail
  const photo = await page.screenshot({ clip: { x: 0, y: 0, width: 160, height: 120 } });
  await page.setInputFiles('#photos', { name: '楼道.png', mimeType: 'image/png', buffer: photo });
  await page.waitForSelector('ul.photos .photo-state[data-state="sent"]', { timeout: 30000 });
  const photoState = await page.textContent('ul.photos .photo-state');
  await shot('03b-file-photo');
  // the first answer is lost on the way back: the server has filed, the page sees a network error
  let posts = 0;
  const keys = [];
  const filedPhotos = [];
  await page.route('**/portal/api/grievances', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    posts += 1;
    keys.push(route.request().headers()['idempotency-key']);
    filedPhotos.push((route.request().postDataJSON().photos || []).length);
    if (posts === 1) {
      await route.fetch();
      return route.abort('failed');
    }
    return route.continue();
  });
  await submitButton().click();
  await submitted();
  await page.unroute('**/portal/api/grievances');
  const filedText = await page.textContent('main > .status');
  const caseNumber = /GR-\d{4}-\d{6}/.exec(filedText)[0];
  await shot('04-filed');

  await page.getByRole('link', { name: '查看办理进度' }).click();
  await arrived('grievances');
  const timelineFiled = await page.textContent('ol.timeline');
  // the thumbnail is the stored photo, served to its owner
  await page.waitForFunction(() => [...document.querySelectorAll('ul.photos img')]
    .some((img) => img.complete && img.naturalWidth > 0), null, { timeout: 30000 });
  const photosShown = await page.$$eval('ul.photos img', (imgs) => imgs.map((img) => ({ alt: img.alt,
    width: img.naturalWidth, src: img.getAttribute('src') })));
  await shot('05-timeline');
  await go('#/grievances');
  await shot('05b-my-grievances');
  console.log(JSON.stringify({ phase: 1, caseNumber, description, posts, keys, wrongPassword, greeting,
    emptyErrors, focusedAfterErrors, timelineFiled, photoState, filedPhotos, photosShown }));

  await nextLine();

  // ---------------------------------------------------------------------------------------------------- phase 2
  await go(`#/grievances/${caseNumber}`);
  await page.getByRole('link', { name: '评价办理结果' }).click();
  await arrived('tasks');
  const rateForm = await page.textContent('.form-holder');
  await page.getByLabel(/满意度/).fill('6');
  await submitButton().click();
  await page.waitForSelector('.fjs-form-field-error:has-text("不能大于")');
  const rateError = await page.textContent('.fjs-has-errors .fjs-form-field-error');
  await shot('06-rate-errors');
  await page.getByLabel(/满意度/).fill('5');
  await page.getByLabel('评价意见').fill('修得很快，谢谢');
  await page.waitForTimeout(400); // form-js applies typed text after a short debounce
  await page.getByLabel('问题已解决').click();
  await page.waitForFunction(() => document.querySelector('.fjs-form-field-checkbox input').checked);
  await submitButton().click();
  await submitted();
  await shot('07-rated');
  await go(`#/grievances/${caseNumber}`);
  const timelineRated = await page.textContent('ol.timeline');
  const rateLinkAfter = await page.getByRole('link', { name: '评价办理结果' }).count();
  await shot('08-timeline-rated');

  await go(`#/deliberations/${topicNumber}`);
  await page.waitForSelector('#vote .fjs-form-field-radio');
  await shot('09-vote');
  await page.locator('#vote label.fjs-form-field-label', { hasText: '同意' }).first().click();
  await page.getByRole('button', { name: '投票', exact: true }).click();
  await submitted();
  const voteStatus = await page.textContent('#vote ~ .status');
  await shot('10-voted');

  // a comment whose answer never comes back (the server stored it), and the page is closed meanwhile: reopened,
  // the page finds it in its outbox, shows it as pending and sends it again with the same key
  const comment = `建议装声控灯，省电（门户测试 ${Date.now()}）`;
  const commentsRoute = '**/portal/api/deliberations/*/comments';
  const commentKeys = [];
  let stored;
  const storedOnServer = new Promise((resolve) => { stored = resolve; });
  await page.route(commentsRoute, async (route) => {
    commentKeys.push(route.request().headers()['idempotency-key']);
    if (commentKeys.length === 1) {
      await route.fetch(); // reaches the server; its answer is never delivered to the page
      stored();
      return;
    }
    // the copy sent again is held for a moment, so that the page can be seen showing it as pending
    await new Promise((resolve) => { setTimeout(resolve, 1500); });
    await route.continue();
  });
  await page.getByLabel('我的意见').fill(comment);
  await page.getByRole('button', { name: '发表意见' }).click();
  await storedOnServer;
  const outboxLabels = () => page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('linli.portal.outbox.')).flatMap((k) => JSON.parse(localStorage.getItem(k)))
    .map((item) => item.label));
  const outboxBefore = await outboxLabels();
  await page.reload();
  await page.waitForSelector('#outbox[data-state="pending"]', { timeout: 30000 }).catch(async (e) => {
    console.error('outbox before reload:', outboxBefore, 'after:', await outboxLabels(), 'box:',
      await page.evaluate(() => document.getElementById('outbox').outerHTML), 'keys:', commentKeys);
    throw e;
  });
  const outboxPending = await page.textContent('#outbox');
  await page.screenshot({ path: path.join(shotDir, '10b-outbox-pending.png'), fullPage: true });
  await page.waitForSelector('#outbox[data-state="done"]', { timeout: 30000 });
  const outboxDone = await page.textContent('#outbox');
  await page.unroute(commentsRoute);
  const outboxAfter = await outboxLabels();
  await go(`#/deliberations/${topicNumber}`);
  const commentShown = await page.$$eval('ul.comments li', (lis, text) => lis
    .filter((li) => li.textContent.includes(text)).length, comment);
  await shot('10c-commented');

  // co-signing a topic a neighbour proposed
  await go(`#/deliberations/${proposedTopic}`);
  await page.getByRole('button', { name: '我家联署' }).click();
  await page.waitForFunction(() => document.querySelector('main .status').textContent.includes('已联署'));
  const coSignStatus = await page.textContent('main .status');
  await shot('10d-co-signed');
  await go('#/deliberations');
  await shot('11-board');

  await go('#/messages');
  const points = await page.textContent('.points strong');
  const messages = await page.$$eval('.cards .card .title', (es) => es.map((e) => e.textContent));
  await shot('12-messages');

  await go('#/');
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForSelector('#login-form');
  await login('zhang.lan');
  await go('#/offers');
  await shot('13-offers');
  await page.getByRole('link', { name: '答复是否申请' }).first().click();
  await arrived('tasks');
  const offerForm = await page.textContent('.form-holder');
  await shot('14-offer-form');
  await page.locator('label', { hasText: '暂不申请' }).click();
  await submitButton().click();
  await submitted();
  await shot('15-offer-answered');
  await go('#/offers');
  const offersAfter = await page.textContent('main');

  console.log(JSON.stringify({ phase: 2, rateForm, rateError, timelineRated, rateLinkAfter, voteStatus, comment,
    commentKeys, outboxBefore, outboxPending, outboxDone, outboxAfter, commentShown, coSignStatus, points, messages,
    offerForm, offersAfter, checks, pageErrors }));
} finally {
  stdin.close();
  await browser.close();
}
