import type { TBottlenecks, TRiskRow } from '../../../contracts/projects';
import { bottlenecks, median, stepVisits, type ClockItem } from '../../../core/projects/clocks';
import { assessRisk, type ObservedDuration, type RiskItem } from '../../../core/projects/risk';
import { resolveRoleUnit } from '../../../core/projects/role-units';
import { dong, money } from './model';
import type { Rules } from './rules';
import { stateForClocks, type Loaded } from './state';

/** Fewer finished visits than this say nothing about a unit's pace: the step's limit is used instead. */
export const MIN_OBSERVATIONS = 3;

/**
 * Median working days actually taken per (unit holding the step, step), from finished visits
 * (completed or returned). The unit is the one that held the role when the visit began, so
 * Sở TT&TT's 2022 pace is not charged to Sở KH&CN.
 */
export function observedDurations(rules: Rules, items: readonly Loaded[]): ObservedDuration[] {
  const samples = new Map<string, { unit: string; stepCode: string; days: number[] }>();
  for (const p of items) {
    // The real state: a visit cut short by the year's closing stays open, and open visits are no measurement.
    for (const v of stepVisits(p.template, p.state, p.clockEnd, rules.holidays)) {
      if (v.outcome === 'open') continue;
      const unit = v.actorRole === 'owner' ? p.row.unit_id : resolveRoleUnit(rules.roleUnits, v.actorRole, v.enteredOn, p.row.kind)?.unitCode;
      if (!unit) continue;
      const key = `${unit}|${v.stepCode}`;
      const s = samples.get(key);
      if (s) s.days.push(v.workingDays);
      else samples.set(key, { unit, stepCode: v.stepCode, days: [v.workingDays] });
    }
  }
  return [...samples.values()]
    .filter((s) => s.days.length >= MIN_OBSERVATIONS)
    .map((s) => ({ unit: s.unit, stepCode: s.stepCode, medianDays: median(s.days) }));
}

/** Projects whose money can still be lost: running, not closed, with something left to disburse. */
export function riskItems(items: readonly Loaded[]): RiskItem[] {
  const out: RiskItem[] = [];
  for (const p of items) {
    if (p.status !== 'active') continue;
    const amount = dong(p.row.allocated ?? p.row.estimate) - dong(p.row.disbursed);
    if (amount <= 0n) continue;
    out.push({
      projectId: p.row.id,
      ownerUnit: p.row.unit_id,
      kind: p.row.kind,
      fundingSource: p.row.funding_source,
      fiscalYear: p.row.fiscal_year,
      amount,
      template: p.template,
      state: p.state,
    });
  }
  return out;
}

/** The early-warning list: every item still to disburse, largest amount first, with who holds it now. */
export function riskList(rules: Rules, items: readonly Loaded[], scope: readonly Loaded[], today: string): TRiskRow[] {
  const byId = new Map(scope.map((p) => [p.row.id, p]));
  const observed = observedDurations(rules, items);
  const assessments = assessRisk(riskItems(scope), { today, holidays: rules.holidays, roleUnits: rules.roleUnits, observed });
  return assessments.map((a) => {
    const p = byId.get(a.projectId)!;
    return {
      projectId: a.projectId,
      name: p.row.name,
      unitId: p.row.unit_id,
      unitName: p.row.unit_name,
      fiscalYear: p.row.fiscal_year,
      fundingSource: p.row.funding_source,
      kind: p.row.kind,
      amount: money(a.amount),
      legalDeadline: a.legalDeadline,
      holder: {
        role: a.current.actorRole,
        unitId: a.current.actorRole === 'owner' ? p.row.unit_id : a.current.holderUnit,
        unitName: a.current.actorRole === 'owner' ? p.row.unit_name : a.current.holderName,
      },
      currentStep: { code: a.current.stepCode, name: a.current.stepName, limit: a.current.limit, expectedDays: a.current.expectedDays, basis: a.current.basis },
      stepStartedOn: p.state.stepStartedOn,
      elapsedInCurrentStep: a.elapsedInCurrentStep,
      currentStepDue: a.currentStepDue,
      remainingSteps: a.remainingSteps.map((s) => ({
        code: s.stepCode,
        name: s.stepName,
        actorRole: s.actorRole,
        limit: s.limit,
        observedMedian: s.observedMedian,
        expectedDays: s.expectedDays,
        basis: s.basis,
      })),
      remainingWorkingDays: a.remainingWorkingDays,
      projectedDisbursement: a.projectedDisbursement,
      atRisk: a.atRisk,
      mustMoveBy: a.mustMoveBy,
      slackWorkingDays: a.slackWorkingDays,
      revisions: p.state.revisions,
      sample: p.row.sample,
    };
  });
}

/** Median and worst working days per step, per appraiser and per owning unit, over [from, to]. */
export function bottleneckView(rules: Rules, items: readonly Loaded[], today: string, from?: string, to?: string): Omit<TBottlenecks, 'today'> {
  const clockItems: ClockItem[] = items.map((p) => ({
    projectId: p.row.id,
    ownerUnit: p.row.unit_id,
    kind: p.row.kind,
    template: p.template,
    state: stateForClocks(p),
  }));
  const summary = bottlenecks(clockItems, { today, holidays: rules.holidays, roleUnits: rules.roleUnits, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const names = new Map(items.map((p) => [p.row.id, p.row.name]));
  const unitNames = new Map(items.map((p) => [p.row.unit_id, p.row.unit_name]));
  const present = (s: (typeof summary.byStep)[number], label: string) => ({
    key: s.key,
    label,
    count: s.count,
    open: s.open,
    overdue: s.overdue,
    medianDays: s.medianDays,
    worstDays: s.worstDays,
    worstProjectId: s.worstProjectId,
    worstProjectName: names.get(s.worstProjectId) ?? null,
  });
  return {
    from: from ?? null,
    to: to ?? null,
    byStep: summary.byStep.map((s) => present(s, s.label)),
    byAppraiser: summary.byAppraiser.map((s) => present(s, s.label)),
    byOwner: summary.byOwner.map((s) => present(s, unitNames.get(s.key) ?? s.label)),
  };
}
