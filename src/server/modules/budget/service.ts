import { percentOf } from '../../../core/format/number';
import type { TBudgetMoney, TBudgetSummary, TBudgetTree } from '../../../contracts/budget';
import { FUNDING_SOURCES } from '../../../contracts/projects';
import type { Queryable } from '../../../db/client';
import { findTotalMismatches, sumDong, type Dong, type MoneyNode } from '../../../core/projects/money';
import type { FundingSource } from '../../../core/projects/risk';
import { FUNDING_SOURCE_LABEL_VI, money } from '../projects/model';
import { budgetLines, totalsBySource, type BudgetLineRow } from './queries';

/** The five amounts of a budget line, exact, in đồng. */
interface Amounts {
  planned: Dong;
  allocated: Dong;
  disbursed: Dong;
  carriedOver: Dong;
  cancelled: Dong;
}

const ZERO: Amounts = { planned: 0n, allocated: 0n, disbursed: 0n, carriedOver: 0n, cancelled: 0n };
const FIELDS = ['planned', 'allocated', 'disbursed', 'carriedOver', 'cancelled'] as const;

function add(a: Amounts, b: Amounts): Amounts {
  return {
    planned: a.planned + b.planned,
    allocated: a.allocated + b.allocated,
    disbursed: a.disbursed + b.disbursed,
    carriedOver: a.carriedOver + b.carriedOver,
    cancelled: a.cancelled + b.cancelled,
  };
}

/** Percentage with one decimal (the product's one rounding rule, core/format); null when there is nothing planned. */
export function ratePercent(part: Dong, whole: Dong): number | null {
  if (whole <= 0n) return null;
  return percentOf(part, whole, 1);
}

function present(a: Amounts, count: number): TBudgetMoney {
  return {
    count,
    planned: money(a.planned),
    allocated: money(a.allocated),
    disbursed: money(a.disbursed),
    carriedOver: money(a.carriedOver),
    cancelled: money(a.cancelled),
    /** Planned but never allocated (no dossier, or stuck before allocation). */
    unallocated: money(a.planned - a.allocated),
    /** Allocated and still neither disbursed, carried over nor cancelled. */
    open: money(a.allocated - a.disbursed - a.carriedOver - a.cancelled),
    disbursementRate: ratePercent(a.disbursed, a.planned),
    disbursementRateOfAllocated: ratePercent(a.disbursed, a.allocated),
  };
}

/** Per fiscal year and funding source, from the database's own sums; the year total is the sum of its sources. */
export async function budgetSummary(db: Queryable, year: number | null): Promise<TBudgetSummary> {
  const rows = await totalsBySource(db, year);
  const years = new Map<number, Array<{ source: FundingSource; amounts: Amounts; projects: number }>>();
  for (const r of rows) {
    const amounts: Amounts = {
      planned: BigInt(r.planned),
      allocated: BigInt(r.allocated),
      disbursed: BigInt(r.disbursed),
      carriedOver: BigInt(r.carried_over),
      cancelled: BigInt(r.cancelled),
    };
    const list = years.get(r.fiscal_year) ?? [];
    list.push({ source: r.funding_source, amounts, projects: r.projects });
    years.set(r.fiscal_year, list);
  }
  return {
    years: [...years.entries()].map(([fiscalYear, sources]) => {
      const total = sources.reduce((acc, s) => add(acc, s.amounts), ZERO);
      const ordered = FUNDING_SOURCES.map((src) => sources.find((s) => s.source === src)).filter((s) => s !== undefined);
      return {
        fiscalYear,
        total: present(total, sources.reduce((n, s) => n + s.projects, 0)),
        bySource: ordered.map((s) => ({ source: s.source, label: FUNDING_SOURCE_LABEL_VI[s.source], ...present(s.amounts, s.projects) })),
      };
    }),
  };
}

function lineAmounts(l: BudgetLineRow): Amounts {
  return {
    planned: BigInt(l.estimate),
    allocated: BigInt(l.allocated ?? 0),
    disbursed: BigInt(l.disbursed),
    carriedOver: BigInt(l.carried_over),
    cancelled: BigInt(l.cancelled),
  };
}

/**
 * City → unit → project for one year (and optionally one source), summed here from the
 * project lines. `check` lists any node whose amount differs from the sum of its children:
 * empty, always, or the drill-down would show a city figure its units do not add up to.
 */
export async function budgetTree(db: Queryable, year: number, source: FundingSource | null): Promise<TBudgetTree> {
  const lines = await budgetLines(db, year, source);
  const units = new Map<string, { unitId: string; unitName: string; lines: BudgetLineRow[] }>();
  for (const l of lines) {
    const u = units.get(l.unit_id) ?? { unitId: l.unit_id, unitName: l.unit_name, lines: [] };
    u.lines.push(l);
    units.set(l.unit_id, u);
  }
  const unitNodes = [...units.values()].map((u) => {
    const amounts = u.lines.map(lineAmounts).reduce(add, ZERO);
    return { u, amounts };
  });
  unitNodes.sort((a, b) => (a.amounts.planned === b.amounts.planned ? a.u.unitName.localeCompare(b.u.unitName, 'vi') : a.amounts.planned > b.amounts.planned ? -1 : 1));
  const total = unitNodes.map((n) => n.amounts).reduce(add, ZERO);

  const mismatches = FIELDS.flatMap((field) => {
    const root: MoneyNode = {
      key: `city.${field}`,
      amount: total[field],
      children: unitNodes.map((n) => ({
        key: `unit.${n.u.unitId}.${field}`,
        amount: n.amounts[field],
        children: n.u.lines.map((l) => ({ key: `project.${l.id}.${field}`, amount: lineAmounts(l)[field] })),
      })),
    };
    return findTotalMismatches(root).map((m) => ({ key: m.key, amount: money(m.amount), sum: money(m.sum) }));
  });

  return {
    fiscalYear: year,
    source,
    total: present(total, lines.length),
    units: unitNodes.map(({ u, amounts }) => ({
      unitId: u.unitId,
      unitName: u.unitName,
      ...present(amounts, u.lines.length),
      projects: u.lines.map((l) => ({ id: l.id, name: l.name, fundingSource: l.funding_source, sample: l.sample, ...present(lineAmounts(l), 1) })),
    })),
    check: { ok: mismatches.length === 0, mismatches, projectSum: money(sumDong(lines.map((l) => BigInt(l.estimate)))) },
  };
}
