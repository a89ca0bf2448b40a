import { addDays, assertIsoDate, compareIsoDates, formatIsoDate } from '../calendar/dates';
import { type HolidaySet, addWorkingDays, countWorkingDays, isWorkingDay } from '../calendar/working-days';
import type { Dong } from './money';
import type { ActorRole, PipelineState, PipelineTemplate, ProjectKind } from './pipeline-types';
import { type RoleUnitAssignment, resolveRoleUnit } from './role-units';

/**
 * Early warning: can a funded item still get through its remaining steps and disburse before
 * the money lapses? Each remaining step is expected to take max(its limit, the median actually
 * observed for the unit that will hold it): a limit nobody meets is no plan. The current step
 * keeps what is left of that, at least one working day, because it still has to be acted on.
 */

export type FundingSource = 'public_investment' | 'recurrent' | 'other';

/**
 * Last day money of `fiscalYear` can be disbursed. Public investment: 31/01 of the next year,
 * or 31/12 of the next year for capital added after 30/09 (Luật Đầu tư công 2024 Điều 72).
 * Recurrent budget (and, lacking a rule, other sources): 31/12 of the fiscal year.
 */
export function legalDisbursementDeadline(source: FundingSource, fiscalYear: number, capitalAddedOn?: string): string {
  if (source !== 'public_investment') return formatIsoDate({ year: fiscalYear, month: 12, day: 31 });
  const lateCapital =
    capitalAddedOn !== undefined &&
    compareIsoDates(capitalAddedOn, formatIsoDate({ year: fiscalYear, month: 9, day: 30 })) > 0;
  return lateCapital
    ? formatIsoDate({ year: fiscalYear + 1, month: 12, day: 31 })
    : formatIsoDate({ year: fiscalYear + 1, month: 1, day: 31 });
}

/** The working day `n` working days before the last working day on or before `date`. */
export function latestStartFor(date: string, n: number, holidays: HolidaySet): string {
  let d = assertIsoDate(date);
  while (!isWorkingDay(d, holidays)) d = addDays(d, -1);
  for (let left = n; left > 0; ) {
    d = addDays(d, -1);
    if (isWorkingDay(d, holidays)) left -= 1;
  }
  return d;
}

export interface RiskItem {
  readonly projectId: string;
  readonly ownerUnit: string;
  readonly kind: ProjectKind;
  readonly fundingSource: FundingSource;
  readonly fiscalYear: number;
  /** Funded amount not yet disbursed. */
  readonly amount: Dong;
  readonly template: PipelineTemplate;
  readonly state: PipelineState;
  readonly capitalAddedOn?: string;
}

/** A median from the bottleneck view; a row with stepCode wins over the unit's general one. */
export interface ObservedDuration {
  readonly unit: string;
  readonly stepCode?: string;
  readonly medianDays: number;
}

export interface RiskOptions {
  readonly today: string;
  readonly holidays: HolidaySet;
  readonly roleUnits: readonly RoleUnitAssignment[];
  readonly observed?: readonly ObservedDuration[];
}

export interface RemainingStep {
  readonly stepCode: string;
  readonly stepName: string;
  readonly actorRole: ActorRole;
  /** Unit code of the appraiser/approver, or the owning unit for the owner's steps. */
  readonly holderUnit: string;
  readonly holderName: string | null;
  readonly limit: number;
  readonly observedMedian: number | null;
  readonly expectedDays: number;
  readonly basis: 'limit' | 'observed';
}

export interface RiskAssessment {
  readonly projectId: string;
  readonly ownerUnit: string;
  readonly amount: Dong;
  readonly legalDeadline: string;
  /** Who holds the dossier now; remainingSteps[0] describes the same step. */
  readonly current: RemainingStep;
  readonly elapsedInCurrentStep: number;
  readonly currentStepDue: string;
  readonly remainingSteps: readonly RemainingStep[];
  readonly remainingWorkingDays: number;
  readonly projectedDisbursement: string;
  readonly atRisk: boolean;
  /** Latest day the current step must be finished for the remaining steps to still fit. */
  readonly mustMoveBy: string;
  /** Working days between projection and deadline; negative when late. */
  readonly slackWorkingDays: number;
}

function observedFor(observed: readonly ObservedDuration[], unit: string, stepCode: string): number | null {
  const exact = observed.find((o) => o.unit === unit && o.stepCode === stepCode);
  const general = observed.find((o) => o.unit === unit && o.stepCode === undefined);
  return (exact ?? general)?.medianDays ?? null;
}

function remainingSteps(item: RiskItem, options: RiskOptions, lastIndex: number): RemainingStep[] {
  const out: RemainingStep[] = [];
  for (let i = item.state.stepIndex; i <= lastIndex; i += 1) {
    const step = item.template.steps[i];
    if (!step) continue;
    const role = step.actorRole === 'owner' ? null : resolveRoleUnit(options.roleUnits, step.actorRole, options.today, item.kind);
    const holderUnit = step.actorRole === 'owner' ? item.ownerUnit : (role?.unitCode ?? step.actorRole);
    const observedMedian = observedFor(options.observed ?? [], holderUnit, step.code);
    const observedDays = observedMedian === null ? 0 : Math.ceil(observedMedian);
    const expectedDays = Math.max(step.timeLimitWorkingDays, observedDays);
    out.push({
      stepCode: step.code,
      stepName: step.name,
      actorRole: step.actorRole,
      holderUnit,
      holderName: role?.unitName ?? null,
      limit: step.timeLimitWorkingDays,
      observedMedian,
      expectedDays,
      basis: observedDays > step.timeLimitWorkingDays ? 'observed' : 'limit',
    });
  }
  return out;
}

function assessOne(item: RiskItem, options: RiskOptions): RiskAssessment | null {
  const { today, holidays } = options;
  const lastIndex = item.template.steps.map((s) => s.action).lastIndexOf('disburse');
  if (item.amount <= 0n || item.state.stepIndex > lastIndex) return null;
  const steps = remainingSteps(item, options, lastIndex);
  const [current, ...later] = steps;
  if (!current) return null;
  const elapsed = countWorkingDays(item.state.stepStartedOn, today, holidays);
  const currentLeft = Math.max(1, current.expectedDays - elapsed);
  const rest = later.reduce((sum, s) => sum + s.expectedDays, 0);
  const currentStepDue = addWorkingDays(today, currentLeft, holidays);
  const projected = addWorkingDays(currentStepDue, rest, holidays);
  const legalDeadline = legalDisbursementDeadline(item.fundingSource, item.fiscalYear, item.capitalAddedOn);
  const atRisk = compareIsoDates(projected, legalDeadline) > 0;
  return {
    projectId: item.projectId,
    ownerUnit: item.ownerUnit,
    amount: item.amount,
    legalDeadline,
    current,
    elapsedInCurrentStep: elapsed,
    currentStepDue,
    remainingSteps: steps,
    remainingWorkingDays: currentLeft + rest,
    projectedDisbursement: projected,
    atRisk,
    mustMoveBy: latestStartFor(legalDeadline, rest, holidays),
    slackWorkingDays: atRisk
      ? -countWorkingDays(legalDeadline, projected, holidays)
      : countWorkingDays(projected, legalDeadline, holidays),
  };
}

/** Every item still to disburse, largest amount first (then earliest mustMoveBy, then id). */
export function assessRisk(items: readonly RiskItem[], options: RiskOptions): RiskAssessment[] {
  assertIsoDate(options.today);
  const out: RiskAssessment[] = [];
  for (const item of items) {
    const a = assessOne(item, options);
    if (a) out.push(a);
  }
  return out.sort((a, b) => {
    if (a.amount !== b.amount) return a.amount > b.amount ? -1 : 1;
    const byDate = compareIsoDates(a.mustMoveBy, b.mustMoveBy);
    if (byDate !== 0) return byDate;
    return a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0;
  });
}
