import { Worker } from 'node:worker_threads';
import type { Db, Queryable } from './client';
import { copyStatement } from './copy-text';
import { deserializeError, type Ready, type Reply, type Request } from './pglite-protocol';

/**
 * The worker's code: beside the bundle when the product runs from dist/server (built by
 * scripts/build.mjs), else the TypeScript source, loaded through a small bootstrap that
 * registers tsx in the new thread (tests, benchmarks, development).
 */
function spawnWorker(dataDir?: string): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./pglite-worker.mjs', here), { workerData: { dataDir } });
  return new Worker(new URL('./pglite-worker-boot.mjs', here), { workerData: { entry: new URL('./pglite-worker.ts', here).href, dataDir } });
}

type Outgoing = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * Embedded PostgreSQL in a worker thread: the served product's engine. A statement that
 * runs for seconds (a feed merge, a backup) occupies the worker, while the HTTP server's
 * event loop only posts messages and receives rows. Same `Db` as openPglite, same type
 * parsing (the worker parses with the same parsers), same one-statement-at-a-time rule.
 */
export async function openPgliteThread(dataDir?: string): Promise<Db> {
  const worker = spawnWorker(dataDir);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let seq = 0;
  let dead: Error | null = null;
  let openTx = 0;
  let busySince = 0;

  const isBusy = () => pending.size > 0 || openTx > 0;
  const markBusy = () => {
    if (!isBusy()) busySince = performance.now();
  };

  const failAll = (err: Error) => {
    dead ??= err;
    for (const p of pending.values()) p.reject(dead);
    pending.clear();
  };

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    worker.once('error', onError);
    worker.once('message', (m: Ready) => {
      worker.off('error', onError);
      if (m.ready) resolve();
      else reject(deserializeError(m.error));
    });
  }).catch(async (err: Error) => {
    await worker.terminate();
    throw err;
  });

  worker.on('message', (m: Reply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(deserializeError(m.error));
  });
  worker.on('error', (err) => failAll(new Error(`Cơ sở dữ liệu nhúng gặp lỗi và đã dừng: ${err.message}`)));
  worker.on('exit', (code) => failAll(new Error(`Cơ sở dữ liệu nhúng đã dừng (mã ${code})`)));

  const call = <T>(msg: Outgoing): Promise<T> => {
    if (dead) return Promise.reject(dead);
    markBusy();
    const id = ++seq;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...msg, id });
    });
  };

  const handle = (tx?: number): Queryable => ({
    query: <T>(sql: string, params?: readonly unknown[]) => call<T[]>({ op: 'query', sql, params, tx }),
    exec: async (sql: string) => { await call({ op: 'exec', sql, tx }); },
  });

  let closing: Promise<void> | undefined;
  return {
    engine: 'pglite',
    ...handle(),
    async transaction(fn) {
      const tx = await call<number>({ op: 'begin' });
      markBusy();
      openTx++;
      try {
        let result: Awaited<ReturnType<typeof fn>>;
        try {
          result = await fn(handle(tx));
        } catch (err) {
          await call({ op: 'end', tx, commit: false }).catch(() => undefined);
          throw err;
        }
        await call({ op: 'end', tx, commit: true });
        return result;
      } finally {
        openTx--;
      }
    },
    copyIn: async (table, columns, text) => {
      await call({ op: 'query', sql: copyStatement(table, columns, "'/dev/blob'"), blob: text });
    },
    activity: () => ({ busyForMs: isBusy() ? Math.round(performance.now() - busySince) : 0, pending: pending.size + openTx }),
    close: () =>
      (closing ??= (async () => {
        try {
          if (!dead) await call({ op: 'close' });
        } finally {
          dead ??= new Error('Cơ sở dữ liệu đã đóng');
          await worker.terminate();
        }
      })()),
  };
}
