import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../helpers/server';
import { hasChromium, launchBrowser, newVietnameseContext } from './browser';

const WEB_INDEX = join(import.meta.dirname, '../../dist/web/index.html');
/** Set E2E_SCREENSHOTS=<dir> to keep a picture of each journey's end. */
const SHOTS = process.env.E2E_SCREENSHOTS;

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe.skipIf(!hasChromium)('foundation screens in Chromium', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) throw new Error('dist/web is missing: run `npx vite build` first (`npm test` does it in pretest).');
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPage(): Promise<Page> {
    const context = await newVietnameseContext(browser, server.url);
    const page = await context.newPage();
    // Shorter than the test's own timeout, so a failure names the step that waited.
    page.setDefaultTimeout(10_000);
    return page;
  }

  async function shot(page: Page, name: string): Promise<void> {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
  }

  async function logInAsAdmin(page: Page): Promise<void> {
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(server.adminPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('welcome').waitFor();
  }

  /** Types a date into an antd DatePicker the way a person would: dd/mm/yyyy, then Enter. */
  async function pickDate(page: Page, inputSelector: string, ddmmyyyy: string): Promise<void> {
    const input = page.locator(inputSelector);
    await input.click();
    await input.press('ControlOrMeta+a');
    await input.pressSequentially(ddmmyyyy);
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe(ddmmyyyy);
  }

  it('shows the server’s Vietnamese message when a login fails', async () => {
    const page = await openPage();
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau-123');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const res = await answer;
    expect(res.status()).toBe(401);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INVALID_CREDENTIALS');

    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Đăng nhập không thành công');
    expect(await alert.innerText()).toContain(body.error.message);
    expect(page.url()).toMatch(/\/login$/);
    await shot(page, 'login-failed');
    await page.context().close();
  });

  it('says so when repeated failures lock an account out', async () => {
    const page = await openPage();
    await page.goto('/login');
    const alert = page.getByTestId('login-error');
    // The throttle is keyed on the name typed, so an unknown name locks out nobody real.
    for (let attempt = 1; attempt <= 6; attempt++) {
      await page.getByLabel('Tên đăng nhập').fill('khong.ton.tai');
      await page.getByLabel('Mật khẩu').fill(`sai-${attempt}-mat-khau`);
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      const res = await answer;
      if (res.status() !== 429) continue;
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('LOCKED_OUT');
      await expect.poll(() => alert.innerText()).toContain('Tài khoản tạm thời bị khoá');
      expect(await alert.innerText()).toContain(body.error.message);
      await shot(page, 'login-locked');
      await page.context().close();
      return;
    }
    throw new Error('six wrong passwords did not lock the account out');
  });

  it('logs in as admin and shows the unit tree before and after the 2025 reorganisation', async () => {
    const page = await openPage();
    await logInAsAdmin(page);
    expect(await page.getByTestId('current-user').innerText()).toContain('Quản trị hệ thống');
    await shot(page, 'home');

    await page.getByRole('link', { name: 'Đơn vị' }).first().click();
    await page.waitForURL('**/admin/units');
    const tree = page.getByTestId('unit-tree');

    await pickDate(page, '#units-as-of', '01/01/2024');
    const ict = tree.getByText('Sở Thông tin và Truyền thông', { exact: true });
    await ict.waitFor();
    const ictRow = tree.locator('tr', { has: page.getByText('Sở Thông tin và Truyền thông', { exact: true }) });
    await expect.poll(() => ictRow.innerText()).toMatch(/Kế thừa bởi: [^\n]*Sở Khoa học và Công nghệ/);
    expect(await ictRow.innerText()).toContain('– 28/02/2025');
    await shot(page, 'units-2024');

    await pickDate(page, '#units-as-of', '01/01/2026');
    await expect.poll(() => page.url()).toContain('asOf=2026-01-01');
    await tree.getByText('Sở Khoa học và Công nghệ', { exact: true }).waitFor();
    await ict.waitFor({ state: 'detached' });
    expect(await tree.getByText('Sở Thông tin và Truyền thông', { exact: true }).count()).toBe(0);
    await shot(page, 'units-2026');
    await page.context().close();
  });

  it('switches to English in one click and remembers it', async () => {
    const page = await openPage();
    await logInAsAdmin(page);
    const nav = page.locator('.hd-menu');
    expect(await nav.innerText()).toContain('Nhiệm vụ');

    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => nav.innerText()).toContain('Tasks');
    const text = await nav.innerText();
    for (const label of ['Projects & budget', 'Indicators', 'Reports', 'Operations (IOC)', 'Evaluation', 'Administration', 'Units', 'Users', 'Audit log']) {
      expect(text).toContain(label);
    }
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await page.getByTestId('welcome').waitFor();
    expect(await page.locator('.hd-menu').innerText()).toContain('Tasks');
    await shot(page, 'home-en');

    await page.getByText('VI', { exact: true }).click();
    await expect.poll(() => page.locator('.hd-menu').innerText()).toContain('Nhiệm vụ');
    await page.context().close();
  });

  it('logs out, after which a protected page sends the user back to login', async () => {
    const page = await openPage();
    await logInAsAdmin(page);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL('**/login');
    await page.goto('/admin/users');
    await page.waitForURL('**/login');
    await page.context().close();
  });
});
