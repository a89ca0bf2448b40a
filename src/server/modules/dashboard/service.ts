import type { TAnyPanel, TPanelKey } from '../../../contracts/dashboard';
import { getSetting } from '../../app-settings';
import { today, type Deps } from '../../context';
import { changeBus } from '../../events';
import { PANELS } from './panels';
import { panelRows, panelRowsJson } from './queries';
import { computePanels, storePanels } from './refresh';

/** The year the screen opens on: the administrator's (or demo data's) choice, else the current year. */
export async function defaultYear(deps: Deps): Promise<number> {
  const y = Number(await getSetting<unknown>(deps.db, 'dashboard.default_year'));
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : Number(today(deps).slice(0, 4));
}

/**
 * The panels of a year. Read from dashboard_panels; a panel never stored for that year (the
 * first look at a year, a newly added panel) is computed once here and kept up to date after.
 */
async function ensurePanels(deps: Deps, provinceId: string, year: number, stored: ReadonlyArray<{ panel_key: TPanelKey }>): Promise<boolean> {
  const missing = PANELS.map((p) => p.key).filter((k) => !stored.some((p) => p.panel_key === k));
  if (missing.length === 0) return false;
  const now = deps.now();
  const changed = await storePanels(deps.db, provinceId, String(year), await computePanels(deps.db, provinceId, year, today(deps), missing), now);
  for (const e of changed) changeBus(deps.db).emitPanel(e);
  return true;
}

/** A past year is seen on its last day; the current one today. */
export function asOfOf(deps: Deps, year: number): string {
  const end = `${year}-12-31`;
  const t = today(deps);
  return t < end ? t : end;
}

const latest = (panels: ReadonlyArray<{ computed_at: string }>) => panels.reduce<string | null>((m, p) => (m === null || p.computed_at > m ? p.computed_at : m), null);

/**
 * GET /api/dashboard's body (ZDashboard), spliced from the stored JSON texts: each payload was
 * checked against its contract when it was computed, so it is sent without being parsed and
 * serialised again (a map of 3,321 communes; see docs/decisions.md D22).
 */
export async function dashboardJson(deps: Deps, provinceId: string, year: number): Promise<string> {
  const scope = String(year);
  let rows = await panelRowsJson(deps.db, provinceId, scope);
  if (await ensurePanels(deps, provinceId, year, rows)) rows = await panelRowsJson(deps.db, provinceId, scope);
  const head = JSON.stringify({ scope, year, asOf: asOfOf(deps, year), computedAt: latest(rows) }).slice(0, -1);
  const parts = rows.map((r) => {
    const meta = { key: r.panel_key, scope: r.scope, status: r.status, message: r.message, computedAt: r.computed_at, changedAt: r.changed_at, link: r.link };
    return `${JSON.stringify(r.panel_key)}:${JSON.stringify(meta).slice(0, -1)},"payload":${r.data}}`;
  });
  return `${head},"panels":{${parts.join(',')}}}`;
}

/** One stored panel with its figures parsed (the .xlsx export). */
export async function storedPanel(deps: Deps, provinceId: string, year: number, key: TPanelKey): Promise<TAnyPanel | undefined> {
  const scope = String(year);
  let rows = await panelRows(deps.db, provinceId, scope);
  if (await ensurePanels(deps, provinceId, year, rows)) rows = await panelRows(deps.db, provinceId, scope);
  const r = rows.find((p) => p.panel_key === key);
  if (!r) return undefined;
  return { key: r.panel_key, scope: r.scope, status: r.status, message: r.message, computedAt: r.computed_at, changedAt: r.changed_at, link: r.payload.link, payload: r.payload.data };
}
