import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { freePort, startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { startTestServer, type TestServer } from '../helpers/server';
import { hasChromium, launchBrowser, newVietnameseContext } from './browser';
import { submitLogin } from './journey';

/**
 * The province's identity in Chromium: the login page's "Đăng nhập bằng tài khoản tỉnh" goes
 * through a real OpenID provider (oidc-provider, its own login and consent pages) and back;
 * an unmapped account is refused with the reason. Then the administrator issues an API token
 * on its screen, a script uses it, and the token is revoked.
 */
describe.skipIf(!hasChromium)('province sign-in and API tokens in Chromium', () => {
  let s: TestServer;
  let idp: TestProvider;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
    idp = await startTestProvider(redirectUri);
    s = await startTestServer({ port, env: { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_REDIRECT_URI: redirectUri } });
    await s.db.query(`update users set email = 'lanhdao@haiphong.gov.vn' where username = 'lanhdao'`);
    idp.accounts.set('vneid-0002', { email: 'lanhdao@haiphong.gov.vn', email_verified: true });
    idp.accounts.set('vneid-0404', { email: 'nguoi.la@haiphong.gov.vn', email_verified: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
    await idp?.close();
  });

  async function openPage(): Promise<Page> {
    const context = await newVietnameseContext(browser, `http://127.0.0.1:${new URL(s.url).port}`, s.clock.now);
    // The provider's development pages import a web font; the test runs offline.
    await context.route(/fonts\.googleapis\.com/, (route) => route.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  async function throughProvider(page: Page, login: string) {
    await page.goto('/login');
    await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản tỉnh' }).click();
    await page.waitForURL((u) => u.href.startsWith(idp.issuer));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('bat-ky');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('signs a mapped person in through the provider, and refuses an unmapped one with the reason', async () => {
    const page = await openPage();
    await throughProvider(page, 'vneid-0002');
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').innerText()).toContain('Phó Chủ tịch');
    await page.context().close();

    const stranger = await openPage();
    await throughProvider(stranger, 'vneid-0404');
    await stranger.waitForURL(/\/login\?oidc_error=unmapped/);
    expect(await stranger.getByTestId('oidc-error').innerText()).toContain('chưa được gắn với người dùng nào');
    await stranger.context().close();
  });

  it('lets the administrator issue a token shown once, used by a script, then revoked', async () => {
    const page = await openPage();
    await page.goto('/login');
    await submitLogin(page, 'admin');
    await page.getByTestId('current-user').waitFor();
    await page.goto('/admin/api-tokens');
    await page.getByRole('button', { name: 'Cấp mã mới' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên (hệ thống dùng mã)').fill('IOC của tỉnh bạn');
    await dialog.getByRole('checkbox', { name: 'Đọc' }).nth(3).check(); // Nhiệm vụ: đọc
    await dialog.getByRole('button', { name: 'Cấp mã mới' }).click();
    const secret = (await page.getByTestId('api-token-secret').innerText()).trim();
    expect(secret).toMatch(/^hd_/);

    const byScript = await fetch(`${s.url}/api/tasks?limit=1`, { headers: { authorization: `Bearer ${secret}` } });
    expect(byScript.status).toBe(200);

    await page.getByRole('button', { name: 'Tôi đã lưu mã' }).click();
    const row = page.getByRole('row', { name: /IOC của tỉnh bạn/ });
    expect(await row.innerText()).toContain('tasks:read');
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Thu hồi' }).click();
    await row.getByText('Đã thu hồi').waitFor();
    const revoked = await fetch(`${s.url}/api/tasks?limit=1`, { headers: { authorization: `Bearer ${secret}` } });
    expect(revoked.status).toBe(401);
    await page.context().close();
  });
});
