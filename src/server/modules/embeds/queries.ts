import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';

type E = Tables['embed_links'];
export type EmbedLinkRow = Pick<E, 'id' | 'label' | 'prefix' | 'panel_key' | 'unit_id' | 'expires_at' | 'revoked_at' | 'view_count' | 'last_viewed_at' | 'created_at'> & {
  unit_name: Tables['units']['name'] | null;
  created_by_name: Tables['users']['username'] | null;
  /** The province whose wall the link shows: its unit's, else its creator's (issue 12). */
  province_id: Tables['units']['province_id'];
};

const SELECT_LINKS = `
  select e.id, e.label, e.prefix, e.panel_key, e.unit_id, e.expires_at, e.revoked_at, e.view_count, e.last_viewed_at, e.created_at,
         n.name as unit_name, c.username as created_by_name,
         coalesce(n.province_id, cu.province_id, (select province_id from units where parent_id is null order by valid_to is not null, valid_from limit 1)) as province_id
    from embed_links e left join units n on n.id = e.unit_id left join users c on c.id = e.created_by left join units cu on cu.id = c.unit_id`;

export function selectEmbedLinks(db: Queryable): Promise<EmbedLinkRow[]> {
  return db.query<EmbedLinkRow>(`${SELECT_LINKS} order by e.revoked_at is not null, e.created_at desc`);
}

export async function selectEmbedLink(db: Queryable, id: string): Promise<EmbedLinkRow | undefined> {
  return (await db.query<EmbedLinkRow>(`${SELECT_LINKS} where e.id = $1`, [id]))[0];
}

export async function selectEmbedLinkByHash(db: Queryable, hash: string): Promise<EmbedLinkRow | undefined> {
  return (await db.query<EmbedLinkRow>(`${SELECT_LINKS} where e.token_hash = $1`, [hash]))[0];
}

export async function selectUnitName(db: Queryable, id: string): Promise<string | undefined> {
  return (await db.query<Pick<Tables['units'], 'name'>>('select name from units where id = $1', [id]))[0]?.name;
}

export async function insertEmbedLink(db: Queryable, e: Pick<E, 'label' | 'token_hash' | 'prefix' | 'panel_key' | 'unit_id' | 'expires_at' | 'created_by' | 'created_at'>): Promise<string> {
  const rows = await db.query<Pick<E, 'id'>>(
    `insert into embed_links (label, token_hash, prefix, panel_key, unit_id, expires_at, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [e.label, e.token_hash, e.prefix, e.panel_key, e.unit_id, e.expires_at, e.created_by, e.created_at],
  );
  return rows[0]!.id;
}

/** Revokes once; returns false when it already was. */
export async function revokeEmbedLink(db: Queryable, id: string, at: string): Promise<boolean> {
  return (await db.query('update embed_links set revoked_at = $2 where id = $1 and revoked_at is null returning id', [id, at])).length > 0;
}

export async function countEmbedView(db: Queryable, id: string, at: string): Promise<void> {
  await db.query('update embed_links set view_count = view_count + 1, last_viewed_at = $2 where id = $1', [id, at]);
}

/** The unit and every unit below it, past ones included (their figures roll up to it). */
export async function selectSubtreeIds(db: Queryable, unitId: string): Promise<string[]> {
  const rows = await db.query<Pick<Tables['unit_closure'], 'descendant_id'>>('select descendant_id from unit_closure where ancestor_id = $1', [unitId]);
  return [unitId, ...rows.map((r) => r.descendant_id).filter((id) => id !== unitId)];
}
