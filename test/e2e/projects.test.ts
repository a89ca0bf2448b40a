import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, login } from '../helpers/api';
import { TEST_PASSWORD } from '../helpers/server';
import { hasChromium } from './browser';
import { browserJourney } from './journey';

/**
 * A project taken from registration to approval in the browser, today (after the 2025 merger):
 * a Sở Y tế officer registers and submits it, Sở KH&CN returns it once and then appraises it,
 * Sở Tài chính appraises the cost, and the coordinator records the People's Committee's
 * approval. Each person sees only the buttons of their own step.
 */
describe.skipIf(!hasChromium)('project pipeline in Chromium', () => {
  let projectId = '';
  const NAME = 'Nền tảng quản lý hồ sơ sức khoẻ (thử nghiệm trình duyệt)';

  const journey = browserJourney({
    stepTimeout: 20_000,
    fullPageShots: true,
    prepare: async (server) => {
      const admin = await login(server.app, 'admin');
      const units = await server.db.query<{ code: string; id: string }>(`select code, id from units where code in ('HP.SYT', 'HP.SKHCN')`);
      const unit = (code: string) => units.find((u) => u.code === code)!.id;
      for (const [username, fullName, unitId] of [
        ['canbo.syt', 'Cán bộ Sở Y tế (thử)', unit('HP.SYT')],
        ['chuyenvien.khcn', 'Chuyên viên Sở KH&CN (thử)', unit('HP.SKHCN')],
      ] as const) {
        const res = await call(server.app, admin, 'POST', '/api/users', { username, password: TEST_PASSWORD, fullName, role: 'unit_officer', unitId });
        expect(res.statusCode, res.body).toBe(201);
      }
    },
  });
  const { logIn, shot } = journey;

  async function openProject(page: Page): Promise<void> {
    await page.goto(`/projects?project=${projectId}`);
    await page.getByTestId('project-detail').waitFor();
  }

  /** Clicks an action of the current step, fills the transition form, confirms, waits for the new step. */
  async function act(page: Page, button: string, fields: { documentNumber?: string; comment?: string }, expectHolder: RegExp): Promise<void> {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (fields.documentNumber) await dialog.getByLabel('Số, ký hiệu văn bản').fill(fields.documentNumber);
    if (fields.comment) await dialog.getByRole('textbox', { name: /Nêu rõ lý do|Ý kiến/ }).fill(fields.comment);
    const answer = page.waitForResponse((r) => r.url().includes(`/api/projects/${projectId}/transitions`));
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    expect((await answer).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('project-waiting').innerText(), { timeout: 15_000 }).toMatch(expectHolder);
  }

  it('registers a project and submits it (Sở Y tế)', async () => {
    const page = await logIn('canbo.syt');
    await page.getByRole('link', { name: 'Dự án & kinh phí' }).first().click();
    await page.getByRole('button', { name: 'Đăng ký dự án' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên dự án, nhiệm vụ').fill(NAME);
    await dialog.getByLabel('Kinh phí dự kiến (đồng)').fill('3500000000');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/projects') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const res = await created;
    expect(res.status()).toBe(201);
    projectId = ((await res.json()) as { id: string }).id;
    await page.getByTestId('project-detail').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe(NAME);
    // Only the unit's own step is offered.
    expect(await page.getByTestId('action-appraise').count()).toBe(0);
    await act(page, 'Nộp hồ sơ', { documentNumber: '215/TTr-SYT' }, /Sở Khoa học và Công nghệ/);
    expect(await page.getByTestId('action-submit').count()).toBe(0);
    await page.context().close();
  });

  it('is returned once by Sở KH&CN, revised and resubmitted', async () => {
    const khcn = await logIn('chuyenvien.khcn');
    await openProject(khcn);
    await act(khcn, 'Trả lại để chỉnh sửa', { comment: 'Bổ sung phương án kết nối nền tảng dữ liệu y tế' }, /Sở Y tế/);
    const syt = await logIn('canbo.syt');
    await openProject(syt);
    expect(await syt.getByTestId('project-revisions').innerText()).toBe('1');
    await act(syt, 'Nộp hồ sơ', { documentNumber: '230/TTr-SYT' }, /Sở Khoa học và Công nghệ/);
    await khcn.context().close();
    await syt.context().close();
  });

  it('is appraised technically, then for cost, then approved by the coordinator on behalf of UBND', async () => {
    const khcn = await logIn('chuyenvien.khcn');
    await openProject(khcn);
    await act(khcn, 'Thẩm định đạt', { documentNumber: '88/SKHCN-CNTT' }, /Sở Tài chính/);
    await khcn.context().close();

    const finance = await logIn('taichinh');
    await openProject(finance);
    // Sở Tài chính cannot approve: only its own step is offered.
    expect(await finance.getByTestId('action-approve').count()).toBe(0);
    await act(finance, 'Thẩm định đạt', { documentNumber: '412/STC-HCSN' }, /Ủy ban nhân dân thành phố/);
    await finance.context().close();

    const coordinator = await logIn('dieuphoi');
    await openProject(coordinator);
    await act(coordinator, 'Phê duyệt', { documentNumber: '2468/QĐ-UBND' }, /Sở Tài chính/);
    const history = await coordinator.getByTestId('project-history').innerText();
    expect(history).toContain('2468/QĐ-UBND');
    expect(history).toContain('Trả lại để chỉnh sửa');
    expect(await coordinator.getByTestId('visit-phan_bo_kinh_phi').count()).toBe(1);
    await shot(coordinator, 'project-approved');
    await coordinator.context().close();

    const detail = (await call(journey.server.app, await login(journey.server.app, 'lanhdao'), 'GET', `/api/projects/${projectId}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'return_for_revision', 'submit', 'appraise', 'appraise', 'approve']);
    expect(detail.step.code).toBe('phan_bo_kinh_phi');
    expect(detail.revisions).toBe(1);
  });
});
