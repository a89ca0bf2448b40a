import { compareIsoDates } from '../calendar/dates';
import { type HolidaySet, countWorkingDays } from '../calendar/working-days';
import type { ActorRole, PipelineState, PipelineTemplate, ProjectKind } from './pipeline-types';
import { type RoleUnitAssignment, resolveRoleUnit } from './role-units';

/**
 * Time a dossier spends at each step, in working days (start day excluded, end day included),
 * against the step's limit. A return for revision closes the appraiser's visit and opens a new
 * one at the owner: each visit is timed on its own, as appraisal limits run "from a complete
 * dossier" and restart after the owner revises it.
 */

export type VisitOutcome = 'completed' | 'returned' | 'open';

export interface StepVisit {
  readonly stepIndex: number;
  readonly stepCode: string;
  readonly stepName: string;
  readonly actorRole: ActorRole;
  readonly enteredOn: string;
  readonly leftOn: string | null;
  readonly outcome: VisitOutcome;
  readonly workingDays: number;
  readonly limit: number;
  readonly overdue: boolean;
  /** Working days beyond the limit; 0 when within it. */
  readonly overdueBy: number;
}

export function stepVisits(
  template: PipelineTemplate,
  state: PipelineState,
  today: string,
  holidays: HolidaySet,
): StepVisit[] {
  const out: StepVisit[] = [];
  const close = (index: number, enteredOn: string, leftOn: string | null, outcome: VisitOutcome): void => {
    const step = template.steps[index];
    if (!step) return;
    const workingDays = countWorkingDays(enteredOn, leftOn ?? today, holidays);
    const overdueBy = Math.max(0, workingDays - step.timeLimitWorkingDays);
    out.push({
      stepIndex: index,
      stepCode: step.code,
      stepName: step.name,
      actorRole: step.actorRole,
      enteredOn,
      leftOn,
      outcome,
      workingDays,
      limit: step.timeLimitWorkingDays,
      overdue: overdueBy > 0,
      overdueBy,
    });
  };
  let index = 0;
  let enteredOn = state.startedOn;
  for (const r of state.history) {
    if (r.toStep === r.fromStep) continue;
    close(r.fromStep, enteredOn, r.date, r.action === 'return_for_revision' ? 'returned' : 'completed');
    index = r.toStep;
    enteredOn = r.date;
  }
  if (index < template.steps.length) close(index, enteredOn, null, 'open');
  return out;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] ?? 0;
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface ClockItem {
  readonly projectId: string;
  readonly ownerUnit: string;
  readonly kind: ProjectKind;
  readonly template: PipelineTemplate;
  readonly state: PipelineState;
}

export interface BottleneckOptions {
  readonly today: string;
  readonly holidays: HolidaySet;
  readonly roleUnits: readonly RoleUnitAssignment[];
  /** Visits overlapping [from, to] count; open visits run to `today`. */
  readonly from?: string;
  readonly to?: string;
}

export interface DurationStats {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly open: number;
  readonly overdue: number;
  readonly medianDays: number;
  readonly worstDays: number;
  readonly worstProjectId: string;
}

export interface BottleneckSummary {
  readonly byStep: readonly DurationStats[];
  /** Technical and finance appraisal visits, by the unit holding the role when the visit began. */
  readonly byAppraiser: readonly DurationStats[];
  /** The owner's own steps (preparing, revising, contracting …), by owning unit. */
  readonly byOwner: readonly DurationStats[];
}

interface Sample {
  readonly projectId: string;
  readonly visit: StepVisit;
}

function inPeriod(v: StepVisit, today: string, from?: string, to?: string): boolean {
  if (to !== undefined && compareIsoDates(v.enteredOn, to) > 0) return false;
  return from === undefined || compareIsoDates(v.leftOn ?? today, from) >= 0;
}

function statsOf(groups: Map<string, { label: string; samples: Sample[] }>): DurationStats[] {
  const out: DurationStats[] = [];
  for (const [key, { label, samples }] of groups) {
    let worst = samples[0];
    for (const s of samples) {
      if (!worst || s.visit.workingDays > worst.visit.workingDays) worst = s;
      else if (s.visit.workingDays === worst.visit.workingDays && s.projectId < worst.projectId) worst = s;
    }
    out.push({
      key,
      label,
      count: samples.length,
      open: samples.filter((s) => s.visit.outcome === 'open').length,
      overdue: samples.filter((s) => s.visit.overdue).length,
      medianDays: median(samples.map((s) => s.visit.workingDays)),
      worstDays: worst?.visit.workingDays ?? 0,
      worstProjectId: worst?.projectId ?? '',
    });
  }
  // Slowest first: this is the list a leader reads top down.
  return out.sort((a, b) => b.medianDays - a.medianDays || b.worstDays - a.worstDays || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function add(groups: Map<string, { label: string; samples: Sample[] }>, key: string, label: string, s: Sample): void {
  const g = groups.get(key);
  if (g) g.samples.push(s);
  else groups.set(key, { label, samples: [s] });
}

export function bottlenecks(items: readonly ClockItem[], options: BottleneckOptions): BottleneckSummary {
  const { today, holidays, roleUnits, from, to } = options;
  const byStep = new Map<string, { label: string; samples: Sample[] }>();
  const byAppraiser = new Map<string, { label: string; samples: Sample[] }>();
  const byOwner = new Map<string, { label: string; samples: Sample[] }>();
  for (const item of items) {
    for (const visit of stepVisits(item.template, item.state, today, holidays)) {
      if (!inPeriod(visit, today, from, to)) continue;
      const sample = { projectId: item.projectId, visit };
      add(byStep, visit.stepCode, visit.stepName, sample);
      if (visit.actorRole === 'owner') add(byOwner, item.ownerUnit, item.ownerUnit, sample);
      if (visit.actorRole === 'technical_appraiser' || visit.actorRole === 'finance_appraiser') {
        const unit = resolveRoleUnit(roleUnits, visit.actorRole, visit.enteredOn, item.kind);
        add(byAppraiser, unit?.unitCode ?? `?${visit.actorRole}`, unit?.unitName ?? visit.actorRole, sample);
      }
    }
  }
  return { byStep: statsOf(byStep), byAppraiser: statsOf(byAppraiser), byOwner: statsOf(byOwner) };
}
