import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContext, authorize, type Deps } from '../../context';
import { notFound } from '../../errors';
import { changeBus, registerChangeSignals } from '../../events';
import { attachmentHeader, XLSX_MIME } from '../../excel';
import { readUpload } from '../../uploads';
import { panelWorkbook } from './export';
import { removeMap, uploadMap } from './map-service';
import { PANELS } from './panels';
import { activeMap, defaultYear, readPanels, readPanelsJson } from './queries';
import { computePanels, refresherFor, storePanels } from './refresh';
import { PANEL_KEYS, type DashboardResponse, type Panel, type PanelKey } from '../../../contracts/dashboard';
import { vnToday } from '../../../core/calendar/timestamps';

const ZYear = z.coerce.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

/**
 * The panels of a year. Read from dashboard_panels; a panel never stored for that year (the
 * first look at a year, a newly added panel) is computed once here and kept up to date after.
 */
async function ensurePanels(deps: Deps, year: number, stored: ReadonlyArray<{ key: PanelKey }>): Promise<boolean> {
  const missing = PANELS.map((p) => p.key).filter((k) => !stored.some((p) => p.key === k));
  if (missing.length === 0) return false;
  const now = deps.now();
  const changed = await storePanels(deps.db, String(year), await computePanels(deps.db, year, vnToday(now), missing), now);
  for (const e of changed) changeBus(deps.db).emitPanel(e);
  return true;
}

function asOfOf(deps: Deps, year: number): string {
  const today = vnToday(deps.now());
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

/** GET /api/dashboard's body, spliced from the stored JSON texts (see readPanelsJson). */
async function dashboardJson(deps: Deps, year: number): Promise<string> {
  const scope = String(year);
  let panels = await readPanelsJson(deps.db, scope);
  if (await ensurePanels(deps, year, panels)) panels = await readPanelsJson(deps.db, scope);
  const computedAt = panels.reduce<string | null>((m, p) => (m === null || p.computedAt > m ? p.computedAt : m), null);
  const head = JSON.stringify({ scope, year, asOf: asOfOf(deps, year), computedAt }).slice(0, -1);
  const parts = panels.map(({ payloadJson, ...meta }) => `${JSON.stringify(meta.key)}:${JSON.stringify(meta).slice(0, -1)},"payload":${payloadJson}}`);
  return `${head},"panels":{${parts.join(',')}}}`;
}

async function dashboardOf(deps: Deps, year: number): Promise<DashboardResponse> {
  const scope = String(year);
  let panels = await readPanels(deps.db, scope);
  if (await ensurePanels(deps, year, panels)) panels = await readPanels(deps.db, scope);
  const byKey = Object.fromEntries(panels.map((p) => [p.key, p])) as Record<PanelKey, Panel>;
  return {
    scope,
    year,
    asOf: asOfOf(deps, year),
    computedAt: panels.reduce<string | null>((m, p) => (m === null || p.computedAt > m ? p.computedAt : m), null),
    panels: byKey,
  };
}

export async function dashboardRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerChangeSignals(app, deps.db);
  const refresher = refresherFor(deps);
  refresher.start();

  // Open event streams end when the server closes, or close() would wait for them forever.
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const s of streams) s.end();
    streams.clear();
  });
  app.addHook('onClose', async () => refresher.stop());

  r.get('/api/dashboard', {
    schema: { tags: ['dashboard'], summary: 'Màn hình điều hành: mọi khối số liệu của một năm, kèm thời điểm tính', querystring: z.strictObject({ year: ZYear.optional() }) },
  }, async (req, reply) => {
    authorize(req, 'dashboard.read');
    const year = req.query.year ?? (await defaultYear(deps.db, vnToday(deps.now())));
    return reply.type('application/json; charset=utf-8').send(await dashboardJson(deps, year));
  });

  r.get('/api/dashboard/stream', {
    schema: {
      tags: ['dashboard'],
      summary: 'Sự kiện (server-sent events) «panel» mỗi khi số liệu một khối thay đổi',
      description: 'once=1 gửi sự kiện chào rồi đóng (dùng để kiểm tra kết nối).',
      querystring: z.strictObject({ once: z.enum(['1']).optional() }),
    },
  }, async (req, reply) => {
    authorize(req, 'dashboard.read');
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 3000\nevent: hello\ndata: ${JSON.stringify({ at: deps.now().toISOString() })}\n\n`);
    if (req.query.once) {
      res.end();
      return;
    }
    streams.add(res);
    const off = changeBus(deps.db).onPanel((e) => res.write(`event: panel\ndata: ${JSON.stringify(e)}\n\n`));
    // A comment line every 25 s keeps proxies from closing an idle stream.
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    ping.unref();
    res.on('close', () => {
      off();
      clearInterval(ping);
      streams.delete(res);
    });
  });

  r.get('/api/dashboard/panels/:key/xlsx', {
    schema: {
      tags: ['dashboard'],
      summary: 'Số liệu của một khối, tệp .xlsx',
      params: z.strictObject({ key: z.enum(PANEL_KEYS) }),
      querystring: z.strictObject({ year: ZYear.optional() }),
    },
  }, async (req, reply) => {
    authorize(req, 'dashboard.read');
    const year = req.query.year ?? (await defaultYear(deps.db, vnToday(deps.now())));
    const panel = (await dashboardOf(deps, year)).panels[req.params.key];
    if (!panel) throw notFound('khối số liệu');
    const buf = await panelWorkbook(panel, year);
    reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(`dieu-hanh-${req.params.key}-${year}.xlsx`));
    return reply.send(buf);
  });

  r.get('/api/dashboard/map', {
    schema: { tags: ['dashboard'], summary: 'Bản đồ ranh giới đơn vị do quản trị tải lên (null nếu chưa có)' },
  }, async (req) => {
    authorize(req, 'dashboard.read');
    return { map: await activeMap(deps.db) };
  });

  r.put('/api/dashboard/map', {
    schema: {
      tags: ['dashboard'],
      summary: 'Tải lên bản đồ GeoJSON (FeatureCollection, mỗi vùng có thuộc tính tên khớp với tên đơn vị)',
      description: 'multipart/form-data: file (.geojson hoặc .json), nameProperty (tuỳ chọn).',
    },
  }, async (req) => {
    // Boundaries are part of the organisation's reference data: the administrator's, like units.
    authorize(req, 'unit.manage');
    const upload = await readUpload(req, { extensions: ['.geojson', '.json'] });
    return uploadMap(deps, auditContext(req), upload);
  });

  r.delete('/api/dashboard/map', {
    schema: { tags: ['dashboard'], summary: 'Bỏ bản đồ đang dùng (màn hình trở lại lưới ô đơn vị)' },
  }, async (req) => {
    authorize(req, 'unit.manage');
    return removeMap(deps, auditContext(req));
  });
}
