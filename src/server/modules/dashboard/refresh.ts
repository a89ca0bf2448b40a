import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Queryable } from '../../../db/client';
import type { Deps } from '../../context';
import { changeBus, type PanelUpdated } from '../../events';
import { PANELS, panelsAffectedBy } from './panels';
import type { PanelContext, PanelResult } from './panels/context';
import { PANEL_PAYLOADS, type TPanelKey } from '../../../contracts/dashboard';
import { vnToday } from '../../../core/calendar/timestamps';
import { changeMarks, dataYears, lastChangeAuditId, panelHashes, panelsChangedSince, provincesWithRoot, storedScopes, upsertPanel } from './queries';

/** A year's panels are seen on its last day, or today for the current year. */
export function panelContext(q: Queryable, provinceId: string, year: number, today: string): PanelContext {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const asOf = today < to ? (today < from ? from : today) : to;
  return { q, provinceId, year, from, to, asOf, today, memo: new Map() };
}

export interface Computed {
  key: TPanelKey;
  result: PanelResult;
  link: string;
  ms: number;
}

/** Computes panels of one province and year from the raw rows: only ever called by a refresh, never by a view. */
export async function computePanels(q: Queryable, provinceId: string, year: number, today: string, keys?: readonly TPanelKey[]): Promise<Computed[]> {
  const ctx = panelContext(q, provinceId, year, today);
  const out: Computed[] = [];
  for (const def of PANELS) {
    if (keys && !keys.includes(def.key)) continue;
    const started = performance.now();
    let result: PanelResult;
    try {
      result = await def.compute(ctx);
      // The wire's shape is checked once, here, before the figures are stored: GET
      // /api/dashboard then sends the stored JSON as it is, without parsing it again.
      if (result.payload !== null) result = { ...result, payload: PANEL_PAYLOADS[def.key].parse(result.payload) };
    } catch (err) {
      // One broken capability must not blank the wall: the panel says what failed.
      result = { status: 'error', message: `Không tính được số liệu: ${(err as Error).message}`, payload: null };
    }
    let link = '/';
    try {
      link = def.link({ year }, result.payload as never);
    } catch {
      // A failed panel has no payload to build its link from: the wall still opens the home page.
    }
    out.push({ key: def.key, result, link, ms: Math.round(performance.now() - started) });
  }
  return out;
}

const hashOf = (c: Computed) => createHash('sha256').update(JSON.stringify([c.result.status, c.result.message, c.link, c.result.payload])).digest('hex');

/** Upserts the panels of a province's scope; returns those whose figures changed. */
export async function storePanels(q: Queryable, provinceId: string, scope: string, computed: readonly Computed[], at: Date): Promise<PanelUpdated[]> {
  if (computed.length === 0) return [];
  const before = await panelHashes(q, provinceId, scope);
  const changed: PanelUpdated[] = [];
  const iso = at.toISOString();
  for (const c of computed) {
    const hash = hashOf(c);
    const payload = JSON.stringify({ link: c.link, data: c.result.payload });
    await upsertPanel(q, { provinceId, scope, key: c.key, status: c.result.status, message: c.result.message, payload, hash, at: iso, ms: c.ms });
    if (before.get(c.key) !== hash) changed.push({ province: provinceId, key: c.key, scope, computedAt: iso, status: c.result.status });
  }
  return changed;
}

/**
 * Years kept up to date: the current one, every year that holds data, and every year someone
 * has looked at. So the panels of any year with data are stored before anyone asks for them.
 */
export async function activeScopes(q: Queryable, today: string): Promise<string[]> {
  const years = (await dataYears(q)).map(String);
  return [...new Set([today.slice(0, 4), ...years, ...(await storedScopes(q))])].filter((s) => /^\d{4}$/.test(s)).sort();
}

/** Panels never stored for an active year (a server's first start, a newly added panel): computed and stored. */
export async function warmDashboard(q: Queryable, now: Date): Promise<PanelUpdated[]> {
  const today = vnToday(now);
  const changed: PanelUpdated[] = [];
  const scopes = await activeScopes(q, today);
  // Each province's wall is its own (a background loop; the national answers are grouped queries).
  for (const province of await provincesWithRoot(q)) {
    for (const scope of scopes) {
      const stored = new Set((await panelHashes(q, province, scope)).keys());
      const missing = PANELS.map((p) => p.key).filter((k) => !stored.has(k));
      if (missing.length === 0) continue;
      changed.push(...(await storePanels(q, province, scope, await computePanels(q, province, Number(scope), today, missing), now)));
    }
  }
  return changed;
}

/** Recomputes and stores panels for the given (or every active) year; returns what changed. */
export async function refreshDashboard(
  q: Queryable,
  now: Date,
  opts: { keys?: readonly TPanelKey[]; scopes?: readonly string[]; provinces?: readonly string[] } = {},
): Promise<PanelUpdated[]> {
  const today = vnToday(now);
  const scopes = opts.scopes ?? (await activeScopes(q, today));
  const changed: PanelUpdated[] = [];
  for (const province of opts.provinces ?? (await provincesWithRoot(q))) {
    for (const scope of scopes) {
      // A year that just got its first data has no panel stored yet: all of them are computed.
      const stored = await panelHashes(q, province, scope);
      const keys = opts.keys && PANELS.every((p) => stored.has(p.key)) ? opts.keys : undefined;
      const computed = await computePanels(q, province, Number(scope), today, keys);
      changed.push(...(await storePanels(q, province, scope, computed, now)));
    }
  }
  return changed;
}

/**
 * Keeps the aggregates current in one process: a write (the "data changed" event) schedules a
 * refresh of the panels it can affect, debounced so a burst of writes costs one refresh; one
 * refresh runs at a time. A slow poll catches writes made by other processes, the CLI or a job
 * (max(audit_log.id) moved: every mutation writes an audit row) and panels refreshed by another
 * process (max(changed_at) moved), see src/server/events.ts.
 */
/** Where a failed background refresh is reported: the app's pino logger. */
export type RefreshLog = Pick<FastifyBaseLogger, 'error'>;

export class DashboardRefresher {
  private timer: NodeJS.Timeout | null = null;
  private poller: NodeJS.Timeout | null = null;
  private pending: Set<TPanelKey> | null = null;
  private running: Promise<void> | null = null;
  private lastAuditId = -1;
  private lastChangedAt = '';
  private unsubscribe: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly deps: Deps,
    private readonly log: RefreshLog,
    private readonly opts: { debounceMs: number; pollMs: number } = { debounceMs: 250, pollMs: 5_000 },
  ) {}

  start(): void {
    this.unsubscribe = changeBus(this.deps.db).onData((e) => this.schedule(panelsAffectedBy(e.url)));
    this.poller = setInterval(() => void this.poll(), this.opts.pollMs);
    this.poller.unref();
  }

  /**
   * Stores the panels of every year with data that has none yet, in the background, as one
   * refresh run: started when the server is ready, so a view finds them computed.
   */
  warm(): Promise<void> {
    const run = async () => {
      while (this.running) await this.running;
      if (this.stopped) return;
      this.running = (async () => {
        try {
          this.emit(await warmDashboard(this.deps.db, this.deps.now()));
        } catch (err) {
          if (!this.stopped) this.log.error({ err }, 'Không tính trước được màn hình điều hành');
        }
      })().finally(() => {
        this.running = null;
      });
      await this.running;
    };
    return run();
  }

  schedule(keys: readonly TPanelKey[]): void {
    if (this.stopped) return;
    this.pending ??= new Set();
    for (const k of keys) this.pending.add(k);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.opts.debounceMs);
    this.timer.unref();
  }

  /** Runs the pending refresh now (and waits for one already running). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    const keys = this.pending;
    this.pending = null;
    if (!keys || keys.size === 0 || this.stopped) return;
    this.running = this.run([...keys]).finally(() => {
      this.running = null;
    });
    await this.running;
  }

  private async run(keys: TPanelKey[]): Promise<void> {
    try {
      this.lastAuditId = Math.max(this.lastAuditId, await lastChangeAuditId(this.deps.db));
      const changed = await refreshDashboard(this.deps.db, this.deps.now(), { keys });
      this.emit(changed);
    } catch (err) {
      if (!this.stopped) this.log.error({ err }, 'Không làm mới được màn hình điều hành');
    }
  }

  private emit(changed: readonly PanelUpdated[]): void {
    const bus = changeBus(this.deps.db);
    for (const e of changed) {
      if (e.computedAt > this.lastChangedAt) this.lastChangedAt = e.computedAt;
      bus.emitPanel(e);
    }
  }

  private async poll(): Promise<void> {
    if (this.stopped || this.running) return;
    try {
      const row = await changeMarks(this.deps.db);
      if (!row) return;
      if (this.lastAuditId >= 0 && row.audit > this.lastAuditId) this.schedule(PANELS.map((p) => p.key));
      if (this.lastAuditId < 0) this.lastAuditId = row.audit;
      if (row.changed && this.lastChangedAt && row.changed > this.lastChangedAt) {
        const rows = await panelsChangedSince(this.deps.db, this.lastChangedAt);
        this.emit(rows.map((r) => ({ province: r.province_id, key: r.panel_key, scope: r.scope, computedAt: r.changed_at, status: r.status })));
      }
      if (row.changed && !this.lastChangedAt) this.lastChangedAt = row.changed;
    } catch {
      // The database is closing or briefly unavailable: the next tick tries again.
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    if (this.poller) clearInterval(this.poller);
    while (this.running) await this.running;
  }
}

const refreshers = new WeakMap<object, DashboardRefresher>();

/**
 * The refresher of a database, created by the dashboard routes with the app's logger; others
 * (tests, a job) look up the one the server made.
 */
export function refresherFor(deps: Deps, log?: RefreshLog): DashboardRefresher {
  let r = refreshers.get(deps.db);
  if (!r) {
    if (!log) throw new Error('The dashboard refresher is created by the dashboard routes, with the app logger');
    r = new DashboardRefresher(deps, log);
    refreshers.set(deps.db, r);
  }
  return r;
}
