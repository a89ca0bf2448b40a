import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TConfig } from '../../config';
import { AppError } from '../errors';

/**
 * Response headers that keep the SPA's pages to the SPA's own assets (docs/decisions.md,
 * "CSP"). antd (CSS-in-JS) writes <style> elements and React writes style="" attributes,
 * so styles may be inline; scripts may not, and nothing may frame a page.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: TConfig): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // data: for antd's inline SVG images; blob: for a chart saved as PNG.
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // No upgrade-insecure-requests: a province may serve plain HTTP inside its network,
        // and upgrading every asset to https there would load nothing.
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only where the deployment says it runs behind HTTPS.
    strictTransportSecurity: config.COOKIE_SECURE ? { maxAge: 15_552_000, includeSubDomains: false } : false,
  });
}

type LimitKind = 'login' | 'upload' | 'extraction' | 'export';

/**
 * Requests per minute and per client. Generous for a person at a screen; what they stop is a
 * script hammering a costly route (argon2, a 20 MB parse, a text extraction, a workbook).
 * Counters are kept in each server process (several processes each allow this much); the
 * login throttle in the database is the guard that holds across processes.
 */
// Login is per address, where a whole office behind one NAT signs in at 8:00: the limit
// bounds argon2 work per address; guessing is the database throttle's job (D34).
export const RATE_LIMITS: Record<LimitKind, number> = { login: 120, upload: 20, extraction: 30, export: 30 };

/** The routes a limit applies to, by `METHOD url` as registered. */
export const RATE_LIMITED_ROUTES: Record<string, LimitKind> = {
  'POST /api/auth/login': 'login',
  'GET /api/auth/oidc/start': 'login',
  'POST /api/setup/claim': 'login',
  'GET /api/auth/oidc/callback': 'login',
  'PUT /api/dashboard/map': 'upload',
  'POST /api/documents/upload': 'upload',
  'POST /api/dossier-imports': 'upload',
  'POST /api/indicator-imports': 'upload',
  'POST /api/tasks/import': 'upload',
  'POST /api/units/import': 'upload',
  'POST /api/tasks/:id/progress-file': 'upload',
  'POST /api/documents': 'extraction',
  'POST /api/documents/:id/proposal': 'extraction',
  'GET /api/dashboard/panels/:key/xlsx': 'export',
  'GET /api/evaluation/runs/:id/xlsx': 'export',
  'GET /api/evaluation/runs/:id/letter.docx': 'export',
  'GET /api/projects/export.xlsx': 'export',
  'GET /api/projects/at-risk.xlsx': 'export',
  'GET /api/report-regimes/:id/export': 'export',
  'GET /api/tasks/export': 'export',
};

/** A signed-in person is counted as themself (colleagues behind one address do not share a limit); anyone else by address. */
const clientKey = (req: FastifyRequest): string => (req.actor ? `user:${req.actor.id}` : `ip:${req.ip}`);

/** Must run before the modules register their routes: limits attach as each route is added. */
export async function registerRateLimits(app: FastifyInstance): Promise<void> {
  // Registered before the plugin, so this hook has set the route's config when the plugin's runs.
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const kind = RATE_LIMITED_ROUTES[`${method} ${route.url}`];
      if (!kind) continue;
      route.config = { ...(route.config as object), rateLimit: { max: RATE_LIMITS[kind], timeWindow: 60_000, keyGenerator: kind === 'login' ? (req: FastifyRequest) => `ip:${req.ip}` : clientKey } } as typeof route.config;
    }
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => {
      const seconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
      return new AppError('RATE_LIMITED', `Bạn đã gửi quá nhiều yêu cầu loại này trong một phút (tối đa ${ctx.max}). Vui lòng thử lại sau ${seconds} giây.`, undefined, seconds);
    },
  });
}
