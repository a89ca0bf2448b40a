import type { FastifyInstance } from 'fastify';

/**
 * Change events inside one server process.
 *
 * - "data changed": raised after every successful state-changing API request (the hook below);
 *   the dashboard refresher listens and recomputes its aggregates, debounced.
 * - "panel updated": raised when a dashboard panel's figures changed; every open
 *   GET /api/dashboard/stream (server-sent events) forwards it to its browser.
 *
 * One bus per database handle, so several servers in one process (tests) never hear each other.
 *
 * Several processes: each one hears only its own requests. The dashboard refresher also polls
 * max(audit_log.id) and max(dashboard_panels.changed_at) every few seconds, so writes and
 * refreshes made by another process (or by the CLI, or a daily job) reach every process's
 * subscribers within that interval. On PostgreSQL the instant way is LISTEN/NOTIFY: after a
 * refresh, `select pg_notify('haidang_dashboard', '{"key":…,"scope":…}')` inside the refresh
 * transaction, and each process keeps one dedicated pg connection that runs
 * `LISTEN haidang_dashboard` and re-emits every notification on its own bus with emitPanel().
 * The Db interface hands out pooled connections only (and PGlite is single-process anyway),
 * so polling is what is implemented today.
 */

export interface DataChanged {
  method: string;
  url: string;
  at: string;
}

export interface PanelUpdated {
  /** The province whose wall changed: a stream sends only its viewer's province. */
  province: string;
  key: string;
  scope: string;
  computedAt: string;
  status: string;
}

type Listener<T> = (event: T) => void;

export class ChangeBus {
  private readonly dataListeners = new Set<Listener<DataChanged>>();
  private readonly panelListeners = new Set<Listener<PanelUpdated>>();

  onData(fn: Listener<DataChanged>): () => void {
    this.dataListeners.add(fn);
    return () => this.dataListeners.delete(fn);
  }

  onPanel(fn: Listener<PanelUpdated>): () => void {
    this.panelListeners.add(fn);
    return () => this.panelListeners.delete(fn);
  }

  emitData(event: DataChanged): void {
    for (const fn of [...this.dataListeners]) fn(event);
  }

  emitPanel(event: PanelUpdated): void {
    for (const fn of [...this.panelListeners]) fn(event);
  }

  get subscriberCount(): number {
    return this.panelListeners.size;
  }
}

const buses = new WeakMap<object, ChangeBus>();

/** The bus of one database (pass `deps.db`). */
export function changeBus(db: object): ChangeBus {
  let bus = buses.get(db);
  if (!bus) {
    bus = new ChangeBus();
    buses.set(db, bus);
  }
  return bus;
}

/** Requests that may change a figure: successful writes under /api, except signing in and out and reading notifications. */
export function isStateChange(method: string, url: string, status: number): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  if (status >= 400) return false;
  if (!url.startsWith('/api/')) return false;
  return !/^\/api\/(auth|notifications)(\/|$|\?)/.test(url);
}

/**
 * Raises "data changed" after each successful state-changing request. A root-level hook applies
 * to every route, whichever module registered it and in whatever order.
 */
export function registerChangeSignals(app: FastifyInstance, db: object): void {
  app.addHook('onResponse', async (req, reply) => {
    if (!isStateChange(req.method, req.url, reply.statusCode)) return;
    changeBus(db).emitData({ method: req.method, url: req.url, at: new Date().toISOString() });
  });
}
