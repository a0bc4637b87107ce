// The resident portal's single sign-on in Debian's chromium (headless), as a resident would use it: the portal's
// 登录 button, Keycloak's own login form, back in the portal signed in, 退出登录 ending both sessions. Driven by
// tests/java/org/linli/portal/PortalSingleSignOnBrowserIT:
//   node tests/browser/portal-sso.mjs <baseUrl> <user> <password> <screenshot>
// Prints one JSON line with what it saw; exits non-zero when a step fails.
import { chromium } from 'playwright-core';

const [baseUrl, user, password, shot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const seen = { pageErrors: [] };
try {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => seen.pageErrors.push(String(e)));
  const ready = () => page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });

  await page.goto(`${baseUrl}/portal/`);
  await page.waitForSelector('#sso-login', { timeout: 30000 });
  seen.loginButton = (await page.textContent('#sso-login')).trim();
  await page.click('#sso-login');

  await page.waitForSelector('#kc-form-login', { timeout: 30000 });
  seen.keycloakHost = new URL(page.url()).host;
  await page.fill('#username', user);
  await page.fill('#password', password);
  await page.click('#kc-login');

  await page.waitForURL((url) => url.pathname === '/portal/', { timeout: 30000 });
  await ready();
  seen.greeting = (await page.textContent('h1')).trim();
  seen.me = await page.evaluate(async () => (await fetch('/portal/api/me')).json());
  await page.screenshot({ path: shot, fullPage: true });

  await page.click('text=退出登录');
  await page.waitForSelector('#sso-login', { timeout: 30000 });
  seen.afterLogoutPath = new URL(page.url()).pathname;
  seen.meAfterLogout = await page.evaluate(async () => (await fetch('/portal/api/me')).status);
  await page.click('#sso-login');
  await page.waitForSelector('#kc-form-login', { timeout: 30000 });
  seen.keycloakAsksAgain = true;
  console.log(JSON.stringify(seen));
} catch (e) {
  console.log(JSON.stringify({ ...seen, failed: String(e) }));
  process.exitCode = 1;
} finally {
  await browser.close();
}
