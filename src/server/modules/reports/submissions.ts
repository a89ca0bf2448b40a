import type { Queryable } from '../../../db/client';
import { recordAudit, type AuditContext } from '../../audit';
import { today, type Deps, type SessionActor } from '../../context';
import { AppError, alreadyCreated, notFound, staleVersion } from '../../errors';
import { checkValue } from '../indicators/check-value';
import { indicatorById, unitInfo } from '../indicators/queries';
import { writeValues, type ValueWrite } from '../indicators/values';
import { loadHolidaySet } from '../calendar/holidays';
import {
  presentSubmission,
  regimeById,
  regimeFields,
  regimeUnits,
  submissionById,
  submissionByKey,
  submissionEvents,
  type Answer,
  type FieldRow,
  type SubmissionRow,
  type SubmissionStatus,
} from './queries';
import { assertRegimePeriod, loadRegime, periodInfo } from './regimes';
import { timelinessOf, unitsInPeriod } from './timeliness';

const STATUS_LABEL: Record<SubmissionStatus, string> = { draft: 'đang soạn', submitted: 'đã nộp', returned: 'bị trả lại', approved: 'đã duyệt' };

const illegal = (s: SubmissionStatus, action: string) => new AppError('ILLEGAL_TRANSITION', `Báo cáo ${STATUS_LABEL[s]}: không thể ${action}`);

async function event(tx: Queryable, ctx: AuditContext, id: string, action: string, from: SubmissionStatus | null, to: SubmissionStatus, reason?: string | null) {
  await tx.query('insert into report_submission_events (submission_id, actor_id, actor_name, action, from_status, to_status, reason) values ($1, $2, $3, $4, $5, $6, $7)', [
    id, ctx.actorId, ctx.actorName, action, from, to, reason ?? null,
  ]);
}

/** Keeps only answers to the regime's own fields, in the shape each field takes. */
function cleanAnswers(fields: readonly FieldRow[], answers: Record<string, Answer>): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const [id, a] of Object.entries(answers)) {
    const f = fields.find((x) => x.id === id);
    if (!f) throw new AppError('VALIDATION', 'Biểu mẫu không có trường này (biểu mẫu đã thay đổi? hãy tải lại trang)', `answers.${id}`);
    if (f.kind === 'text') {
      const text = (a.text ?? '').trim();
      if (text.length > 20_000) throw new AppError('VALIDATION', `Phần "${f.label}" quá dài (tối đa 20.000 ký tự)`, `answers.${id}.text`);
      out[id] = { text };
    } else {
      out[id] = { value: a.value ?? null, numerator: a.numerator ?? null, denominator: a.denominator ?? null };
    }
  }
  return out;
}

/** The form of a unit's report for a period: regime, deadline, the submission (or none yet), its history. */
export async function submissionView(deps: Deps, regimeId: string, unitId: string, period: string) {
  const regime = await loadRegime(deps.db, regimeId);
  const row = (await regimeById(deps.db, regimeId))!;
  assertRegimePeriod(row, period);
  const info = periodInfo(row, period, await loadHolidaySet(deps.db));
  const sub = await submissionByKey(deps.db, regimeId, unitId, period);
  const day = today(deps);
  const unit = await unitInfo(deps.db, unitId);
  if (!unit) throw notFound('đơn vị');
  return {
    regime,
    unit: { id: unit.id, name: unit.name, code: unit.code },
    period: info,
    submission: sub ? presentSubmission(sub) : null,
    timeliness: timelinessOf(sub, info.deadline, day),
    events: sub ? await submissionEvents(deps.db, sub.id) : [],
  };
}

export interface SaveInput {
  unitId: string;
  period: string;
  answers: Record<string, Answer>;
  /** 0 (or omitted) for a new report; the version seen otherwise. */
  version?: number;
}

/** Saves the unit's report as it is being written; values only reach the fact table on submit. */
export async function saveDraft(deps: Deps, ctx: AuditContext, regimeId: string, input: SaveInput) {
  return deps.db.transaction(async (tx) => {
    const regime = await regimeById(tx, regimeId);
    if (!regime) throw notFound('chế độ báo cáo');
    assertRegimePeriod(regime, input.period);
    const reporting = unitsInPeriod(await regimeUnits(tx, regimeId), input.period);
    if (!reporting.some((u) => u.unit_id === input.unitId)) throw new AppError('VALIDATION', 'Đơn vị không thuộc đối tượng báo cáo của chế độ này trong kỳ', 'unitId');
    const answers = cleanAnswers(await regimeFields(tx, regimeId), input.answers);
    const current = await submissionByKey(tx, regimeId, input.unitId, input.period);
    if (!current) {
      if (input.version) throw staleVersion();
      const unit = (await unitInfo(tx, input.unitId))!;
      const rows = await tx.query<{ id: string }>(
        `insert into report_submissions (province_id, regime_id, unit_id, period, status, answers) values ($1, $2, $3, $4, 'draft', $5)
         on conflict (regime_id, unit_id, period) do nothing returning id`,
        [unit.province_id, regimeId, input.unitId, input.period, JSON.stringify(answers)],
      );
      if (!rows[0]) throw alreadyCreated();
      await event(tx, ctx, rows[0].id, 'save', null, 'draft');
      const after = presentSubmission((await submissionById(tx, rows[0].id))!);
      await recordAudit(tx, ctx, { action: 'create', entity: 'report_submission', entityId: after.id, after });
      return after;
    }
    if (!input.version) throw alreadyCreated();
    if (input.version !== current.version) throw staleVersion();
    if (current.status === 'submitted' || current.status === 'approved') throw illegal(current.status, 'sửa (cần được trả lại trước)');
    const saved = await tx.query('update report_submissions set answers = $2, version = version + 1, updated_at = now() where id = $1 and version = $3 returning id', [
      current.id, JSON.stringify(answers), input.version,
    ]);
    if (saved.length === 0) throw staleVersion();
    await event(tx, ctx, current.id, 'save', current.status, current.status);
    const after = presentSubmission((await submissionById(tx, current.id))!);
    await recordAudit(tx, ctx, { action: 'update', entity: 'report_submission', entityId: current.id, before: presentSubmission(current), after });
    return after;
  });
}

async function loadForTransition(tx: Queryable, id: string, version: number): Promise<SubmissionRow> {
  const s = await submissionById(tx, id);
  if (!s) throw notFound('báo cáo');
  // One statement checks and claims the version (and locks the row): of simultaneous
  // transitions from one version exactly one goes on; the image read above is then exact.
  const claimed = await tx.query('update report_submissions set version = version + 1 where id = $1 and version = $2 returning id', [id, version]);
  if (claimed.length === 0) throw staleVersion();
  return s;
}

/** Unit of a submission, for the route's authorisation before any change. */
export async function submissionUnit(db: Queryable, id: string): Promise<string> {
  const s = await submissionById(db, id);
  if (!s) throw notFound('báo cáo');
  return s.unit_id;
}

/**
 * Sends the report: required fields answered, every indicator value passes the same checks
 * as a typed value; the values enter the fact table as 'submitted' with the submission's id.
 */
export async function submit(deps: Deps, ctx: AuditContext, actor: SessionActor, id: string, version: number) {
  return deps.db.transaction(async (tx) => {
    const s = await loadForTransition(tx, id, version);
    if (s.status !== 'draft' && s.status !== 'returned') throw illegal(s.status, 'nộp lại');
    const fields = await regimeFields(tx, s.regime_id);
    const unit = (await unitInfo(tx, s.unit_id))!;
    const now = deps.now().toISOString();
    const writes: ValueWrite[] = [];
    for (const f of fields) {
      const a = s.answers[f.id];
      if (f.kind === 'text') {
        if (f.required && !a?.text?.trim()) throw new AppError('VALIDATION', `Chưa viết phần bắt buộc "${f.label}"`, `answers.${f.id}.text`);
        continue;
      }
      const empty = !a || (a.value == null && a.numerator == null && a.denominator == null);
      if (empty) {
        if (f.required) throw new AppError('VALIDATION', `Chưa nhập số liệu bắt buộc "${f.label}"`, `answers.${f.id}`);
        continue;
      }
      const indicator = (await indicatorById(tx, f.indicator_id!))!;
      const checked = checkValue(indicator, unit, { period: s.period, value: a.value, numerator: a.numerator, denominator: a.denominator });
      const p = checked.problems[0];
      if (p || !checked.value) throw new AppError('VALIDATION', `${f.label}: ${p?.message ?? 'giá trị không hợp lệ'}`, `answers.${f.id}.${p?.field ?? 'value'}`);
      writes.push({ ...checked.value, status: 'submitted', origin: 'report', submissionId: s.id, enteredBy: actor.id, enteredByName: actor.username, enteredAt: now });
    }
    await writeValues(tx, writes);
    await tx.query(
      `update report_submissions set status = 'submitted', submitted_at = $2, submitted_by = $3, first_submitted_at = coalesce(first_submitted_at, $2),
              return_reason = null, updated_at = now() where id = $1`,
      [id, now, actor.id],
    );
    await event(tx, ctx, id, 'submit', s.status, 'submitted');
    const after = presentSubmission((await submissionById(tx, id))!);
    await recordAudit(tx, ctx, { action: 'submit', entity: 'report_submission', entityId: id, before: presentSubmission(s), after });
    return after;
  });
}

/** Sends the report back with a reason; its values stop counting until it is submitted again. */
export async function returnSubmission(deps: Deps, ctx: AuditContext, actor: SessionActor, id: string, version: number, reason: string) {
  return deps.db.transaction(async (tx) => {
    const s = await loadForTransition(tx, id, version);
    if (s.status !== 'submitted' && s.status !== 'approved') throw illegal(s.status, 'trả lại');
    await tx.query(`update indicator_values set status = 'returned', version = version + 1 where submission_id = $1`, [id]);
    await tx.query(
      `update report_submissions set status = 'returned', decided_at = $2, decided_by = $3, return_reason = $4, updated_at = now() where id = $1`,
      [id, deps.now().toISOString(), actor.id, reason],
    );
    await event(tx, ctx, id, 'return', s.status, 'returned', reason);
    const after = presentSubmission((await submissionById(tx, id))!);
    await recordAudit(tx, ctx, { action: 'return', entity: 'report_submission', entityId: id, before: presentSubmission(s), after });
    return after;
  });
}

export async function approve(deps: Deps, ctx: AuditContext, actor: SessionActor, id: string, version: number) {
  return deps.db.transaction(async (tx) => {
    const s = await loadForTransition(tx, id, version);
    if (s.status !== 'submitted') throw illegal(s.status, 'duyệt');
    await tx.query(`update indicator_values set status = 'approved', version = version + 1 where submission_id = $1`, [id]);
    await tx.query(`update report_submissions set status = 'approved', decided_at = $2, decided_by = $3, updated_at = now() where id = $1`, [
      id, deps.now().toISOString(), actor.id,
    ]);
    await event(tx, ctx, id, 'approve', s.status, 'approved');
    const after = presentSubmission((await submissionById(tx, id))!);
    await recordAudit(tx, ctx, { action: 'approve', entity: 'report_submission', entityId: id, before: presentSubmission(s), after });
    return after;
  });
}
