import { describe, expect, it } from 'vitest';
import { call, login } from '../helpers/api';
import { hasChromium } from './browser';
import { browserJourney } from './journey';

/** The test clock is 20/11/2026: three deadlines this month for two units, one next month. */
describe.skipIf(!hasChromium)('a calendar of deadlines by unit', () => {
  const { logIn, shot } = browserJourney({
    stepTimeout: 15_000,
    landing: 'current-user',
    prepare: async (server) => {
      const coord = await login(server.app, 'dieuphoi');
      const unit = async (code: string) => (await server.db.query<{ id: string }>('select id from units where code = $1', [code]))[0]!.id;
      const stc = await unit('HP.STC');
      const khcn = await unit('HP.SKHCN');
      for (const body of [
        { title: 'Quyết toán kinh phí chuyển đổi số', leadUnitId: stc, deadline: '2026-11-25' },
        { title: 'Rà soát dự toán phần mềm dùng chung', leadUnitId: stc, deadline: '2026-11-25' },
        { title: 'Báo cáo chỉ số DTI năm 2026', leadUnitId: khcn, deadline: '2026-11-27' },
        { title: 'Tổng kết năm chuyển đổi số', leadUnitId: khcn, deadline: '2026-12-15' },
      ]) {
        const r = await call(server.app, coord, 'POST', '/api/tasks', body);
        if (r.statusCode !== 201) throw new Error(r.body);
      }
    },
  });

  it('shows the month with each deadline on its day, filtered by unit (1920×1080)', async () => {
    const page = await logIn('dieuphoi');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('/tasks?tab=calendar');
    const cal = page.getByTestId('deadline-calendar');
    await cal.getByText('Báo cáo chỉ số DTI năm 2026').waitFor();
    expect(await cal.getByTestId('calendar-count').innerText()).toBe('3 nhiệm vụ đến hạn trong tháng 11/2026');
    // Both of Sở Tài chính's tasks sit in the cell of the 25th.
    const cell25 = cal.locator('td[title="2026-11-25"]');
    expect(await cell25.innerText()).toContain('Quyết toán kinh phí chuyển đổi số');
    expect(await cell25.innerText()).toContain('Rà soát dự toán phần mềm dùng chung');
    expect(await cal.innerText()).not.toContain('Tổng kết năm chuyển đổi số');
    await cal.getByLabel('Đơn vị chủ trì (tất cả)').click();
    await page.keyboard.type('khoa hoc va cong nghe');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Sở Khoa học và Công nghệ' }).first().click();
    await expect.poll(() => cal.getByTestId('calendar-count').innerText()).toBe('1 nhiệm vụ đến hạn trong tháng 11/2026');
    expect(await cal.innerText()).not.toContain('Quyết toán kinh phí');
    await shot(page, 'calendar-desktop');
    await cal.getByText('Báo cáo chỉ số DTI năm 2026').click();
    await page.getByTestId('task-drawer').getByTestId('task-deadline').waitFor();
    expect(await page.getByTestId('task-drawer').getByTestId('task-deadline').innerText()).toBe('27/11/2026');
    await page.context().close();
  });

  it('is a list by day on a phone (390×844), month by month, without sideways scrolling', async () => {
    const page = await logIn('dieuphoi');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/tasks?tab=calendar');
    const list = page.getByTestId('calendar-list');
    await list.getByText('Quyết toán kinh phí chuyển đổi số').waitFor();
    const text = await list.innerText();
    expect(text.indexOf('25/11/2026')).toBeLessThan(text.indexOf('27/11/2026'));
    await list.getByText('Tháng sau').click();
    await list.getByText('Tổng kết năm chuyển đổi số').waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'calendar-phone');
    await page.context().close();
  });
});
