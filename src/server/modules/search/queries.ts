import type { Queryable } from '../../../db/client';
import type { SearchKind } from '../../../contracts/search';

/**
 * The one search box reads each module's own diacritic-free column, kept current by its module
 * (tasks/documents/projects `search_folded`, units/indicators `name_folded`), with the
 * words already folded by core's foldVietnamese: the same `like` on PGlite and PostgreSQL,
 * no extension (unaccent) needed. Read-only, a bounded number of statements per search.
 */

export interface SearchRow {
  kind: SearchKind;
  id: string;
  title: string;
  detail: string | null;
  total: number;
}

/** `like` patterns for every folded word, the wildcards of the words escaped. */
export function likePatterns(words: readonly string[]): string[] {
  return words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

const all = (col: string) => `${col} like all($1::text[])`;

/**
 * One kind's first `limit` matches and how many there are, in one statement. `$1` the patterns,
 * `$2` the limit, then for tasks and projects `$3` the units whose tasks and projects the person
 * may read (null: all) and `$4` the province; for documents and units `$3` the province (null:
 * every province, the national role).
 */
const KIND_SQL: Record<SearchKind, string> = {
  task: `select 'task' as kind, t.id::text as id, t.title, lu.name || coalesce(' · hạn ' || to_char(t.deadline, 'DD/MM/YYYY'), '') as detail, count(*) over ()::int as total
           from tasks t join units lu on lu.id = t.lead_unit_id
          where ${all('t.search_folded')} and t.cancelled_at is null and ($4::text is null or t.province_id = $4)
            and ($3::uuid[] is null or t.lead_unit_id = any($3::uuid[])
                 or exists (select 1 from task_coordinators c where c.task_id = t.id and c.unit_id = any($3::uuid[])))
          order by t.completed_on is not null, t.deadline nulls last, t.title limit $2`,
  document: `select 'document' as kind, d.id::text as id,
                    coalesce(d.summary, d.doc_type) as title,
                    concat_ws(' · ', d.doc_type, d.doc_number, to_char(d.issued_on, 'DD/MM/YYYY')) as detail, count(*) over ()::int as total
               from documents d
              where ${all('d.search_folded')} and ($3::text is null or d.province_id = $3)
              order by d.issued_on desc nulls last, d.created_at desc limit $2`,
  project: `select 'project' as kind, p.id::text as id, p.name as title, u.name || ' · năm ' || p.fiscal_year as detail, count(*) over ()::int as total
              from projects p join units u on u.id = p.unit_id
             where ${all('p.search_folded')} and ($4::text is null or p.province_id = $4)
               and ($3::uuid[] is null or p.unit_id = any($3::uuid[])
                    or exists (select 1 from project_events e where e.project_id = p.id and e.actor_unit_id = any($3::uuid[])))
             order by p.fiscal_year desc, p.name limit $2`,
  indicator: `select 'indicator' as kind, i.id::text as id, i.name as title, i.code || ' · ' || i.unit_of_measure as detail, count(*) over ()::int as total
                from indicators i
               where ${all(`(i.name_folded || ' ' || lower(i.code))`)} and i.valid_to is null
               order by i.sort_order, i.code limit $2`,
  unit: `select 'unit' as kind, u.id::text as id, u.name as title,
                case when u.valid_to is not null then 'đến ' || to_char(u.valid_to, 'DD/MM/YYYY') end as detail, count(*) over ()::int as total
           from units u
          where (${all('u.name_folded')}
                 or exists (select 1 from unit_aliases a where a.unit_id = u.id and a.alias_folded like all($1::text[])))
            and ($3::text is null or u.province_id = $3)
          order by u.valid_to is not null, u.level, u.name limit $2`,
};

export function searchKind(db: Queryable, kind: SearchKind, patterns: readonly string[], limit: number, scope: readonly string[] | null, provinceId: string | null): Promise<SearchRow[]> {
  const params = kind === 'task' || kind === 'project' ? [patterns, limit, scope, provinceId] : kind === 'indicator' ? [patterns, limit] : [patterns, limit, provinceId];
  return db.query<SearchRow>(KIND_SQL[kind], params);
}
