import { describe, expect, it } from 'vitest';
import { call, login } from '../helpers/api';
import { hasChromium } from './browser';
import { browserJourney } from './journey';

describe.skipIf(!hasChromium)('one search box in the top bar', () => {
  const { logIn, shot } = browserJourney({
    stepTimeout: 15_000,
    landing: 'current-user',
    prepare: async (server) => {
      const coord = await login(server.app, 'dieuphoi');
      const unit = async (code: string) => (await server.db.query<{ id: string }>('select id from units where code = $1', [code]))[0]!.id;
      const lechan = await unit('HP.Q.LECHAN');
      const stc = await unit('HP.STC');
      for (const body of [
        { title: 'Số hoá sổ hộ tịch lưu trữ của quận', leadUnitId: lechan, assignedOn: '2025-03-01', deadline: '2025-06-30' },
        { title: 'Nâng cấp trung tâm dữ liệu thành phố', leadUnitId: stc, deadline: '2026-12-31' },
      ]) {
        const r = await call(server.app, coord, 'POST', '/api/tasks', body);
        if (r.statusCode !== 201) throw new Error(r.body);
      }
    },
  });

  it('finds a task and a unit typed without diacritics and opens the task (1920×1080)', async () => {
    const page = await logIn('dieuphoi');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('search-open').click();
    await page.getByTestId('search-input').fill('ho tich');
    const tasks = page.getByTestId('search-group-task');
    await tasks.getByText('Số hoá sổ hộ tịch lưu trữ của quận').waitFor();
    expect(await tasks.innerText()).toContain('Nhiệm vụ (1)');
    await page.getByTestId('search-input').fill('so tai chinh');
    await page.getByTestId('search-group-unit').getByText('Sở Tài chính', { exact: true }).waitFor();
    await shot(page, 'search-desktop');
    await page.getByTestId('search-input').fill('ho tich');
    await tasks.getByText('Số hoá sổ hộ tịch lưu trữ của quận').click();
    await page.waitForURL(/\/tasks\?.*task=/);
    await page.getByTestId('task-drawer').getByTestId('task-deadline').waitFor();
    expect(await page.getByTestId('task-drawer').getByTestId('task-deadline').innerText()).toBe('30/06/2025');
    await page.context().close();
  });

  it('on a phone (390×844) a unit officer sees only their own tasks, without sideways scrolling', async () => {
    const page = await logIn('canbo.lechan');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('search-open').click();
    await page.getByTestId('search-input').fill('trung tam du lieu');
    await page.getByTestId('search-results').getByText('Không tìm thấy gì với "trung tam du lieu"', { exact: false }).waitFor();
    await page.getByTestId('search-input').fill('HO TICH');
    await page.getByTestId('search-group-task').getByText('Số hoá sổ hộ tịch lưu trữ của quận').waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await page.getByTestId('search-results').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await shot(page, 'search-phone');
    await page.context().close();
  });
});
