import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { call, login, type Session } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { hasChromium, launchBrowser, newVietnameseContext } from './browser';

/** A page of another operations centre: one iframe pointing at the embedded panel. */
async function otherCentre(src: string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><body style="margin:0"><h1>IOC tỉnh bạn</h1><iframe id="hd" src="${src}" style="width:960px;height:540px;border:0"></iframe></body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}
const originOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

/**
 * A panel embedded in a page served from another origin: it renders alone, full size, and
 * follows the figures as they change; a page from an origin not on the allowlist is refused the
 * frame by the browser itself (CSP frame-ancestors).
 */
describe.skipIf(!hasChromium)('an IOC panel embedded in another centre’s page, in Chromium', () => {
  let s: TestServer;
  let browser: Browser;
  let admin: Session;
  let allowed: Server;
  let refused: Server;
  let src = '';

  beforeAll(async () => {
    s = await startTestServer();
    admin = await login(s.app, 'admin');
    const link = await call(s.app, admin, 'POST', '/api/embed-links', { label: 'IOC tỉnh bạn', panelKey: 'tasks', expiresOn: '2026-12-31' });
    expect(link.statusCode, link.body).toBe(201);
    src = `${s.url}${link.json().path}`;
    allowed = await otherCentre(src);
    refused = await otherCentre(src);
    const put = await call(s.app, admin, 'PUT', '/api/embed-settings', { origins: [originOf(allowed)] });
    expect(put.statusCode, put.body).toBe(200);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => allowed?.close(r));
    await new Promise((r) => refused?.close(r));
    await s?.close();
  });

  it('renders the panel alone and full size in an allowed origin’s iframe, and follows new figures', async () => {
    const context = await newVietnameseContext(browser, originOf(allowed), s.clock.now);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto('/');
    const frame = page.frameLocator('#hd');
    const panel = frame.getByTestId('ioc-panel-tasks');
    await expect.poll(() => panel.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => (await frame.getByTestId('embed').textContent()) ?? '').toContain('IOC tỉnh bạn');
    // Nothing else of the app: no menu, no other panel, no export buttons that need a session.
    expect(await frame.locator('[data-testid^="ioc-panel-"]').count()).toBe(1);
    expect(await frame.getByRole('link').count()).toBe(0);
    const box = (await panel.boundingBox())!;
    expect(box.width).toBeGreaterThan(900);
    expect(box.height).toBeGreaterThan(450);

    // A task is added in Hải Đăng: the embedded panel is recomputed and shows it without a reload.
    const before = await panel.textContent();
    const unit = (await s.db.query<{ id: string }>(`select id from units where code = 'HP.SKHCN'`))[0]!.id;
    const created = await call(s.app, admin, 'POST', '/api/tasks', { title: 'Nhiệm vụ mới cho màn hình nhúng', leadUnitId: unit, deadline: '2026-12-15' });
    expect(created.statusCode, created.body).toBe(201);
    await expect.poll(() => panel.textContent(), { timeout: 20_000 }).not.toBe(before);
    await context.close();
  });

  it('is refused framing by a page from an origin not on the allowlist', async () => {
    const context = await newVietnameseContext(browser, originOf(refused), s.clock.now);
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors/.test(m.text())) blocked.push(m.text());
    });
    await page.goto('/');
    await expect.poll(() => blocked.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(blocked[0]).toContain(originOf(allowed));
    expect(await page.frameLocator('#hd').getByTestId('embed').count()).toBe(0);
    await context.close();
  });
});
