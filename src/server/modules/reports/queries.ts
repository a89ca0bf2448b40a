import type { Queryable } from '../../../db/client';
import type { PeriodType } from '../../../core/periods/period-key';
import type { DeadlineRule } from '../../../core/periods/deadline';

export type ReportKind = 'periodic' | 'thematic' | 'ad_hoc';
export type SubmissionStatus = 'draft' | 'submitted' | 'returned' | 'approved';

export interface RegimeRow {
  id: string;
  province_id: string;
  code: string;
  title: string;
  content: string;
  report_kind: ReportKind;
  period_type: PeriodType;
  deadline_rule: DeadlineRule;
  receiving_unit_id: string;
  receiving_unit_name: string;
  sending_method: string;
  legal_basis: string | null;
  valid_from: string;
  valid_to: string | null;
  sample: boolean;
  version: number;
}

export interface FieldRow {
  id: string;
  regime_id: string;
  position: number;
  kind: 'indicator' | 'text';
  indicator_id: string | null;
  indicator_code: string | null;
  indicator_kind: 'raw' | 'ratio' | 'formula' | null;
  unit_of_measure: string | null;
  numerator_label: string | null;
  denominator_label: string | null;
  label: string;
  required: boolean;
}

export interface RegimeUnitRow {
  unit_id: string;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  valid_from: string;
  valid_to: string | null;
}

const SELECT_REGIMES = `
  select r.id, r.province_id, r.code, r.title, r.content, r.report_kind, r.period_type, r.deadline_rule, r.receiving_unit_id,
         u.name as receiving_unit_name, r.sending_method, r.legal_basis, r.valid_from, r.valid_to, r.sample, r.version
    from report_regimes r join units u on u.id = r.receiving_unit_id`;

export async function regimeById(db: Queryable, id: string): Promise<RegimeRow | undefined> {
  return (await db.query<RegimeRow>(`${SELECT_REGIMES} where r.id = $1`, [id]))[0];
}

/** All regimes, or those a unit scope reports under or receives. */
export function listRegimes(db: Queryable, scope: readonly string[] | null): Promise<RegimeRow[]> {
  return db.query<RegimeRow>(
    `${SELECT_REGIMES}
      where $1::uuid[] is null or r.receiving_unit_id = any($1::uuid[])
         or exists (select 1 from report_regime_units ru where ru.regime_id = r.id and ru.unit_id = any($1::uuid[]))
      order by r.valid_from desc, r.title`,
    [scope],
  );
}

export function regimeFields(db: Queryable, regimeId: string): Promise<FieldRow[]> {
  return db.query<FieldRow>(
    `select f.id, f.regime_id, f.position, f.kind, f.indicator_id, i.code as indicator_code, i.kind as indicator_kind, i.unit_of_measure,
            i.numerator_label, i.denominator_label, f.label, f.required
       from report_regime_fields f left join indicators i on i.id = f.indicator_id
      where f.regime_id = $1 order by f.position`,
    [regimeId],
  );
}

export function regimeUnits(db: Queryable, regimeId: string): Promise<RegimeUnitRow[]> {
  return db.query<RegimeUnitRow>(
    `select u.id as unit_id, u.code, u.name, u.short_name, u.kind, u.valid_from, u.valid_to
       from report_regime_units ru join units u on u.id = ru.unit_id
      where ru.regime_id = $1
      order by case u.kind when 'department' then 0 when 'agency' then 1 when 'district' then 2 else 3 end, u.name`,
    [regimeId],
  );
}

export function presentField(f: FieldRow) {
  return {
    id: f.id,
    position: f.position,
    kind: f.kind,
    indicatorId: f.indicator_id,
    indicatorCode: f.indicator_code,
    indicatorKind: f.indicator_kind,
    unitOfMeasure: f.unit_of_measure,
    numeratorLabel: f.numerator_label,
    denominatorLabel: f.denominator_label,
    label: f.label,
    required: f.required,
  };
}

export function presentRegime(r: RegimeRow, fields: FieldRow[], units: RegimeUnitRow[]) {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    content: r.content,
    reportKind: r.report_kind,
    periodType: r.period_type,
    deadlineRule: r.deadline_rule,
    receivingUnitId: r.receiving_unit_id,
    receivingUnitName: r.receiving_unit_name,
    sendingMethod: r.sending_method,
    legalBasis: r.legal_basis,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    sample: r.sample,
    version: r.version,
    fields: fields.map(presentField),
    units: units.map((u) => ({ id: u.unit_id, code: u.code, name: u.name, shortName: u.short_name, kind: u.kind, validFrom: u.valid_from, validTo: u.valid_to })),
  };
}

export interface Answer {
  text?: string | null;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface SubmissionRow {
  id: string;
  province_id: string;
  regime_id: string;
  unit_id: string;
  unit_name: string;
  period: string;
  status: SubmissionStatus;
  answers: Record<string, Answer>;
  submitted_at: string | null;
  submitted_by_name: string | null;
  first_submitted_at: string | null;
  decided_at: string | null;
  decided_by_name: string | null;
  return_reason: string | null;
  sample: boolean;
  version: number;
  updated_at: string;
}

const SELECT_SUBMISSIONS = `
  select s.id, s.province_id, s.regime_id, s.unit_id, u.name as unit_name, s.period, s.status, s.answers, s.submitted_at,
         sb.username as submitted_by_name, s.first_submitted_at, s.decided_at, db.username as decided_by_name, s.return_reason,
         s.sample, s.version, s.updated_at
    from report_submissions s join units u on u.id = s.unit_id
    left join users sb on sb.id = s.submitted_by left join users db on db.id = s.decided_by`;

export async function submissionById(db: Queryable, id: string): Promise<SubmissionRow | undefined> {
  return (await db.query<SubmissionRow>(`${SELECT_SUBMISSIONS} where s.id = $1`, [id]))[0];
}

export async function submissionByKey(db: Queryable, regimeId: string, unitId: string, period: string): Promise<SubmissionRow | undefined> {
  return (await db.query<SubmissionRow>(`${SELECT_SUBMISSIONS} where s.regime_id = $1 and s.unit_id = $2 and s.period = $3`, [regimeId, unitId, period]))[0];
}

export function submissionsOfPeriod(db: Queryable, regimeId: string, period: string): Promise<SubmissionRow[]> {
  return db.query<SubmissionRow>(`${SELECT_SUBMISSIONS} where s.regime_id = $1 and s.period = $2`, [regimeId, period]);
}

export function presentSubmission(s: SubmissionRow) {
  return {
    id: s.id,
    regimeId: s.regime_id,
    unitId: s.unit_id,
    unitName: s.unit_name,
    period: s.period,
    status: s.status,
    answers: s.answers,
    submittedAt: s.submitted_at,
    submittedBy: s.submitted_by_name,
    firstSubmittedAt: s.first_submitted_at,
    decidedAt: s.decided_at,
    decidedBy: s.decided_by_name,
    returnReason: s.return_reason,
    sample: s.sample,
    version: s.version,
  };
}

export async function submissionEvents(db: Queryable, submissionId: string) {
  const rows = await db.query<{ at: string; actor_name: string; action: string; from_status: string | null; to_status: string; reason: string | null }>(
    'select at, actor_name, action, from_status, to_status, reason from report_submission_events where submission_id = $1 order by at, id',
    [submissionId],
  );
  return rows.map((e) => ({ at: e.at, actor: e.actor_name, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, reason: e.reason }));
}
