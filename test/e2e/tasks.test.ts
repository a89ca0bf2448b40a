import { describe, expect, it } from 'vitest';
import { hasChromium } from './browser';
import { browserJourney } from './journey';

/** An invented conclusion notice (not one of the seed documents). */
const THONG_BAO = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HẢI PHÒNG

Số: 88/TB-UBND
Hải Phòng, ngày 12 tháng 3 năm 2024

THÔNG BÁO
Kết luận của Phó Chủ tịch UBND thành phố tại cuộc họp về số hóa hồ sơ thủ tục hành chính

Ngày 08/3/2024, Phó Chủ tịch UBND thành phố chủ trì cuộc họp về số hóa hồ sơ thủ tục hành chính. Sau khi nghe báo cáo và ý kiến của các đơn vị, Phó Chủ tịch UBND thành phố kết luận như sau:

1. Giao Sở Tư pháp chủ trì, phối hợp với Sở Thông tin và Truyền thông số hóa toàn bộ sổ hộ tịch lưu trữ, hoàn thành trước ngày 30/6/2024.

2. Sở Tài chính khẩn trương bố trí kinh phí số hóa hồ sơ cho các quận, huyện, hoàn thành trong tháng 4/2024.

3. Giao Văn phòng Ủy ban nhân dân thành phố theo dõi, đôn đốc việc thực hiện, báo cáo định kỳ hằng tháng.

Nơi nhận:
- Như trên;
- Lưu: VT.

TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG

Nguyễn Thị Thu Hà
`;

describe.skipIf(!hasChromium)('directives and tasks in Chromium', () => {
  const { logIn, shot } = browserJourney({ stepTimeout: 15_000, landing: 'current-user', fullPageShots: true });

  it('pastes a directive, confirms the proposal and finds the tasks in the list', async () => {
    const page = await logIn('dieuphoi');
    await page.goto('/documents');
    await page.getByTestId('register-document').click();
    await page.getByTestId('document-text').fill(THONG_BAO);
    await page.getByTestId('propose-button').click();

    const review = page.getByTestId('proposal-review');
    await review.waitFor();
    expect(await page.getByTestId('meta-number').inputValue()).toBe('88/TB-UBND');
    const rows = page.getByTestId('review-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    // The source sentence is shown highlighted, and the lead was matched to the registry.
    expect(await rows.nth(0).locator('mark').innerText()).toContain('Sở Tư pháp chủ trì');
    expect(await rows.nth(0).getByTestId('lead-select').innerText()).toContain('Sở Tư pháp');
    expect(await rows.nth(1).locator('.ant-picker input').inputValue()).toBe('30/04/2024');
    expect(await page.getByTestId('review-text').locator('mark').count()).toBe(3);
    await shot(page, 'tasks-proposal-review');

    await page.getByTestId('confirm-proposal').click();
    await page.waitForURL(/\/tasks\?.*documentId=/);
    const table = page.getByTestId('tasks-table');
    await table.getByText('Số hóa toàn bộ sổ hộ tịch lưu trữ', { exact: false }).waitFor();
    const text = await table.innerText();
    expect(text).toContain('Sở Tư pháp');
    expect(text).toContain('30/06/2024');
    expect(text).toContain('Sở Tài chính');
    expect(text).toContain('Văn phòng Ủy ban nhân dân thành phố');
    // The deadline passed long ago: the status is computed, shown as overdue.
    expect(text).toContain('Đang thực hiện quá hạn');

    // Diacritic-blind search over the whole list finds the same task.
    await page.goto('/tasks?tab=all');
    await page.getByTestId('task-search').fill('so ho tich luu tru');
    await expect.poll(async () => (await page.getByTestId('tasks-table').innerText()).includes('Số hóa toàn bộ sổ hộ tịch')).toBe(true);
    await page.getByTestId('tasks-table').getByText('Số hóa toàn bộ sổ hộ tịch', { exact: false }).click();
    const drawer = page.getByTestId('task-drawer');
    await drawer.getByTestId('task-history').waitFor();
    expect(await drawer.getByTestId('task-history').innerText()).toContain('Giao nhiệm vụ');
    expect(await drawer.getByTestId('task-deadline').innerText()).toBe('30/06/2024');
    await shot(page, 'tasks-detail');
    await page.context().close();
  });

  it('warns when the same directive is registered again, and withdraws the first with a reason, closing two of its tasks and keeping one', async () => {
    const page = await logIn('dieuphoi');
    await page.goto('/documents');
    await page.getByTestId('register-document').click();
    await page.getByTestId('document-text').fill(THONG_BAO);
    await page.getByTestId('propose-button').click();
    // Registered already (previous journey): a warning links to the first copy instead of the review.
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('88/TB-UBND');
    expect(await warning.innerText()).toContain('đã giao nhiệm vụ');
    await shot(page, 'documents-duplicate-warning');
    await warning.getByTestId('duplicate-link').click();

    await page.getByTestId('withdraw-document').click();
    await page.getByTestId('withdraw-reason').fill('Thông báo kết luận được thay thế bằng văn bản khác');
    const checks = page.getByTestId('withdraw-tasks').locator('.ant-checkbox-input');
    await expect.poll(() => checks.count()).toBe(3);
    await checks.first().uncheck();
    await page.getByTestId('withdraw-submit').click();

    const banner = page.getByTestId('withdrawn-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('Thông báo kết luận được thay thế bằng văn bản khác');
    expect(await page.getByTestId('document-status').innerText()).toBe('đã thu hồi');
    const closed = page.getByTestId('cancelled-tasks');
    await closed.waitFor();
    expect(await closed.innerText()).toContain('(2)');
    await expect.poll(() => page.getByTestId('document-tasks').locator('tbody tr.ant-table-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('withdraw-document').count()).toBe(0);
    await shot(page, 'documents-withdrawn');
    await page.context().close();
  });
});
