import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/**
 * Answers of hot GET routes kept as JSON text, compressed once per encoding (issue 11: the
 * task list and the province dashboard at 300 requests a second on two cores). An answer is
 * reused only while the version its route reads from the database (a cheap statement: a
 * sequence, the stored panels' hashes) is the one read before the answer was computed, so a
 * write by any process shows on the next request; `maxAgeMs` bounds what a version cannot see.
 * The key names everything the answer depends on besides the data: the query, who asks
 * (what they may see), and the day.
 */
export interface CachedAnswer {
  version: string;
  at: number;
  json: string;
  etag: string;
  br?: Buffer;
  gzip?: Buffer;
}

export class AnswerCache {
  private readonly entries = new Map<string, CachedAnswer>();

  constructor(private readonly opts: { maxEntries: number; maxAgeMs?: number }) {}

  get(key: string, version: string, now = performance.now()): CachedAnswer | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.version !== version || (this.opts.maxAgeMs !== undefined && now - e.at > this.opts.maxAgeMs)) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  set(key: string, version: string, json: string): CachedAnswer {
    // Oldest first out: Map keeps insertion order.
    if (this.entries.size >= this.opts.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    const etag = `"${createHash('sha1').update(key).update('\0').update(version).update('\0').update(json.length.toString()).digest('base64url')}"`;
    const e: CachedAnswer = { version, at: performance.now(), json, etag };
    this.entries.set(key, e);
    return e;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** A short stable key from the parts an answer depends on. */
export function answerKey(...parts: unknown[]): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64url');
}

// The same choices as @fastify/compress in app.ts: brotli at quality 4, else gzip, above 1 KB.
const THRESHOLD = 1024;

function preferred(req: FastifyRequest): 'br' | 'gzip' | null {
  const accept = String(req.headers['accept-encoding'] ?? '');
  if (req.headers['x-no-compression'] !== undefined) return null;
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return null;
}

/**
 * Sends a cached answer: 304 when the browser holds it (ETag), else the bytes compressed for
 * the encoding asked (compressed once, on the first request that asks for it). Bytes with a
 * Content-Encoding header pass @fastify/compress untouched.
 */
export function sendAnswer(req: FastifyRequest, reply: FastifyReply, a: CachedAnswer): FastifyReply {
  reply.header('etag', a.etag).header('vary', 'accept-encoding').header('cache-control', 'private, no-cache');
  if (req.headers['if-none-match'] === a.etag) return reply.status(304).send();
  reply.type('application/json; charset=utf-8');
  const enc = a.json.length >= THRESHOLD ? preferred(req) : null;
  if (enc === 'br') {
    a.br ??= brotliCompressSync(a.json, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } });
    return reply.header('content-encoding', 'br').send(a.br);
  }
  if (enc === 'gzip') {
    a.gzip ??= gzipSync(a.json);
    return reply.header('content-encoding', 'gzip').send(a.gzip);
  }
  return reply.send(a.json);
}
