import type { FastifyInstance } from 'fastify';

/** Vietnamese arrives in NFC and NFD; it is stored NFC, so everything is normalised at the edge. */
export function toNFC<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(toNFC) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k.normalize('NFC')] = toNFC(v);
    return out as T;
  }
  return value;
}

export function registerNormalize(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (req.body !== undefined) req.body = toNFC(req.body);
    if (req.query) req.query = toNFC(req.query);
  });
}
