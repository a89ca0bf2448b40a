import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';
import type { FundingSource } from '../../../core/projects/risk';

type Projects = Tables['projects'];

/** Sums as text: PostgreSQL's sum(bigint) is numeric, and text keeps every đồng whatever its size. */
export type SourceTotalsRow = Pick<Projects, 'fiscal_year' | 'funding_source'> & {
  projects: number;
  planned: string;
  allocated: string;
  disbursed: string;
  carried_over: string;
  cancelled: string;
};

/** Per fiscal year and funding source; served by projects_budget_idx. */
export function totalsBySource(db: Queryable, year: number | null): Promise<SourceTotalsRow[]> {
  return db.query<SourceTotalsRow>(
    `select fiscal_year, funding_source, count(*)::int as projects,
            sum(estimate)::text as planned, coalesce(sum(allocated), 0)::text as allocated, sum(disbursed)::text as disbursed,
            sum(carried_over)::text as carried_over, sum(cancelled)::text as cancelled
       from projects
      where $1::int is null or fiscal_year = $1
      group by fiscal_year, funding_source
      order by fiscal_year desc, funding_source`,
    [year],
  );
}

export type BudgetLineRow = Pick<Projects, 'id' | 'name' | 'unit_id' | 'funding_source' | 'estimate' | 'allocated' | 'disbursed' | 'carried_over' | 'cancelled' | 'sample'> & {
  unit_name: Tables['units']['name'];
};

export function budgetLines(db: Queryable, year: number, source: FundingSource | null): Promise<BudgetLineRow[]> {
  return db.query<BudgetLineRow>(
    `select p.id, p.name, p.unit_id, u.name as unit_name, p.funding_source, p.estimate, p.allocated, p.disbursed, p.carried_over, p.cancelled, p.sample
       from projects p join units u on u.id = p.unit_id
      where p.fiscal_year = $1 and ($2::text is null or p.funding_source = $2)
      order by p.estimate desc, p.id`,
    [year, source],
  );
}
