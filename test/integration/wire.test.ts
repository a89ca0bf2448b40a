import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app';
import { refreshDashboard } from '../../src/server/modules/dashboard/refresh';
import { rebuildClosure } from '../../src/server/modules/units/queries';
import { login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * What goes over the wire: compressed JSON and files, assets cached for a year by their hashed
 * names, index.html revalidated, and the dashboard of a province of 3,321 communes within
 * 250 KB (the map layer is a separate, cached request).
 */
const built = existsSync(join(WEB_DIST, 'index.html'));

describe.each(ENGINES)('on the wire (%s)', (engine) => {
  let s: TestServer;
  let leader: Session;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    leader = await login(s.app, 'lanhdao');
  });
  afterAll(async () => s?.close());

  const get = (url: string, encoding: string, session: Session | null = leader) =>
    s.app.inject({ method: 'GET', url, headers: { 'accept-encoding': encoding, ...(session ? { cookie: session.cookie } : {}) } });

  it('sends the 3,321-commune dashboard compressed (brotli or gzip) within 250 KB', async () => {
    const root = (await s.db.query<{ id: string }>(`select id from units where code = 'HP'`))[0]!.id;
    await s.db.query(
      `insert into units (province_id, code, name, name_folded, kind, level, parent_id, valid_from, sample)
       select 'HP', 'WIRE.' || g, 'Xã Kiểm Thử ' || g, 'xa kiem thu ' || g, 'commune', 1, $1, '2025-07-01', true from generate_series(1, 3321) g`,
      [root],
    );
    await s.db.transaction((tx) => rebuildClosure(tx));
    const cat = (await s.db.query<{ id: string }>(`insert into indicator_catalogues (code, name, valid_from) values ('WIRE', 'Kiểm thử đường truyền', '2020-01-01') returning id`))[0]!.id;
    await s.db.query(
      `insert into indicators (catalogue_id, code, name, name_folded, pillar, unit_of_measure, kind, unit_rule, time_rule, direction, periodicity, source_agency, sort_order, valid_from)
       select $1, 'W_' || g, 'Tỷ lệ kiểm thử ' || g, 'ty le kiem thu ' || g, ($2::text[])[g], '%', 'ratio', 'ratio', 'ratio', 'higher_better', 'month', 'Nguồn kiểm thử', g, '2020-01-01'
         from generate_series(1, 4) g`,
      [cat, ['infrastructure', 'government', 'economy', 'society']],
    );
    await s.db.query(`insert into indicator_targets (indicator_id, plan_code, level, period, value) select id, 'WIRE', 'city', '2026', 60 from indicators where catalogue_id = $1`, [cat]);
    await s.db.query(
      `insert into indicator_values (province_id, indicator_id, unit_id, period, period_type, period_start, period_end, source_agency, numerator, denominator, status, origin, entered_by_name)
       select 'HP', i.id, u.id, '2026-M10', 'month', '2026-10-01', '2026-10-31', 'Nguồn kiểm thử', (random() * 100)::int, 100 + (random() * 100)::int, 'approved', 'seed', 'kiểm thử'
         from indicators i cross join units u where i.catalogue_id = $1 and u.code like 'WIRE.%'`,
      [cat],
    );
    await refreshDashboard(s.db, s.clock.now, { scopes: ['2026'] });

    const plain = await get('/api/dashboard?year=2026', 'identity');
    expect(plain.statusCode).toBe(200);
    const br = await get('/api/dashboard?year=2026', 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    const gz = await get('/api/dashboard?year=2026', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    // The same figures after decompression, each encoding.
    const body = JSON.parse(plain.body);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(body);
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(body);
    // The map shows every commune's value: thousands of units in the payload.
    expect(plain.rawPayload.length).toBeGreaterThan(250 * 1024);
    expect(br.rawPayload.length).toBeLessThanOrEqual(250 * 1024);
    expect(gz.rawPayload.length).toBeLessThanOrEqual(250 * 1024);
    // The map layer is its own request: the dashboard carries no geometry.
    expect(plain.body).not.toContain('"coordinates"');
  }, 120_000);

  it('compresses a JSON list, and leaves a body under 1 KB as it is', async () => {
    const list = await get('/api/units', 'gzip');
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-encoding']).toBe('gzip');
    const tiny = await get('/api/health', 'gzip', null);
    expect(tiny.headers['content-encoding']).toBeUndefined();
  });

  it.skipIf(!built)('caches hashed assets for a year, revalidates index.html, and compresses both', async () => {
    const asset = readdirSync(join(WEB_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    const js = await get(`/assets/${asset}`, 'br, gzip', null);
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(['br', 'gzip']).toContain(js.headers['content-encoding']);
    for (const url of ['/', '/tasks']) {
      const html = await get(url, 'gzip', null);
      expect(html.statusCode).toBe(200);
      expect(html.headers['cache-control'], url).toBe('no-cache');
      expect(gunzipSync(html.rawPayload).toString()).toContain('<div id="root">');
    }
  });
});
