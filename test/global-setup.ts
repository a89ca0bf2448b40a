import { existsSync } from 'node:fs';

/** Says plainly, once per run, which suites this machine cannot run. */
export default function setup(): void {
  const skipped: string[] = [];
  if (!process.env.TEST_DATABASE_URL) skipped.push('PostgreSQL suites (TEST_DATABASE_URL is not set; PGlite suites still run)');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) skipped.push(`browser suites (no Chromium at ${chromium}; on Debian: apt-get install chromium)`);
  if (skipped.length) console.log(`\n[haidang] Skipped on this machine:\n  - ${skipped.join('\n  - ')}\n`);
}
