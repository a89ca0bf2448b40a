import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedDemoIndicators } from '../../src/demo/demo-indicators';
import { hasChromium } from './browser';
import { browserJourney } from './journey';

describe.skipIf(!hasChromium)('indicators and periodic reports in Chromium', () => {
  let regimeId: string;
  let lechan: string;
  const ind: Record<string, string> = {};

  const journey = browserJourney({
    stepTimeout: 15_000,
    fullPageShots: true,
    prepare: async (server) => {
      await seedDemoIndicators(server.db);
      regimeId = (await server.db.query<{ id: string }>(`select id from report_regimes where code = 'HP-BC-CDS-THANG-2022'`))[0]!.id;
      lechan = (await server.db.query<{ id: string }>(`select id from units where code = 'HP.Q.LECHAN'`))[0]!.id;
      for (const r of await server.db.query<{ id: string; code: string }>('select id, code from indicators')) ind[r.code] = r.id;
    },
  });
  const { logIn, shot } = journey;

  const reportUrl = `/reports?year=2022&period=2022-M07`;
  const status = (page: Page) => page.getByTestId('submission-status').innerText();

  async function openLeChan(page: Page) {
    await page.goto(`${reportUrl}&regime=${regimeId}`);
    await page.getByTestId('open-HP.Q.LECHAN').click();
    await page.getByTestId('submission-drawer').waitFor();
  }

  it('a unit enters its figures, submits; the leader returns it with a reason; it is fixed, resubmitted and approved', async () => {
    const officer = await logIn('canbo.lechan');
    await officer.goto(reportUrl);
    // The only regime is preselected; Lê Chân has not reported July 2022 and the deadline has passed.
    await officer.getByTestId('grid-unit-HP.Q.LECHAN').waitFor();
    expect(await officer.getByTestId('rep-grid').innerText()).toContain('Chưa gửi (quá hạn)');
    await officer.getByTestId('open-HP.Q.LECHAN').click();
    await officer.getByTestId('submission-drawer').waitFor();
    expect(await status(officer)).toBe('Chưa lập');
    await officer.getByTestId('answer-num-1').fill('420');
    await officer.getByTestId('answer-den-1').fill('700');
    await officer.getByTestId('answer-text-3').fill('Hoàn thành triển khai chữ ký số cho 100 % lãnh đạo phòng.');
    await officer.getByTestId('submission-save').click();
    await expect.poll(() => status(officer)).toBe('Đang soạn');
    expect(await officer.getByTestId('submission-drawer').innerText()).toContain('Tỷ lệ: 60 %');
    await officer.getByTestId('submission-submit').click();
    await expect.poll(() => status(officer)).toBe('Đã nộp, chờ duyệt');
    await shot(officer, 'report-submitted');

    const leader = await logIn('lanhdao.lechan');
    await openLeChan(leader);
    expect(await status(leader)).toBe('Đã nộp, chờ duyệt');
    await leader.getByTestId('submission-return').click();
    await leader.getByTestId('return-reason').fill('Tử số chưa khớp với phần mềm quản lý văn bản, đề nghị rà soát lại.');
    await leader.getByTestId('return-confirm').click();
    await expect.poll(() => status(leader)).toBe('Bị trả lại');

    await openLeChan(officer);
    await officer.getByTestId('submission-return-reason').waitFor();
    expect(await officer.getByTestId('submission-return-reason').innerText()).toContain('Tử số chưa khớp');
    await officer.getByTestId('answer-num-1').fill('399');
    await officer.getByTestId('submission-submit').click();
    await expect.poll(() => status(officer)).toBe('Đã nộp, chờ duyệt');

    await openLeChan(leader);
    await leader.getByTestId('submission-approve').click();
    await expect.poll(() => status(leader)).toBe('Đã duyệt');
    expect(await leader.getByTestId('submission-drawer').innerText()).toContain('trả lại: Tử số chưa khớp');
    await shot(leader, 'report-approved');

    const values = await journey.server.db.query<{ status: string; numerator: number; denominator: number; origin: string }>(
      `select status, numerator, denominator, origin from indicator_values where indicator_id = $1 and unit_id = $2 and period = '2022-M07'`,
      [ind.KH74_1C, lechan],
    );
    expect(values).toEqual([{ status: 'approved', numerator: 399, denominator: 700, origin: 'report' }]);
    await officer.context().close();
    await leader.context().close();
  });

  it('a unit enters a value in the indicator form and the city rollup shows it with its target state', async () => {
    const officer = await logIn('canbo.lechan');
    await officer.goto(`/indicators?tab=entry&indicator=${ind.KH74_1D}&period=2022-M08`);
    await officer.getByTestId('value-form').waitFor();
    await officer.getByTestId('entry-numerator').fill('9');
    await officer.getByTestId('entry-denominator').fill('12');
    await officer.getByTestId('entry-save').click();
    await officer.getByText('Đã lưu số liệu').waitFor();
    const saved = await journey.server.db.query<{ numerator: number; denominator: number; status: string; origin: string; entered_by_name: string }>(
      `select numerator, denominator, status, origin, entered_by_name from indicator_values where indicator_id = $1 and unit_id = $2 and period = '2022-M08'`,
      [ind.KH74_1D, lechan],
    );
    expect(saved).toEqual([{ numerator: 9, denominator: 12, status: 'submitted', origin: 'form', entered_by_name: 'canbo.lechan' }]);
    await officer.context().close();

    const leadership = await logIn('lanhdao');
    await leadership.goto(`/indicators?tab=rollup&indicator=${ind.DVC_TRUCTUYEN}&period=2022-H1`);
    await leadership.getByTestId('indicator-rollup').waitFor();
    const text = await leadership.getByTestId('indicator-rollup').innerText();
    // The city's online-dossier rate over the first half of 2022 (seed 001): 27,9 % against 60 %.
    expect(text).toContain('27,9 %');
    expect(text).toContain('60 %');
    expect(await leadership.getByTestId('rollup-rag').innerText()).toBe('Chưa đạt');
    await leadership.getByTestId('rollup-children-chart').locator('canvas').first().waitFor();
    await shot(leadership, 'indicator-rollup');
    await leadership.goto('/indicators?period=2022');
    await leadership.getByTestId('indicator-catalogue').waitFor();
    await leadership.getByTestId('ind-value-DVC_TRUCTUYEN').waitFor();
    await shot(leadership, 'indicator-catalogue');
    await leadership.context().close();
  });
});
