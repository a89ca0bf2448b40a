/**
 * Takes the README's screenshots from a real server with the demo data:
 *   npx tsx scripts/screenshots.ts [out-dir]
 * Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH) and a built SPA (npm run build).
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser, newVietnameseContext } from '../test/e2e/browser';
import { startTestServer, TEST_PASSWORD } from '../test/helpers/server';

const out = process.argv[2] ?? 'docs/screenshots';
const PAGES: Array<{ file: string; path: string; user: string; width?: number; height?: number; waitFor?: string }> = [
  { file: 'ioc.png', path: '/ioc', user: 'lanhdao', width: 1920, height: 1080 },
  { file: 'tasks.png', path: '/tasks', user: 'dieuphoi' },
  { file: 'projects.png', path: '/projects', user: 'lanhdao' },
  { file: 'indicators.png', path: '/indicators', user: 'dieuphoi' },
  { file: 'reports.png', path: '/reports', user: 'dieuphoi' },
  { file: 'evaluation.png', path: '/evaluation', user: 'dieuphoi' },
  { file: 'units.png', path: '/admin/units', user: 'admin' },
];

mkdirSync(out, { recursive: true });
const s = await startTestServer({ demo: true, now: new Date() });
const browser = await launchBrowser();
try {
  for (const p of PAGES) {
    const ctx = await newVietnameseContext(browser, s.url);
    await ctx.request.post('/api/auth/login', { data: { username: p.user, password: TEST_PASSWORD } });
    const page = await ctx.newPage();
    await page.setViewportSize({ width: p.width ?? 1440, height: p.height ?? 900 });
    await page.goto(p.path);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${out}/${p.file}` });
    console.log(`${out}/${p.file}`);
    await ctx.close();
  }
} finally {
  await browser.close();
  await s.close();
}
