import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZEmbedLink, ZEmbedLinkCreate, ZEmbedLinkCreated, ZEmbedLinkList, ZEmbedLinkParams, ZEmbedPanel, ZEmbedSettings, ZEmbedSettingsUpdate, ZEmbedViewParams, ZEmbedViewQuery } from '../../../contracts/embeds';
import { PROJECT_ROOT } from '../../../db/project-root';
import { auditContext, authorize, type Deps } from '../../context';
import { AppError } from '../../errors';
import { changeBus } from '../../events';
import { fileResponse, SSE_RESPONSE } from '../../responses';
import { createEmbedLink, embedPanel, frameAncestors, getEmbedSettings, listEmbedLinks, recordEmbedRefusal, recordEmbedView, revokeEmbed, setEmbedSettings, verifyEmbed } from './service';

const INDEX_HTML = join(PROJECT_ROOT, 'dist/web/index.html');

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The same policy as every page (plugins/security.ts), except who may frame it. */
function embedHeaders(reply: FastifyReply, ancestors: string): void {
  reply
    .header(
      'content-security-policy',
      `default-src 'self';base-uri 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;font-src 'self' data:;connect-src 'self';object-src 'none';frame-ancestors ${ancestors};form-action 'self'`,
    )
    .removeHeader('x-frame-options')
    .header('cache-control', 'no-store');
}

/**
 * Panels embedded in another operations centre (docs/decisions.md): the administrator issues a
 * link per panel (and unit scope), shown once; the page it opens may be framed only by the
 * allowlisted origins, every other page keeps refusing frames.
 */
export async function embedRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/embed-links', { schema: { tags: ['embeds'], summary: 'Các liên kết nhúng khối số liệu (không kèm mã bí mật)', response: { 200: ZEmbedLinkList } } }, async (req) => {
    authorize(req, 'embed.manage');
    return listEmbedLinks(deps);
  });

  r.post('/api/embed-links', { schema: { tags: ['embeds'], summary: 'Tạo liên kết nhúng một khối số liệu (chỉ hiện một lần)', body: ZEmbedLinkCreate, response: { 201: ZEmbedLinkCreated } } }, async (req, reply) => {
    authorize(req, 'embed.manage');
    reply.status(201);
    return createEmbedLink(deps, auditContext(req), req.body);
  });

  r.post('/api/embed-links/:id/revoke', { schema: { tags: ['embeds'], summary: 'Thu hồi liên kết nhúng (có hiệu lực ngay)', params: ZEmbedLinkParams, response: { 200: ZEmbedLink } } }, async (req) => {
    authorize(req, 'embed.manage');
    return revokeEmbed(deps, auditContext(req), req.params.id);
  });

  r.get('/api/embed-settings', { schema: { tags: ['embeds'], summary: 'Các nguồn (origin) được phép nhúng khối số liệu', response: { 200: ZEmbedSettings } } }, async (req) => {
    authorize(req, 'embed.manage');
    return getEmbedSettings(deps);
  });

  r.put('/api/embed-settings', { schema: { tags: ['embeds'], summary: 'Đặt các nguồn (origin) được phép nhúng khối số liệu', body: ZEmbedSettingsUpdate, response: { 200: ZEmbedSettings } } }, async (req) => {
    authorize(req, 'embed.manage');
    return setEmbedSettings(deps, auditContext(req), req.body.origins);
  });

  // ─── What the embedded page reads: no session, the link's secret is the credential ───

  async function checked(req: { ip: string; url: string }, key: string, token: string, unit: string | undefined) {
    try {
      return await verifyEmbed(deps, key, token, unit);
    } catch (err) {
      if (err instanceof AppError) await recordEmbedRefusal(deps, req.ip, req.url, err.message);
      throw err;
    }
  }

  r.get('/api/embed/:key/:token', {
    schema: { tags: ['embeds'], summary: 'Số liệu của khối được nhúng (xác thực bằng liên kết)', security: [], params: ZEmbedViewParams, querystring: ZEmbedViewQuery, response: { 200: ZEmbedPanel } },
  }, async (req) => {
    const link = await checked(req, req.params.key, req.params.token, req.query.unit);
    return embedPanel(deps, link);
  });

  // Open streams end when the server closes, or close() would wait for them forever.
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const s of streams) s.end();
    streams.clear();
  });

  r.get('/api/embed/:key/:token/stream', {
    schema: { tags: ['embeds'], summary: 'Sự kiện «panel» mỗi khi số liệu của khối được nhúng thay đổi', security: [], params: ZEmbedViewParams, querystring: ZEmbedViewQuery, response: { 200: SSE_RESPONSE } },
  }, async (req, reply) => {
    const { key, token } = req.params;
    const unit = req.query.unit;
    await checked(req, key, token, unit);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(`retry: 3000\nevent: hello\ndata: ${JSON.stringify({ at: deps.now().toISOString() })}\n\n`);
    streams.add(res);
    const off = changeBus(deps.db).onPanel((e) => {
      if (e.key === key) res.write(`event: panel\ndata: ${JSON.stringify(e)}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    ping.unref();
    res.on('close', () => {
      off();
      clearInterval(ping);
      streams.delete(res);
    });
  });

  // The page itself: the SPA's shell with a frame-ancestors of the allowlist. A refused link
  // answers a short page that says why, framed the same way so the other centre reads it.
  r.get('/embed/:key/:token', {
    schema: { hide: true, params: ZEmbedViewParams, querystring: ZEmbedViewQuery, response: { 200: fileResponse('text/html', 'Trang khối số liệu được nhúng') } },
  }, async (req, reply) => {
    embedHeaders(reply, await frameAncestors(deps));
    reply.type('text/html; charset=utf-8');
    let link;
    try {
      link = await checked(req, req.params.key, req.params.token, req.query.unit);
    } catch (err) {
      const message = err instanceof AppError ? err.message : 'Không mở được khối số liệu';
      const status = err instanceof AppError ? err.status : 500;
      // The refusal is HTML for the frame, not the JSON error body the API routes declare.
      return (reply as FastifyReply).status(status).send(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hải Đăng</title></head><body style="font-family:sans-serif;background:#0b1a2e;color:#e2e8f0;padding:24px"><p data-testid="embed-refused">${escapeHtml(message)}</p></body></html>`);
    }
    await recordEmbedView(deps, link, req.ip);
    const html = existsSync(INDEX_HTML) ? readFileSync(INDEX_HTML, 'utf8') : '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hải Đăng</title></head><body><div id="root"></div></body></html>';
    return reply.send(html);
  });
}
