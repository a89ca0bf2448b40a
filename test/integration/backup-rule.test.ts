import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import { backupTables, NOT_BACKED_UP } from '../../src/db/backup-tables';
import { openTestDb } from '../helpers/db';

/**
 * The rule that keeps transient rows out of backups is declarative: an UNLOGGED table is
 * not backed up (src/db/backup-tables.ts). This test holds every future migration to it:
 * a table whose name says it holds staging or import rows must be declared unlogged.
 */
const TRANSIENT_NAME = /(staging|_import_rows|_import_batches|_scratch|^tmp_|_tmp$)/;

describe('what a backup leaves out', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb('pglite');
  });
  afterAll(async () => db?.close());

  it('declares every staging table unlogged, and backs up every other table but the session ones', async () => {
    const tables = await db.query<{ name: string; persistence: string }>(
      `select c.relname as name, c.relpersistence as persistence from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
    );
    const staging = tables.filter((t) => TRANSIENT_NAME.test(t.name));
    expect(staging.map((t) => t.name)).toContain('dossier_import_rows');
    for (const t of staging) expect(t.persistence, `${t.name} must be created UNLOGGED`).toBe('u');
    const backedUp = (await backupTables(db)).map((t) => t.name).sort();
    const expected = tables.filter((t) => t.persistence === 'p' && !NOT_BACKED_UP.includes(t.name)).map((t) => t.name).sort();
    expect(backedUp).toEqual(expected);
    expect(backedUp).not.toContain('sessions');
    expect(backedUp).not.toContain('dossier_import_rows');
  });
});
