import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from './browser';
import { browserJourney, submitLogin } from './journey';

describe.skipIf(!hasChromium)('foundation screens in Chromium', () => {
  const journey = browserJourney({ stepTimeout: 10_000 });
  const { openPage, shot } = journey;

  async function logInAsAdmin(page: Page): Promise<void> {
    await page.goto('/');
    await page.waitForURL('**/login');
    await submitLogin(page, 'admin', journey.server.adminPassword);
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
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await submitLogin(page, 'admin', 'sai-mat-khau-123');
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

  it('says so when repeated failures hold back sign-in from this address', async () => {
    const page = await openPage();
    await page.goto('/login');
    const alert = page.getByTestId('login-error');
    // The throttle is keyed on the name typed and the address, so an unknown name holds back nobody real.
    for (let attempt = 1; attempt <= 6; attempt++) {
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await submitLogin(page, 'khong.ton.tai', `sai-${attempt}-mat-khau`);
      const res = await answer;
      if (res.status() !== 429) continue;
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('THROTTLED');
      await expect.poll(() => alert.innerText()).toContain('Tạm thời chưa thể đăng nhập');
      expect(await alert.innerText()).toContain(body.error.message);
      await shot(page, 'login-locked');
      await page.context().close();
      return;
    }
    throw new Error('six wrong passwords did not hold back sign-in');
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
