import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/db/project-root';
import { renderTableTypes } from '../../src/db/schema-types';
import { ENGINES, openTestDb } from '../helpers/db';

/**
 * The row types the queries are checked against (src/db/tables.ts) are generated from the
 * migrations. A migration added without regenerating them fails here, on either engine, with
 * the command that fixes it; both engines must describe the same schema.
 */
describe.each(ENGINES)('row types of the migrated schema on %s', (engine) => {
  it('match the checked-in src/db/tables.ts (else run `npm run db:types`)', async () => {
    const db = await openTestDb(engine);
    try {
      const fresh = await renderTableTypes(db);
      const checkedIn = readFileSync(`${PROJECT_ROOT}/src/db/tables.ts`, 'utf8');
      expect(checkedIn, 'src/db/tables.ts is stale: run `npm run db:types` and commit the result').toBe(fresh);
    } finally {
      await db.close();
    }
  });
});
