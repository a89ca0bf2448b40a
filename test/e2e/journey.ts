import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, TEST_PASSWORD } from '../helpers/server';
import { launchBrowser, newVietnameseContext } from './browser';

const WEB_INDEX = join(import.meta.dirname, '../../dist/web/index.html');
/** Set E2E_SCREENSHOTS=<dir> to keep a picture of each journey's end. */
const SHOTS = process.env.E2E_SCREENSHOTS;

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** What the journey waits for once a login has gone through. */
export type Landing = 'welcome' | 'current-user' | 'left-login';

export interface JourneyOptions {
  /** Playwright's wait per step, shorter than the test's own timeout so a failure names the step that waited. */
  stepTimeout: number;
  landing?: Landing;
  fullPageShots?: boolean;
  /** Configuration for the server (e.g. BACKUP_DIR). */
  env?: Record<string, string>;
  /** Runs once the server is up and before the browser starts: seeding, extra users. */
  prepare?: (server: TestServer) => Promise<void>;
}

export interface Journey {
  /** The server of this describe block; there from its `beforeAll` on. */
  readonly server: TestServer;
  /** A fresh Vietnamese browser profile with one page, not logged in. */
  openPage(): Promise<Page>;
  /** A fresh profile logged in as `username` (demo users share TEST_PASSWORD). */
  logIn(username: string): Promise<Page>;
  shot(page: Page, name: string): Promise<void>;
}

/** Fills the login form and presses the button; what follows is the caller's to wait for. */
export async function submitLogin(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

async function landed(page: Page, landing: Landing): Promise<void> {
  if (landing === 'left-login') return page.waitForURL((u) => !u.pathname.endsWith('/login'));
  await page.getByTestId(landing).waitFor();
}

/**
 * Starts a test server with the built SPA and a headless Chromium for the enclosing `describe`
 * (call it there), and closes both after its tests.
 */
export function browserJourney(options: JourneyOptions): Journey {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) throw new Error('dist/web is missing: run `npx vite build` first (`npm test` does it in pretest).');
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer({ env: options.env });
    await options.prepare?.(server);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  function started(): { server: TestServer; browser: Browser } {
    if (!server || !browser) throw new Error('the journey starts in beforeAll');
    return { server, browser };
  }

  async function openPage(): Promise<Page> {
    const { server, browser } = started();
    const context = await newVietnameseContext(browser, server.url, server.clock.now);
    const page = await context.newPage();
    page.setDefaultTimeout(options.stepTimeout);
    return page;
  }

  async function logIn(username: string): Promise<Page> {
    const page = await openPage();
    await page.goto('/login');
    await submitLogin(page, username);
    await landed(page, options.landing ?? 'welcome');
    return page;
  }

  async function shot(page: Page, name: string): Promise<void> {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: options.fullPageShots ?? false });
  }

  return {
    get server() {
      return started().server;
    },
    openPage,
    logIn,
    shot,
  };
}
