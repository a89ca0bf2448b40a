import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../src/db/postgres';
import { snapshotPglite } from '../src/db/pglite';
import { prepareBase } from './helpers/templates';

/** True when the run selects only the unit tier (`vitest run --project unit`): no database needed. */
function unitOnly(): boolean {
  const selected = process.argv.flatMap((a, i, all) => (a === '--project' ? [all[i + 1]] : a.startsWith('--project=') ? [a.slice(10)] : []));
  return selected.length > 0 && selected.every((p) => p === 'unit');
}

/**
 * Once per run: says which suites this machine cannot run, then builds the base database
 * that integration, reliability and browser tests clone (see test/helpers/templates.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const skipped: string[] = [];
  if (!process.env.TEST_DATABASE_URL) skipped.push('PostgreSQL suites (TEST_DATABASE_URL is not set; PGlite suites still run)');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) skipped.push(`browser suites (no Chromium at ${chromium}; on Debian: apt-get install chromium)`);
  if (skipped.length) console.log(`\n[haidang] Skipped on this machine:\n  - ${skipped.join('\n  - ')}\n`);

  project.provide('pgliteTemplate', '');
  project.provide('postgresTemplate', '');
  if (unitOnly()) return async () => undefined;

  const dir = mkdtempSync(join(tmpdir(), 'hd-templates-'));
  const file = join(dir, 'base.tar');
  writeFileSync(file, Buffer.from(await (await snapshotPglite(prepareBase)).arrayBuffer()));
  project.provide('pgliteTemplate', file);

  let dropTemplate = async () => undefined as void;
  if (process.env.TEST_DATABASE_URL) {
    const base = new URL(process.env.TEST_DATABASE_URL);
    const name = `hd_tpl_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const db = await openPostgres(url.toString(), 1);
    try {
      await prepareBase(db);
    } finally {
      await db.close();
    }
    project.provide('postgresTemplate', name);
    dropTemplate = async () => {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropTemplate();
  };
}
