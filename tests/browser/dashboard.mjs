// Opens the supervisors' dashboard in Debian's chromium (headless), logs in, waits for the charts and takes a
// screenshot. Usage: node tests/browser/dashboard.mjs <baseUrl> <user> <password> <screenshot.png>
// Prints one JSON line with what a supervisor sees; exits non-zero when the page does not render.
import { chromium } from 'playwright-core';

const [baseUrl, user, password, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1500 }, locale: 'zh-CN' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(baseUrl + '/dashboard/index.html');
  await page.fill('#user', user);
  await page.fill('#password', password);
  await page.click('#login-form button');
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 30000 });
  await page.waitForTimeout(1500); // chart animations
  const seen = await page.evaluate(() => ({
    title: document.querySelector('h1').textContent,
    kpis: Object.fromEntries([...document.querySelectorAll('.kpi')].map((k) =>
      [k.querySelector('.label').textContent, k.querySelector('.value').textContent])),
    charts: [...document.querySelectorAll('.chart')].filter((c) => c.querySelector('canvas')).length,
    overdueRows: document.querySelectorAll('#overdue tbody tr').length,
    overdueText: document.querySelector('#overdue tbody').textContent,
    communities: [...document.querySelectorAll('#community option')].map((o) => o.textContent),
    loginHidden: getComputedStyle(document.getElementById('login')).display === 'none',
  }));
  // filter by one community: the page asks again and renders
  await page.evaluate(() => { document.body.dataset.loaded = ''; });
  await page.selectOption('#community', { index: 1 }).catch(() => {});
  await page.click('#filters button');
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 30000 });
  seen.filteredTotal = await page.evaluate(() => document.querySelector('.kpi .value').textContent);
  await page.selectOption('#community', { index: 0 }).catch(() => {});
  await page.click('#filters button');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: screenshot, fullPage: true });
  seen.errors = errors;
  console.log(JSON.stringify(seen));
} finally {
  await browser.close();
}
