import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * One contract per wire (issue 15): every route declares what it answers, so the document at
 * /api/docs describes every response body and Fastify checks each response against it.
 *
 * Modules not converted yet are listed here; converting one (src/contracts/<module>.ts, see
 * CODE_STYLE.md) means deleting its line. A new module is held to the rule from its first route.
 */
const NOT_YET_CONVERTED: readonly RegExp[] = [
  /^\/api\/auth\//,
  /^\/api\/me$/,
  /^\/api\/evaluation/,
  /^\/api\/indicator/,
  /^\/api\/report-/,
  /^\/api\/dossier/,
];

/** Bodies that are not JSON: what a browser downloads or listens to. */
const FILE_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/geo+json',
  'application/octet-stream',
  'text/event-stream',
];

interface Operation {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

describe('the OpenAPI document at /api/docs', () => {
  let s: TestServer;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    s = await startTestServer({ listen: false });
    const res = await s.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    paths = res.json().paths;
  });
  afterAll(() => s?.close());

  const converted = () =>
    Object.entries(paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({ path, method, op })),
    ).filter((r) => !NOT_YET_CONVERTED.some((re) => re.test(r.path)));

  it('describes the routes of the converted modules', () => {
    const list = converted().map((r) => `${r.method.toUpperCase()} ${r.path}`);
    // The converted modules: health, calendar, audit, notifications, units, tasks, pipelines,
    // projects, budget, dashboard, documents, backups, users.
    for (const expected of ['GET /api/health', 'GET /api/holidays', 'GET /api/audit', 'GET /api/notifications', 'GET /api/units', 'GET /api/tasks', 'GET /api/pipeline-templates', 'GET /api/projects', 'GET /api/budget', 'GET /api/dashboard', 'GET /api/documents', 'GET /api/backups', 'GET /api/users']) {
      expect(list).toContain(expected);
    }
  });

  it('gives every JSON route a success body and every file or stream its content type', () => {
    const missing: string[] = [];
    for (const { path, method, op } of converted()) {
      const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
      const name = `${method.toUpperCase()} ${path}`;
      if (success.length === 0) {
        missing.push(`${name}: no 2xx response declared`);
        continue;
      }
      for (const [code, r] of success) {
        if (code === '204') continue;
        const types = Object.keys(r.content ?? {});
        const json = r.content?.['application/json']?.schema;
        const file = types.some((t) => FILE_TYPES.includes(t));
        if (!json && !file) missing.push(`${name} ${code}: neither a JSON schema nor a file type (${types.join(', ') || 'no content'})`);
        if (json && Object.keys(json).length === 0) missing.push(`${name} ${code}: empty JSON schema`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('declares the error body on the converted routes', () => {
    const without = converted()
      .filter(({ op }) => !op.responses?.['4XX'] && !op.responses?.['4xx'])
      .map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect(without).toEqual([]);
  });
});
