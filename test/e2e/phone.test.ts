import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedDemoData } from '../../src/demo/seed';
import { hasChromium } from './browser';
import { browserJourney, submitLogin } from './journey';

/** Every page of the route table (src/web/routes.tsx); one a role may not open shows the refusal, which must fit too. */
const PAGES = ['/', '/tasks', '/documents', '/projects', '/indicators', '/reports', '/ioc', '/evaluation', '/admin/units', '/admin/users', '/admin/audit', '/admin/backups', '/admin/pipelines'];
const USERS = ['admin', 'dieuphoi', 'taichinh', 'canbo.lechan', 'lanhdao.lechan', 'lanhdao'];

/** The elements wider than the window, for a failure message that says what to fix. */
async function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right > w + 1 && r.width > 0) {
        // Report the outermost offender only: its children overflow because it does.
        const parent = el.parentElement?.getBoundingClientRect();
        if (parent && parent.right > w + 1) continue;
        culprits.push(`${el.tagName.toLowerCase()}.${String((el as HTMLElement).className).split(' ').slice(0, 3).join('.')} right=${Math.round(r.right)}`);
      }
    }
    return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: w, culprits: culprits.slice(0, 6) };
  });
}

describe.skipIf(!hasChromium)('a phone (390×844) for every role', () => {
  const { openPage, shot } = browserJourney({
    stepTimeout: 20_000,
    landing: 'current-user',
    prepare: async (server) => {
      await seedDemoData(server.db, { now: () => server.clock.now });
    },
  });

  it.each(USERS)('%s opens every page without scrolling sideways, the menu in a drawer', async (user) => {
    const failures: string[] = [];
    {
      const page = await openPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/login');
      expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(390);
      await submitLogin(page, user);
      await page.getByTestId('current-user').waitFor();
      // The navigation is a drawer behind a button, not a rail eating the width.
      await page.getByTestId('nav-open').click();
      await page.locator('.hd-nav-drawer .hd-menu').waitFor();
      await page.keyboard.press('Escape');
      for (const path of PAGES) {
        await page.goto(path);
        await page.locator('.hd-content > *').first().waitFor();
        // Not 'networkidle': the IOC keeps a server-sent event stream open.
        await page.waitForTimeout(700);
        const o = await overflow(page);
        if (o.scrollWidth > o.innerWidth) failures.push(`${user} ${path}: ${o.scrollWidth} > ${o.innerWidth} (${o.culprits.join('; ')})`);
        await shot(page, `phone-${user}-${path === '/' ? 'home' : path.slice(1).replaceAll('/', '-')}`);
      }
      await page.context().close();
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
