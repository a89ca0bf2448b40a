import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZGoldExport } from '../../src/contracts/documents';
import { hasChromium } from './browser';
import { browserJourney } from './journey';

/** A real letter of Lai Châu province (2018), kept in the extraction corpus with its source address. */
const LETTER = readFileSync(join(import.meta.dirname, '../fixtures/extraction/corpus/texts/laichau_2018_cv_cumcongnghiep.txt'), 'utf8');

describe.skipIf(!hasChromium)('reviewing a real letter in Chromium', () => {
  const { logIn, shot } = browserJourney({ stepTimeout: 20_000, landing: 'current-user', fullPageShots: true });

  it('adds a sentence the reader could not read, corrects a lead and exports the gold', async () => {
    const page = await logIn('dieuphoi');
    await page.goto('/documents');
    await page.getByTestId('register-document').click();
    await page.getByTestId('document-text').fill(LETTER);
    await page.getByTestId('propose-button').click();
    await page.getByTestId('proposal-review').waitFor();

    const rows = page.getByTestId('review-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    // The reader says how sure it is and why.
    const why = await rows.nth(0).getByTestId('assignment-why').innerText();
    expect(why).toContain('Vì sao');
    expect(why).toContain('giao');
    expect(await rows.nth(0).getByTestId('lead-select').innerText()).toContain('Sở Công Thương');

    // The summary sentence gave no assignment: it is listed, and added in one click with its lead read.
    const unread = page.getByTestId('unread-sentence').filter({ hasText: 'Giám đốc Sở Công Thương và Thủ trưởng các đơn vị liên quan' });
    await unread.waitFor();
    expect(await page.getByTestId('unread-sentences').innerText()).toContain('Câu có vẻ giao việc nhưng chưa đọc được');
    await unread.getByTestId('add-unread').click();
    await expect.poll(() => rows.count()).toBe(2);
    await rows.nth(1).getByTestId('assignment-added').waitFor();
    expect(await rows.nth(1).getByTestId('lead-select').innerText()).toContain('Sở Công Thương');

    // The clerk corrects the lead of the added assignment.
    await rows.nth(1).getByTestId('lead-select').click();
    await page.keyboard.type('Kế hoạch và Đầu tư');
    await page.locator('.ant-select-item-option', { hasText: 'Sở Kế hoạch và Đầu tư' }).first().click();
    expect(await rows.nth(1).getByTestId('lead-select').innerText()).toContain('Sở Kế hoạch và Đầu tư');
    await shot(page, 'documents-review-real-letter');

    await page.getByTestId('confirm-proposal').click();
    await page.waitForURL(/\/tasks\?.*documentId=/);
    const documentId = new URL(page.url()).searchParams.get('documentId');
    expect(documentId).toBeTruthy();

    // The corrections are kept and come out as gold JSON, in the corpus format.
    await page.goto(`/documents?doc=${documentId}`);
    const link = page.getByTestId('export-gold');
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const dir = mkdtempSync(join(tmpdir(), 'hd-e2e-'));
    const path = join(dir, 'gold.json');
    await download.saveAs(path);
    const gold = ZGoldExport.parse(JSON.parse(readFileSync(path, 'utf8')));
    rmSync(dir, { recursive: true, force: true });
    expect(download.suggestedFilename()).toMatch(/^gold-.*\.json$/);
    const doc = gold.documents[0]!;
    expect(doc.assignments.map((a) => [a.lead, a.deadline])).toEqual([
      ['Sở Công Thương', '2018-08-10'],
      ['Sở Kế hoạch và Đầu tư', null],
    ]);
    expect(doc.proposed.map((a) => a.lead)).toEqual(['Sở Công Thương']);
    expect(doc.corrections).toMatchObject({ added: 1, removed: 0 });
    expect(doc.text).toContain('Nghị định số 68/2017/NĐ-CP');
    await page.context().close();
  });
});
