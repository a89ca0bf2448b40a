/**
 * `npm run db:types`: migrates an in-memory PGlite and writes src/db/tables.ts, the row
 * types of every table (see src/db/schema-types.ts). Run it after adding a migration.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../src/db/migrate';
import { openPglite } from '../src/db/pglite';
import { PROJECT_ROOT } from '../src/db/project-root';
import { renderTableTypes } from '../src/db/schema-types';

const db = await openPglite();
try {
  await migrate(db);
  const file = join(PROJECT_ROOT, 'src/db/tables.ts');
  writeFileSync(file, await renderTableTypes(db));
  console.log(`Đã ghi ${file}`);
} finally {
  await db.close();
}
