import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { call, login } from '../helpers/api';
import { hasChromium } from './browser';
import { browserJourney } from './journey';

/** Picks an option of an antd Select by typing part of its label (diacritics ignored by the screen). */
async function choose(page: Page, scope: Locator, label: string, typed: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.keyboard.type(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

describe.skipIf(!hasChromium)('a task assigned from the screen, then several extended at once', () => {
  const journey = browserJourney({ stepTimeout: 15_000, landing: 'current-user' });
  const { logIn, shot } = journey;

  it('assigns one task with a lead, a coordinator and a deadline (1920×1080), then extends two and is told of the third changed meanwhile', async () => {
    const page = await logIn('dieuphoi');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('/tasks?tab=all');
    await page.getByRole('button', { name: 'Giao nhiệm vụ mới' }).click();
    const form = page.getByTestId('create-task-form');
    // The contract's rules answer in Vietnamese before anything is sent.
    await page.getByRole('button', { name: 'Giao nhiệm vụ', exact: true }).click();
    await form.getByText('Hãy ghi nội dung nhiệm vụ').waitFor();
    await form.getByText('Hãy chọn đơn vị chủ trì').waitFor();
    await form.getByLabel('Nội dung nhiệm vụ').fill('Rà soát hạ tầng mạng LAN của các sở, mẫu kiểm thử');
    await choose(page, form, 'Đơn vị chủ trì', 'tai chinh', 'Sở Tài chính');
    await choose(page, form, 'Đơn vị phối hợp', 'khoa hoc va cong nghe', 'Sở Khoa học và Công nghệ');
    await form.getByLabel('Hạn xử lý').fill('31/12/2026');
    await page.keyboard.press('Enter');
    await shot(page, 'task-create-form');
    await page.getByRole('button', { name: 'Giao nhiệm vụ', exact: true }).click();
    const drawer = page.getByTestId('task-drawer');
    await drawer.getByTestId('task-deadline').waitFor();
    expect(await drawer.getByTestId('task-deadline').innerText()).toBe('31/12/2026');
    expect(await drawer.innerText()).toContain('Sở Khoa học và Công nghệ');
    await page.keyboard.press('Escape');

    // Two more tasks with the same deadline, assigned through the API.
    const server = journey.server;
    const coord = await login(server.app, 'dieuphoi');
    const stc = (await server.db.query<{ id: string }>("select id from units where code = 'HP.STC'"))[0]!.id;
    for (const title of ['Cập nhật danh mục phần mềm dùng chung, mẫu kiểm thử', 'Đánh giá an toàn thông tin cấp độ 2, mẫu kiểm thử']) {
      const r = await call(server.app, coord, 'POST', '/api/tasks', { title, leadUnitId: stc, deadline: '2026-12-31' });
      expect(r.statusCode, r.body).toBe(201);
    }
    await page.goto('/tasks?tab=all');
    await page.getByTestId('task-search').fill('mau kiem thu');
    const table = page.getByTestId('tasks-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(3);
    for (const box of await table.locator('tbody .ant-checkbox-input').all()) await box.check();
    await page.getByTestId('bulk-bar').getByText('Đã chọn 3 nhiệm vụ').waitFor();

    // Someone reports progress on one of them while the list is on screen.
    const officerView = (await call(server.app, coord, 'GET', `/api/tasks?q=${encodeURIComponent('an toan thong tin cap do 2')}`)).json().items[0];
    const moved = await call(server.app, coord, 'POST', `/api/tasks/${officerView.id}/progress`, { version: officerView.version, percent: 20, note: 'Đã khảo sát' });
    expect(moved.statusCode, moved.body).toBe(200);

    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Gia hạn' }).click();
    await page.getByLabel('Hạn xử lý mới').fill('31/03/2027');
    // Enter in the date field submits the dialog's form ("Thực hiện").
    await page.keyboard.press('Enter');
    const result = page.getByTestId('bulk-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('Đã gia hạn 2 nhiệm vụ; 1 nhiệm vụ đã bị người khác sửa, chưa đổi');
    expect(await result.innerText()).toContain('Đánh giá an toàn thông tin cấp độ 2, mẫu kiểm thử — đã bị người khác sửa');
    await expect.poll(async () => (await table.innerText()).split('31/03/2027').length - 1).toBe(2);
    await shot(page, 'task-bulk-result');
    await page.context().close();
  });

  it('opens the new-task form on a phone (390×844) without scrolling sideways', async () => {
    const page = await logIn('dieuphoi');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/tasks?tab=all');
    await page.getByRole('button', { name: 'Giao nhiệm vụ mới' }).click();
    await page.getByTestId('create-task-form').waitFor();
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await page.getByTestId('create-task-form').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await shot(page, 'task-create-phone');
    await page.context().close();
  });
});
