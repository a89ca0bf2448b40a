import type { Queryable } from '../../../db/client';
import type { DashboardMapResponse, Panel, PanelKey, PanelStatus } from '../../../contracts/dashboard';

interface PanelRow {
  panel_key: PanelKey;
  scope: string;
  status: PanelStatus;
  message: string | null;
  payload: { link: string; data: unknown };
  computed_at: string;
  changed_at: string;
}

/** The stored panels of a scope: what GET /api/dashboard serves (primary key lookup, no raw rows). */
export async function readPanels(q: Queryable, scope: string): Promise<Panel[]> {
  const rows = await q.query<PanelRow>(
    'select panel_key, scope, status, message, payload, computed_at, changed_at from dashboard_panels where scope = $1',
    [scope],
  );
  return rows.map((r) => ({
    key: r.panel_key,
    scope: r.scope,
    status: r.status,
    message: r.message,
    computedAt: r.computed_at,
    changedAt: r.changed_at,
    link: r.payload.link,
    payload: r.payload.data,
  }));
}

/**
 * The same as readPanels, with each payload left as the JSON text the database holds: the
 * response is spliced together instead of parsing and re-serialising a map of 3,321 communes.
 */
export async function readPanelsJson(q: Queryable, scope: string): Promise<Array<Omit<Panel, 'payload'> & { payloadJson: string }>> {
  const rows = await q.query<Omit<PanelRow, 'payload'> & { link: string; data: string }>(
    `select panel_key, scope, status, message, payload->>'link' as link, (payload->'data')::text as data, computed_at, changed_at
       from dashboard_panels where scope = $1`,
    [scope],
  );
  return rows.map((r) => ({
    key: r.panel_key,
    scope: r.scope,
    status: r.status,
    message: r.message,
    computedAt: r.computed_at,
    changedAt: r.changed_at,
    link: r.link,
    payloadJson: r.data,
  }));
}

export async function readPanel(q: Queryable, scope: string, key: PanelKey): Promise<Panel | undefined> {
  return (await readPanels(q, scope)).find((p) => p.key === key);
}

/** The year the screen opens on: the administrator's (or demo data's) choice, else the current year. */
export async function defaultYear(q: Queryable, today: string): Promise<number> {
  const row = (await q.query<{ value: unknown }>(`select value from app_settings where key = 'dashboard.default_year'`))[0];
  const y = Number(row?.value);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : Number(today.slice(0, 4));
}

interface MapRow {
  id: string;
  filename: string;
  name_property: string;
  feature_count: number;
  matched_count: number;
  unmatched: string[];
  uploaded_at: string;
  geojson: unknown;
}

export async function activeMap(q: Queryable): Promise<DashboardMapResponse['map']> {
  const r = (await q.query<MapRow>(
    'select id, filename, name_property, feature_count, matched_count, unmatched, uploaded_at, geojson from dashboard_maps where active',
  ))[0];
  if (!r) return null;
  return {
    id: r.id,
    filename: r.filename,
    nameProperty: r.name_property,
    featureCount: r.feature_count,
    matchedCount: r.matched_count,
    unmatched: r.unmatched,
    uploadedAt: r.uploaded_at,
    geojson: r.geojson,
  };
}

/** District and commune units of any date, with aliases: what a boundary file may name. */
export function mappableUnits(q: Queryable) {
  return q.query<{ id: string; name: string; aliases: string[] }>(
    `select u.id, u.name, coalesce(array_agg(a.alias) filter (where a.alias is not null), '{}') as aliases
       from units u left join unit_aliases a on a.unit_id = u.id
      where u.kind in ('district', 'commune')
      group by u.id, u.name`,
  );
}
