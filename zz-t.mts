import { PGlite } from '@electric-sql/pglite';
import { migrate } from '/work/main/src/db/migrate';
import { openPglite } from '/work/main/src/db/pglite';
let t=Date.now();
const db = await openPglite(); await migrate(db); console.log('migrate', Date.now()-t);
const pg = await PGlite.create(); await pg.exec('create table x(a int)'); 
t=Date.now(); const blob = await pg.dumpDataDir('none'); console.log('dump', Date.now()-t, blob.size);
t=Date.now(); const p2 = await PGlite.create({ loadDataDir: blob }); console.log('load', Date.now()-t, (await p2.query('select count(*) from x')).rows);
t=Date.now(); const p3 = await PGlite.create(); console.log('fresh', Date.now()-t);
