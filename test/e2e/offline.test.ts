import { describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/demo/seed';
import { hasChromium } from './browser';
import { browserJourney, submitLogin } from './journey';

/** A commune officer on a phone without a connection (issue 14): the service worker and the outbox. */
describe.skipIf(!hasChromium)('offline on a phone in Chromium', () => {
  const journey = browserJourney({
    stepTimeout: 20_000,
    landing: 'current-user',
    prepare: async (server) => {
      await seedDemoData(server.db, { now: () => server.clock.now });
    },
  });

  it('opens a cached task offline, queues a progress report that survives a reload, and sends it when back online', async () => {
    const server = journey.server;
    const task = (await server.db.query<{ id: string }>(
      `select t.id from tasks t join units u on u.id = t.lead_unit_id where u.code = 'HP.Q.LECHAN' and t.completed_on is null order by t.title limit 1`,
    ))[0]!;
    const note = 'Đã triển khai tại 15/15 phường (báo cáo lúc mất mạng)';
    const page = await journey.openPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/login');
    await submitLogin(page, 'canbo.lechan');
    await page.getByTestId('current-user').waitFor();
    await page.goto(`/tasks?tab=all&task=${task.id}`);
    await page.getByTestId('progress-form').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Once the worker controls the page, what it shows is kept for offline use.
    await page.reload();
    await page.getByTestId('progress-form').waitFor();
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    await page.context().setOffline(true);
    await page.reload();
    await page.getByTestId('progress-form').waitFor();
    expect(await page.getByTestId('offline-bar').innerText()).toContain('Đang ngoại tuyến');
    await page.getByLabel('Tiến độ (%)').fill('45');
    await page.getByLabel('Nội dung báo cáo').fill(note);
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => page.getByTestId('outbox-count').innerText()).toBe('Chờ gửi: 1');
    await journey.shot(page, 'phone-offline-queued');

    // The queue survives a reload; nothing has reached the server yet.
    await page.reload();
    await expect.poll(() => page.getByTestId('outbox-count').innerText()).toBe('Chờ gửi: 1');
    const sent = () => server.db.query<{ percent: number }>(`select percent from task_updates where task_id = $1 and note = $2`, [task.id, note]);
    expect(await sent()).toEqual([]);

    await page.context().setOffline(false);
    await expect.poll(async () => (await sent()).map((r) => r.percent)).toEqual([45]);
    await expect.poll(() => page.getByTestId('outbox-count').count()).toBe(0);
    await page.context().close();
  });
});
