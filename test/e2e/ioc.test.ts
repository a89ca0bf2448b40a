import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemoEvaluation } from '../../src/demo/demo-evaluation';
import { seedDemoProjects } from '../../src/demo/demo-projects';
import { vnToday } from '../../src/core/calendar/timestamps';
import mammoth from 'mammoth';
import { call, login } from '../helpers/api';
import { hasChromium } from './browser';
import { browserJourney } from './journey';

const SOFFICE = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));

interface Gold {
  ghi_nhan: string[];
  rut_kinh_nghiem: string[];
  phe_binh: string[];
}

function gold(): Gold {
  // The repository's copy of the gold lists (checked against seeds-gold.json by evaluation.test.ts).
  return JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/evaluation-2022.json'), 'utf8')) as Gold;
}

/** The letter's text: LibreOffice's own reading when it is installed (the file opens), else mammoth's. */
async function letterText(path: string): Promise<string> {
  if (SOFFICE) {
    const out = mkdtempSync(join(tmpdir(), 'hd-letter-'));
    try {
      execFileSync(SOFFICE, ['--headless', '--convert-to', 'txt:Text', '--outdir', out, path], { timeout: 120_000, stdio: 'ignore' });
      const txt = readFileSync(join(out, path.split('/').pop()!.replace(/\.docx$/, '.txt')), 'utf8');
      return txt.normalize('NFC');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return (await mammoth.extractRawText({ path })).value;
}

describe.skipIf(!hasChromium)('IOC screen and the evaluation letter in Chromium', () => {
  let runId: string;

  const journey = browserJourney({
    stepTimeout: 15_000,
    landing: 'left-login',
    prepare: async (server) => {
      // The 2022 round reads the demo's 2022 budget and its tasks (issue 16): seed them first.
      await seedDemoProjects(server.db, vnToday(server.clock.now));
      runId = await seedDemoEvaluation(server.db, () => server.clock.now);
    },
  });
  const { logIn, shot } = journey;

  it('shows the four pillars, updates a figure changed through the API without reloading, and opens a detail', async () => {
    const page = await logIn('lanhdao');
    // The wall opens on the clock's year (2026); the seeds' plan and evaluation are of 2022.
    await page.goto('/ioc?year=2022');
    for (const pillar of ['Hạ tầng số', 'Chính quyền số', 'Kinh tế số', 'Xã hội số']) {
      await page.locator('.ioc-pillar-name', { hasText: pillar }).waitFor();
    }
    await expect.poll(() => page.getByTestId('ioc-live').innerText()).toContain('Trực tuyến');
    const tasks = page.getByTestId('ioc-panel-tasks');
    // Every task assigned in 2022 and not withdrawn is on the wall, as the database holds them.
    await tasks.locator('.ioc-donut-center .ioc-big').waitFor();
    const totalBefore = Number(await tasks.locator('.ioc-donut-center .ioc-big').innerText());
    const overdueBefore = Number(await tasks.locator('.ioc-stat-value').innerText());
    const [held] = await journey.server.db.query<{ n: number }>(
      `select count(*)::int as n from tasks where assigned_on between '2022-01-01' and '2022-12-31' and cancelled_at is null`,
    );
    expect(held!.n).toBeGreaterThan(50);
    expect(totalBefore).toBe(held!.n);
    expect(await page.getByTestId('ioc-fresh-tasks').innerText()).toMatch(/^Cập nhật \d\d:\d\d \d\d\/\d\d$/);
    await shot(page, 'ioc-before');

    // A coordinator assigns a 2022 task through the API; the wall learns of it by server-sent event.
    const coordinator = await login(journey.server.app, 'dieuphoi');
    const unit = (await journey.server.db.query<{ id: string }>(`select id from units where code = 'HP.SYT'`))[0]!.id;
    const created = await call(journey.server.app, coordinator, 'POST', '/api/tasks', { title: 'Triển khai bệnh án điện tử (thử nghiệm)', leadUnitId: unit, assignedOn: '2022-03-01', deadline: '2022-06-30' });
    expect(created.statusCode, created.body).toBe(201);
    await expect.poll(() => tasks.locator('.ioc-donut-center .ioc-big').innerText(), { timeout: 20_000 }).toBe(String(totalBefore + 1));
    expect(await tasks.locator('.ioc-stat-value').innerText()).toBe(String(overdueBefore + 1));

    const evaluation = page.getByTestId('ioc-panel-evaluation');
    expect(await evaluation.locator('.ioc-eval-count').allInnerTexts()).toEqual(['6', '9', '7']);
    await shot(page, 'ioc-after');
    await page.getByTestId('ioc-link-evaluation').click();
    await page.waitForURL(`**/evaluation?run=${runId}`);
    await page.getByTestId('ev-results').getByText('Sở Nội vụ', { exact: true }).waitFor();
    await page.context().close();
  });

  it('goes full screen for the wall', async () => {
    const page = await logIn('lanhdao');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('/ioc');
    await page.getByTestId('ioc-wall').click();
    await page.waitForURL('**/ioc?wall=1');
    const box = await page.getByTestId('ioc').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080 });
    await shot(page, 'ioc-wall');
    await page.context().close();
  });

  it('downloads the drafted letter, a .docx that opens and carries the three lists', async () => {
    const page = await logIn('dieuphoi');
    await page.goto(`/evaluation?run=${runId}&tab=letter`);
    const button = page.getByTestId('ev-letter-download');
    await button.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const dir = mkdtempSync(join(tmpdir(), 'hd-e2e-'));
    const path = join(dir, 'cong-van.docx');
    await download.saveAs(path);
    expect(download.suggestedFilename()).toBe('cong-van-danh-gia-2022.docx');
    const text = await letterText(path);
    rmSync(dir, { recursive: true, force: true });
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Nơi nhận:');
    const sections: Array<[keyof Gold, string, string]> = [
      ['ghi_nhan', '1. Ghi nhận', '2. Yêu cầu'],
      ['rut_kinh_nghiem', '2. Yêu cầu', '3. Phê bình'],
      ['phe_binh', '3. Phê bình', '4. '],
    ];
    const names = new Map((await journey.server.db.query<{ code: string; name: string; aliases: string[] }>(
      `select u.code, u.name, coalesce(array_agg(a.alias_folded) filter (where a.alias_folded is not null), '{}') as aliases
         from units u left join unit_aliases a on a.unit_id = u.id group by u.code, u.name`,
    )).map((u) => [u.name, u]));
    const { foldVietnamese } = await import('../../src/core/text/fold');
    const resolve = (n: string) => [...names.values()].find((u) => foldVietnamese(u.name) === foldVietnamese(n) || u.aliases.includes(foldVietnamese(n)))!.name;
    for (const [cls, from, to] of sections) {
      const part = text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from) + from.length));
      for (const n of gold()[cls]) expect(part, `${n} in ${cls}`).toContain(resolve(n));
    }
    await page.context().close();
  });
});
