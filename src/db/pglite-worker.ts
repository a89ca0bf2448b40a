import { parentPort, workerData } from 'node:worker_threads';
import type { Transaction } from '@electric-sql/pglite';
import { createPglite } from './pglite';
import { serializeError, type Ready, type Reply, type Request } from './pglite-protocol';

/**
 * The embedded engine's own thread. PGlite runs each statement synchronously inside
 * WebAssembly; here that blocks only this thread, never the HTTP server's event loop.
 * Requests are answered in the order PGlite's own locks allow: a statement outside a
 * transaction waits until an open transaction ends, exactly as on the calling thread.
 */
const port = parentPort!;
const { dataDir } = workerData as { dataDir?: string };

interface OpenTx {
  tx: Transaction;
  end(replyId: number, commit: boolean): void;
}

const reply = (msg: Reply) => port.postMessage(msg);

async function main() {
  let pg: Awaited<ReturnType<typeof createPglite>>;
  try {
    pg = await createPglite(dataDir);
  } catch (err) {
    port.postMessage({ ready: false, error: serializeError(err) } satisfies Ready);
    return;
  }
  const open = new Map<number, OpenTx>();
  let nextTx = 1;

  const answer = (id: number, work: () => Promise<unknown>) =>
    work().then(
      (value) => reply({ id, ok: true, value }),
      (err: unknown) => reply({ id, ok: false, error: serializeError(err) }),
    );

  const inTx = (n: number | undefined) => {
    if (n === undefined) return pg;
    const t = open.get(n);
    if (!t) throw new Error(`Giao dịch ${n} đã kết thúc`);
    return t.tx;
  };

  const begin = (id: number) => {
    const n = nextTx++;
    let endId = 0;
    let finish: (commit: boolean) => void = () => undefined;
    const ended = new Promise<boolean>((resolve) => (finish = resolve));
    pg.transaction(async (tx) => {
      open.set(n, { tx, end: (replyId, commit) => { endId = replyId; finish(commit); } });
      reply({ id, ok: true, value: n });
      if (!(await ended)) await tx.rollback();
    }).then(
      () => reply({ id: endId, ok: true, value: null }),
      (err: unknown) => {
        // BEGIN itself failed: nobody holds a transaction number yet.
        if (!open.has(n)) reply({ id, ok: false, error: serializeError(err) });
        else reply({ id: endId, ok: false, error: serializeError(err) });
      },
    ).finally(() => open.delete(n));
  };

  port.on('message', (m: Request) => {
    switch (m.op) {
      case 'query':
        void answer(m.id, async () => (await inTx(m.tx).query(m.sql, m.params as unknown[], m.blob === undefined ? undefined : { blob: new Blob([m.blob]) })).rows);
        return;
      case 'exec':
        void answer(m.id, async () => { await inTx(m.tx).exec(m.sql); return null; });
        return;
      case 'begin':
        begin(m.id);
        return;
      case 'end': {
        const t = open.get(m.tx);
        if (!t) reply({ id: m.id, ok: false, error: serializeError(new Error(`Giao dịch ${m.tx} đã kết thúc`)) });
        else t.end(m.id, m.commit);
        return;
      }
      case 'close':
        void answer(m.id, async () => {
          // A checkpoint writes every dirty page, so the next open has no WAL to replay.
          if (dataDir) await pg.exec('checkpoint');
          await pg.close();
          return null;
        }).then(() => port.close());
        return;
    }
  });
  port.postMessage({ ready: true } satisfies Ready);
}

void main();
