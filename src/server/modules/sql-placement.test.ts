import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A converted module keeps its SQL in one file, `queries.ts`, with rows typed from
 * src/db/tables.ts: a reviewer reads the module's SQL in one place, and every other file of
 * the module calls named functions. Modules not converted yet are listed; converting one
 * (CODE_STYLE.md, "SQL") means deleting its name here.
 */
const NOT_YET_CONVERTED = new Set(['auth', 'evaluation', 'indicators', 'reports', 'dossiers']);

const MODULES = join(import.meta.dirname, '.');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** `db.query(`, `tx.query<…>(`, `.exec(`: a statement sent to the database. */
const SENDS_SQL = /\.(query|exec)\s*(<[^>]*>)?\s*\(/;

describe('SQL lives in each module’s queries file', () => {
  const modules = readdirSync(MODULES).filter((m) => statSync(join(MODULES, m)).isDirectory() && !NOT_YET_CONVERTED.has(m));

  it('covers the converted modules', () => {
    expect(modules).toEqual(expect.arrayContaining(['audit', 'backups', 'budget', 'calendar', 'dashboard', 'documents', 'health', 'notifications', 'pipelines', 'projects', 'tasks', 'units', 'users']));
  });

  it.each(modules)('%s sends SQL only from queries.ts', (m) => {
    const offenders = sources(join(MODULES, m))
      .filter((f) => !f.endsWith(`${m}/queries.ts`))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, n: i + 1 }))
          .filter(({ line }) => SENDS_SQL.test(line))
          .map(({ n }) => `${f.slice(MODULES.length + 1)}:${n}`),
      );
    expect(offenders).toEqual([]);
  });
});
