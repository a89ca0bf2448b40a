import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZDashboard, ZDashboardMap, ZDashboardQuery, ZMapRemoved, ZPanelParams, ZStreamQuery, type TDashboard } from '../../../contracts/dashboard';
import { auditContext, authorize, type Deps } from '../../context';
import { notFound } from '../../errors';
import { changeBus, registerChangeSignals } from '../../events';
import { attachmentHeader, XLSX_MIME } from '../../excel';
import { SSE_RESPONSE, XLSX_RESPONSE } from '../../responses';
import { readUpload } from '../../uploads';
import { panelWorkbook } from './export';
import { removeMap, uploadMap } from './map-service';
import { activeMap, activeMapVersion, panelVersion } from './queries';
import { AnswerCache, answerKey, sendAnswer } from '../../read-cache';
import { refresherFor } from './refresh';
import { asOfOf, dashboardJson, defaultYear, storedPanel } from './service';

export async function dashboardRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerChangeSignals(app, deps.db);
  const refresher = refresherFor(deps, app.log);
  refresher.start();

  // Open event streams end when the server closes, or close() would wait for them forever.
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const s of streams) s.end();
    streams.clear();
  });
  app.addHook('onClose', async () => refresher.stop());
  // Panels of every year with data are computed when the server starts, not when someone looks.
  app.addHook('onReady', async () => {
    void refresher.warm();
  });

  const bodies = new AnswerCache({ maxEntries: 20 });
  const maps = new AnswerCache({ maxEntries: 1 });
  r.get('/api/dashboard', {
    schema: { tags: ['dashboard'], summary: 'Màn hình điều hành: mọi khối số liệu của một năm, kèm thời điểm tính', querystring: ZDashboardQuery, response: { 200: ZDashboard } },
  }, async (req, reply) => {
    const actor = authorize(req, 'dashboard.read');
    const year = req.query.year ?? (await defaultYear(deps));
    // The body is a function of the province's stored panels (their hashes and times) and the
    // day it is seen on: it is spliced and compressed once per change, not per request (issue 11).
    const version = await panelVersion(deps.db, actor.provinceId, String(year));
    const key = answerKey(actor.provinceId, year, asOfOf(deps, year));
    const hit = bodies.get(key, version);
    if (hit) return sendAnswer(req, reply, hit);
    // Text skips the serializer: the stored payloads were checked against ZDashboard's panels
    // when they were computed (docs/decisions.md D22).
    const body = await dashboardJson(deps, actor.provinceId, year);
    return sendAnswer(req, reply, bodies.set(key, version, body));
  });

  r.get('/api/dashboard/stream', {
    schema: {
      tags: ['dashboard'],
      summary: 'Sự kiện (server-sent events) «panel» mỗi khi số liệu một khối thay đổi',
      description: 'once=1 gửi sự kiện chào rồi đóng (dùng để kiểm tra kết nối).',
      querystring: ZStreamQuery,
      response: { 200: SSE_RESPONSE },
    },
  }, async (req, reply) => {
    const actor = authorize(req, 'dashboard.read');
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
    // Only the viewer's province: another province's wall is not theirs to follow.
    const off = changeBus(deps.db).onPanel((e) => {
      if (e.province !== actor.provinceId) return;
      res.write(`event: panel\ndata: ${JSON.stringify({ key: e.key, scope: e.scope, computedAt: e.computedAt, status: e.status })}\n\n`);
    });
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
      params: ZPanelParams,
      querystring: ZDashboardQuery,
      response: { 200: XLSX_RESPONSE },
    },
  }, async (req, reply) => {
    const actor = authorize(req, 'dashboard.read');
    const year = req.query.year ?? (await defaultYear(deps));
    const panel = await storedPanel(deps, actor.provinceId, year, req.params.key);
    if (!panel) throw notFound('khối số liệu');
    const buf = await panelWorkbook(panel, year);
    reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(`dieu-hanh-${req.params.key}-${year}.xlsx`));
    return reply.send(buf);
  });

  r.get('/api/dashboard/map', {
    schema: { tags: ['dashboard'], summary: 'Bản đồ ranh giới đơn vị do quản trị tải lên (null nếu chưa có)', response: { 200: ZDashboardMap } },
  }, async (req, reply) => {
    authorize(req, 'dashboard.read');
    // The geometry (megabytes for 3,321 communes) is apart from the yearly figures: sent once
    // per upload, compressed once, then answered 304 to a browser that holds it (ETag).
    const version = await activeMapVersion(deps.db);
    const hit = maps.get('map', version);
    if (hit) return sendAnswer(req, reply, hit);
    const json = JSON.stringify(ZDashboardMap.encode({ map: await activeMap(deps.db) }));
    return sendAnswer(req, reply, maps.set('map', version, json));
  });

  r.put('/api/dashboard/map', {
    schema: {
      tags: ['dashboard'],
      summary: 'Tải lên bản đồ GeoJSON (FeatureCollection, mỗi vùng có thuộc tính tên khớp với tên đơn vị)',
      description: 'multipart/form-data: file (.geojson hoặc .json), nameProperty (tuỳ chọn).',
      consumes: ['multipart/form-data'],
      response: { 200: ZDashboardMap },
    },
  }, async (req) => {
    // Boundaries are part of the organisation's reference data: the administrator's, like units.
    authorize(req, 'unit.manage');
    const upload = await readUpload(req, { extensions: ['.geojson', '.json'] });
    return uploadMap(deps, auditContext(req), upload);
  });

  r.delete('/api/dashboard/map', {
    schema: { tags: ['dashboard'], summary: 'Bỏ bản đồ đang dùng (màn hình trở lại lưới ô đơn vị)', response: { 200: ZMapRemoved } },
  }, async (req) => {
    authorize(req, 'unit.manage');
    return removeMap(deps, auditContext(req));
  });
}
