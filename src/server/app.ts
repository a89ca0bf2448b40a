import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { constants as zlib } from 'node:zlib';
import { z } from 'zod';
import { PROJECT_ROOT } from '../db/project-root';
import type { Deps } from './context';
import { AppError } from './errors';
import { MODULES } from './modules';
import { registerErrorHandler } from './plugins/error-handler';
import { registerJsonBody } from './plugins/json-body';
import { registerNormalize } from './plugins/normalize';
import { registerRateLimits, registerSecurityHeaders } from './plugins/security';
import { registerSession } from './plugins/session';
import { registerBearer } from './plugins/bearer';
import { declareErrorBodies } from './responses';
import { BEARER_SCHEME } from './modules/api-tokens/openapi';

// Validation messages in Vietnamese: the people reading them are Vietnamese civil servants.
z.config(z.locales.vi());

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: Array<{ method: string; url: string }>;
  }
}

export const WEB_DIST = join(PROJECT_ROOT, 'dist/web');
const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function buildApp(deps: Deps, opts: { logger?: boolean | object } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: deps.config.BODY_LIMIT_BYTES,
    // Only listed proxies may name the client (X-Forwarded-For); otherwise request.ip is the socket's peer.
    trustProxy: deps.config.TRUST_PROXY,
    // Unknown fields are refused by the schemas (strict objects), not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerJsonBody(app);

  // gzip or brotli for every response above 1 KB, JSON and static files alike (a commune-level
  // dashboard is ~1 MB of JSON, ~200 KB gzipped). Brotli at quality 4: near gzip's speed,
  // smaller output; 11 (zlib's default) costs a second per megabyte.
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await registerSecurityHeaders(app, deps.config);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: deps.config.UPLOAD_LIMIT_BYTES, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Hải Đăng API', description: 'API điều hành chuyển đổi số. Mọi lỗi có dạng { error: { code, message, field? } }.', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'hd_session' }, csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' }, ...BEARER_SCHEME } },
      security: [{ session: [], csrf: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // The route list is kept so that the policy test can prove every route is covered.
  const routes: Array<{ method: string; url: string }> = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (r.url.startsWith('/api/') && method !== 'HEAD') routes.push({ method, url: r.url });
  });
  app.decorate('apiRoutes', routes);
  declareErrorBodies(app);

  registerNormalize(app);
  registerBearer(app, deps);
  registerSession(app, deps);
  await registerRateLimits(app);
  for (const mod of MODULES) await mod(app, deps);

  if (existsSync(WEB_DIST)) {
    // Files are looked up per request (wildcard), so a rebuild while running is served.
    // Vite names what it builds under /assets by content hash: a file there never changes,
    // so browsers keep it a year without asking. index.html names the current hashes and is
    // revalidated on every load, so a new release is picked up at once.
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? IMMUTABLE : basename(path) === 'index.html' ? 'no-cache' : 'public, max-age=3600');
      },
    });
  }
  // The SPA owns every other path without a file extension; the API keeps its JSON 404,
  // and a missing asset is a plain 404 rather than index.html served as a script.
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/api/') || req.method !== 'GET' || /\.[a-z0-9]+$/i.test(path) || !existsSync(WEB_DIST)) {
      return reply.status(404).send(new AppError('NOT_FOUND', `Không có đường dẫn ${req.method} ${path}`).toJSON());
    }
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
