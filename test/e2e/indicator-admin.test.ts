import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedDemoIndicators } from '../../src/demo/demo-indicators';
import { hasChromium } from './browser';
import { browserJourney } from './journey';

describe.skipIf(!hasChromium)('the coordinator manages indicators and targets in Chromium', () => {
  const journey = browserJourney({
    stepTimeout: 15_000,
    fullPageShots: true,
    prepare: async (server) => {
      await seedDemoIndicators(server.db);
    },
  });
  const { logIn, shot } = journey;

  const fieldError = (page: Page, id: string) =>
    page.locator('.ant-form-item', { has: page.locator(`#${id}`) }).locator('.ant-form-item-explain-error');

  it('adds an indicator through the form, sets a 2026 target for it and sees both listed; a bad code is refused under its field', async () => {
    const page = await logIn('dieuphoi');
    await page.goto('/indicators?period=2026');
    await page.getByTestId('indicator-add').click();
    await page.getByTestId('indicator-form').waitFor();
    await page.locator('#indicator-form_code').fill('1_SAI_MA');
    await page.locator('#indicator-form_name').fill('Tỷ lệ hồ sơ công việc được ký số');
    await page.locator('#indicator-form_unitOfMeasure').fill('%');
    await page.locator('#indicator-form_sourceAgency').fill('Sở Khoa học và Công nghệ');
    await page.getByTestId('indicator-form-save').click();
    // The server's own Vietnamese message, under the code and not in a generic banner.
    await expect.poll(() => fieldError(page, 'indicator-form_code').innerText()).toContain('Mã chỉ số bắt đầu bằng chữ');

    await page.locator('#indicator-form_code').fill('KY_SO_HS_2026');
    await page.getByTestId('indicator-form-save').click();
    await page.getByText('Đã thêm chỉ số KY_SO_HS_2026').waitFor();
    await page.getByTestId('indicator-form').waitFor({ state: 'detached' });
    await page.getByTestId('indicator-catalogue').getByText('KY_SO_HS_2026', { exact: true }).waitFor();
    expect(await page.getByTestId('indicator-catalogue').innerText()).toContain('Tỷ lệ hồ sơ công việc được ký số');

    await page.getByRole('tab', { name: 'Chỉ tiêu' }).click();
    await page.getByTestId('target-add').click();
    await page.getByTestId('target-form').waitFor();
    await page.locator('#target-form_indicatorId').fill('KY_SO_HS_2026');
    await page.locator('.ant-select-item-option', { hasText: 'KY_SO_HS_2026' }).click();
    await page.locator('#target-form_year').fill('2026');
    await page.locator('#target-form_value').fill('90');
    await page.getByTestId('target-form-save').click();
    await page.getByText('Đã đặt chỉ tiêu').waitFor();
    const row = page.getByTestId('indicator-targets').locator('tr', { hasText: 'KY_SO_HS_2026' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('2026');
    expect(text).toContain('90');
    expect(text).toContain('Cấp thành phố');
    await shot(page, 'indicator-targets');

    const saved = await journey.server.db.query<{ period: string; value: number; level: string; plan_code: string }>(
      `select t.period, t.value, t.level, t.plan_code from indicator_targets t join indicators i on i.id = t.indicator_id where i.code = 'KY_SO_HS_2026'`,
    );
    expect(saved).toEqual([{ period: '2026', value: 90, level: 'city', plan_code: 'KH-2026' }]);
    await page.context().close();
  });
});
