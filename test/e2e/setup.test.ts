import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmptyServer, TEST_NOW, type TestServer } from '../helpers/server';
import { hasChromium, launchBrowser, newVietnameseContext } from './browser';

const WEB_INDEX = join(import.meta.dirname, '../../dist/web/index.html');
const PASSWORD = 'CaoBang-Khoi-2026';

/** The task list a new province brings: one overdue on the server's clock (20/11/2026), one in time, one without a deadline. */
async function tasksSheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhiệm vụ');
  ws.addRow(['Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Ngày giao', 'Hạn xử lý']);
  ws.addRow(['Số hoá hồ sơ thủ tục hành chính còn hiệu lực', 'Sở Khoa học và Công nghệ', 'Sở Tài chính', new Date(Date.UTC(2026, 1, 2)), new Date(Date.UTC(2026, 9, 15))]);
  ws.addRow(['Bố trí kinh phí chuyển đổi số năm 2027', 'Sở Tài chính', '', new Date(Date.UTC(2026, 2, 2)), new Date(Date.UTC(2026, 11, 31))]);
  ws.addRow(['Theo dõi, đôn đốc thực hiện kế hoạch', 'Văn phòng Ủy ban nhân dân tỉnh', '', new Date(Date.UTC(2026, 3, 1)), null]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A new province, from an empty database to a running IOC, in Chromium: the setup code from the
 * server log, the province chosen from the national list, its communes loaded, its departments
 * from the template's own example rows, its task list from Excel, then the IOC's figures.
 */
describe.skipIf(!hasChromium)('guided start from empty in Chromium', () => {
  let server: TestServer & { setupCode: string };
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'hd-setup-'));

  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) throw new Error('dist/web is missing: run `node scripts/build.mjs --if-stale` first');
    server = await startEmptyServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('walks every step and opens an IOC that shows what was loaded', async () => {
    const context = await newVietnameseContext(browser, server.url, TEST_NOW);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);

    // Nobody can sign in yet: the login page sends the first visitor to the setup screen.
    await page.goto('/login');
    await page.waitForURL((u) => u.pathname === '/setup');
    await page.getByLabel('Mã khởi tạo').fill('SAI-MA-0000');
    await page.getByLabel('Tỉnh, thành phố').click();
    await page.keyboard.type('Cao Bằng');
    await page.keyboard.press('Enter');
    await page.getByLabel('Họ và tên quản trị').fill('Nguyễn Văn Quản');
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill(PASSWORD);
    await page.getByRole('button', { name: 'Tạo quản trị và bắt đầu' }).click();
    await page.getByText('Mã khởi tạo không đúng').waitFor();
    await page.getByLabel('Mã khởi tạo').fill(server.setupCode);
    await page.getByRole('button', { name: 'Tạo quản trị và bắt đầu' }).click();

    // a. The communes and wards from the national list.
    await page.getByRole('button', { name: 'Nạp xã, phường của Tỉnh Cao Bằng' }).click();
    await page.getByText('Đã nạp 56 trong 56 xã, phường, đặc khu.').waitFor();
    await page.getByRole('button', { name: 'Xong, sang bước sau' }).click();

    // b. Departments: the template as downloaded, its example rows as they are.
    const template = await page.request.get('/api/units/import-template');
    expect(template.status()).toBe(200);
    writeFileSync(join(dir, 'co-cau.xlsx'), await template.body());
    await page.locator('input[type=file]').setInputFiles(join(dir, 'co-cau.xlsx'));
    await page.getByText('Đã nạp 6 đơn vị.').first().waitFor();
    await page.getByRole('button', { name: 'Xong, sang bước sau' }).click();

    // c, d. Users and plan are skipped today, and can be taken up later.
    await page.getByRole('button', { name: 'Bỏ qua bước này' }).click();
    await page.getByText('Kế hoạch năm và chỉ tiêu').waitFor();
    await page.getByRole('button', { name: 'Bỏ qua bước này' }).click();

    // The task list from Excel.
    writeFileSync(join(dir, 'nhiem-vu.xlsx'), await tasksSheet());
    await page.getByText('Danh sách nhiệm vụ từ tệp Excel').waitFor();
    await page.locator('input[type=file]').setInputFiles(join(dir, 'nhiem-vu.xlsx'));
    const answer = page.locator('.ant-alert-success, .ant-alert-error').first();
    await answer.waitFor();
    expect(await answer.innerText()).toContain('3 nhiệm vụ');
    await page.getByRole('button', { name: 'Xong, sang bước sau' }).click();
    await page.getByRole('button', { name: 'Bỏ qua bước này' }).click();

    // f. What was loaded: the committee, 56 communes, 6 departments and agencies; one user; three tasks.
    const counts = page.getByTestId('setup-counts');
    await counts.waitFor();
    expect(await counts.innerText()).toMatch(/Đơn vị\s+63/);
    expect(await counts.innerText()).toMatch(/Nhiệm vụ\s+3/);
    await page.getByRole('button', { name: 'Mở màn hình điều hành IOC' }).click();
    await page.waitForURL((u) => u.pathname === '/ioc');
    const tasks = page.getByTestId('ioc-panel-tasks');
    await expect.poll(() => tasks.locator('.ioc-donut-center .ioc-big').innerText(), { timeout: 20_000 }).toBe('3');
    expect(await tasks.locator('.ioc-stat-value').innerText()).toBe('1');
    await context.close();
  });
});
