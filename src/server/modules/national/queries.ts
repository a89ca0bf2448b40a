import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';

export type ProvincePanelsRow = Pick<Tables['provinces'], 'id' | 'name' | 'sample'> & {
  computed_at: string | null;
  /** panel key → the stored payload's figures (pillars, tasks, budget, reports). */
  panels: Record<string, unknown> | null;
};

/**
 * Every province with an organisation, with the stored figures of its wall for a year: ONE
 * grouped statement whatever the number of provinces (dashboard_panels' primary key
 * (province_id, scope, panel_key)). The large map panel is not read.
 */
export function provincePanels(q: Queryable, scope: string): Promise<ProvincePanelsRow[]> {
  return q.query<ProvincePanelsRow>(
    `select p.id, p.name, p.sample, max(d.computed_at) as computed_at,
            jsonb_object_agg(d.panel_key, d.payload->'data') filter (where d.panel_key is not null) as panels
       from provinces p
       left join dashboard_panels d on d.province_id = p.id and d.scope = $1 and d.panel_key in ('pillars', 'tasks', 'budget', 'reports')
      where exists (select 1 from units u where u.province_id = p.id and u.parent_id is null)
      group by p.id, p.name, p.sample
      order by p.sample, p.name`,
    [scope],
  );
}
