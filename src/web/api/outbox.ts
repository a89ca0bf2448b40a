import { ApiError, apiRequest } from './client';

/**
 * Writes made without a connection (issue 14), kept in this browser's storage in the order they
 * were made, sent when the connection returns. One that the server refuses as stale (409: someone
 * changed the object meanwhile) stays in the queue, marked, with what was typed — nothing is lost;
 * the person resends it on the current version or drops it.
 */
export interface OutboxItem {
  id: string;
  /** What the person did, in words: shown in the queue. */
  label: string;
  method: 'POST' | 'PATCH' | 'PUT';
  path: string;
  body: Record<string, unknown>;
  at: string;
  state: 'pending' | 'conflict' | 'failed';
  error?: string;
  /** For a conflict: the object's current state on the server, to show beside the queued one. */
  server?: string;
}

const KEY = 'hd.outbox';
const EVENT = 'hd-outbox';

export function outboxItems(): OutboxItem[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as OutboxItem[];
  } catch {
    return [];
  }
}

function save(items: OutboxItem[]): void {
  localStorage.setItem(KEY, JSON.stringify(items));
  window.dispatchEvent(new Event(EVENT));
}

export function onOutboxChange(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  window.addEventListener('storage', listener);
  return () => {
    window.removeEventListener(EVENT, listener);
    window.removeEventListener('storage', listener);
  };
}

export function enqueue(item: Omit<OutboxItem, 'id' | 'at' | 'state'>): void {
  save([...outboxItems(), { ...item, id: `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, at: new Date().toISOString(), state: 'pending' }]);
}

export function dropItem(id: string): void {
  save(outboxItems().filter((i) => i.id !== id));
}

/** Resends a conflicting item on the object's current version (read from `versionPath`). */
export async function resendOnCurrentVersion(id: string, versionPath: string): Promise<void> {
  const current = await apiRequest<{ version: number } | { task: { version: number } }>('GET', versionPath);
  const version = 'task' in current ? current.task.version : current.version;
  save(outboxItems().map((i) => (i.id === id ? { ...i, state: 'pending', error: undefined, server: undefined, body: { ...i.body, version } } : i)));
  await flushOutbox();
}

/** The error a network failure gives: the write went to the queue instead. */
export class QueuedOffline extends Error {
  constructor() {
    super('queued offline');
    this.name = 'QueuedOffline';
  }
}

let flushing: Promise<number> | null = null;

/** Sends the pending writes in order; stops at the first network failure. Returns how many were sent. */
export function flushOutbox(): Promise<number> {
  flushing ??= (async () => {
    let sent = 0;
    try {
      for (const item of outboxItems()) {
        if (item.state !== 'pending') continue;
        try {
          await apiRequest(item.method, item.path, { body: item.body });
          save(outboxItems().filter((i) => i.id !== item.id));
          sent++;
        } catch (err) {
          if (!(err instanceof ApiError) || err.status === 0) break;
          let server: string | undefined;
          if (err.status === 409) {
            const taskPath = /^\/api\/tasks\/[^/]+/.exec(item.path)?.[0];
            if (taskPath) {
              server = await apiRequest<{ task: { progressPercent: number; updatedAt: string } }>('GET', taskPath).then(
                (d) => `${d.task.progressPercent} % (${d.task.updatedAt.slice(0, 16).replace('T', ' ')})`,
                () => undefined,
              );
            }
          }
          save(outboxItems().map((i) => (i.id === item.id ? { ...i, state: err.status === 409 ? 'conflict' : 'failed', error: err.message, server } : i)));
        }
      }
    } finally {
      flushing = null;
    }
    return sent;
  })();
  return flushing;
}
