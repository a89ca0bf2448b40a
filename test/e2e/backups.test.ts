import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { takeBackup } from '../../src/server/modules/backups/service';
import { hasChromium } from './browser';
import { browserJourney } from './journey';

/** The administrator's backup screen: the files in BACKUP_DIR, their rows per table, a backup on demand. */
describe.skipIf(!hasChromium)('backups screen in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hd-e2e-backups-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const journey = browserJourney({
    stepTimeout: 15_000,
    env: { BACKUP_DIR: dir, BACKUP_KEEP: '5' },
    prepare: async (server) => {
      await takeBackup(server.deps, new Date('2026-03-10T19:00:00Z'));
    },
  });

  it('lists the backups with size and rows, shows each table, and takes one on demand', async () => {
    const page = await journey.logIn('admin');
    await page.goto('/admin/backups');
    await page.getByRole('heading', { name: 'Sao lưu dữ liệu' }).waitFor();
    const first = page.getByRole('row', { name: /haidang-backup-2026-03-11-020000\.hdb\.gz/ });
    await first.waitFor();
    expect(await first.innerText()).toContain('11/03/2026 02:00');
    expect(await first.innerText()).toContain('Hoàn chỉnh');
    expect(await first.innerText()).toMatch(/KB/);

    await first.getByRole('button', { name: /mở rộng|expand/i }).click();
    const users = page.getByRole('row', { name: /^users\s+\d+$/ });
    await users.waitFor();

    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await page.getByText(/Đã sao lưu [\d.]+ dòng vào haidang-backup-/).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /haidang-backup-.*\.hdb\.gz/ }).count()).toBe(2);
    await journey.shot(page, 'backups');
    await page.context().close();
  });

  it('is not offered to a coordinator', async () => {
    const page = await journey.logIn('dieuphoi');
    await page.goto('/admin/backups');
    await expect.poll(() => page.getByRole('button', { name: 'Sao lưu ngay' }).count()).toBe(0);
    await page.context().close();
  });
});
