import type { Queryable } from '../../../db/client';
import { lastDayOfYear, parseIsoDate } from '../../../core/calendar/dates';
import type { Pillar } from '../../../core/tasks/pillars';
import { occurrences, type Recurrence } from '../../../core/tasks/recurrence';
import { normalizeText } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import { AppError } from '../../errors';
import { loadHolidaySet } from '../calendar/holidays';
import type { TTask } from '../../../contracts/tasks';
import { auditShape, presentTask } from './model';
import { insertTaskRow, refreshSearch, replaceCoordinators, replaceOpenOccurrences, taskRowById, unitsByIds } from './queries';

export interface NewTask {
  documentId?: string | null;
  title: string;
  description?: string | null;
  leadUnitId: string;
  leadGroupText?: string | null;
  coordinatorUnitIds?: readonly string[];
  assignedOn: string;
  deadline?: string | null;
  deadlineText?: string | null;
  recurrence?: Recurrence | null;
  pillar?: Pillar | null;
  sourceText?: string | null;
  sourceStart?: number | null;
  sourceEnd?: number | null;
  sample?: boolean;
  createdBy?: string | null;
}

/** At most this many occurrences are generated ahead for one recurring task. */
const MAX_OCCURRENCES = 120;

/**
 * Occurrences of a recurring task, from the first period after it was assigned to its
 * deadline (or the end of that year when it has none), moved off weekends and holidays.
 */
export async function generateOccurrences(tx: Queryable, taskId: string, recurrence: Recurrence, assignedOn: string, deadline: string | null): Promise<number> {
  const end = deadline ?? lastDayOfYear(parseIsoDate(assignedOn).year);
  const holidays = await loadHolidaySet(tx);
  const dates = occurrences(recurrence, assignedOn, end, { holidays }).filter((d) => d > assignedOn).slice(0, MAX_OCCURRENCES);
  await replaceOpenOccurrences(tx, taskId, dates);
  return dates.length;
}

/** A unit must exist on the day the task is assigned (a directive of 2020 goes to Sở TT&TT, not to its 2025 successor). */
export async function checkUnits(tx: Queryable, ids: readonly string[], on: string, field: string): Promise<Map<string, string>> {
  const found = await unitsByIds(tx, ids);
  const byId = new Map(found.map((u) => [u.id, u]));
  for (const id of ids) {
    const u = byId.get(id);
    if (!u) throw new AppError('VALIDATION', 'Đơn vị không tồn tại', field);
    if (u.valid_from > on || (u.valid_to !== null && u.valid_to < on)) {
      throw new AppError('VALIDATION', `${u.name} không còn hoạt động vào ngày giao nhiệm vụ`, field);
    }
  }
  return new Map(found.map((u) => [u.id, u.name]));
}

/** Inserts one task inside the caller's transaction and audits it. */
export async function insertTask(tx: Queryable, ctx: AuditContext, input: NewTask, now: Date, today: string): Promise<TTask> {
  const title = normalizeText(input.title);
  if (!title) throw new AppError('VALIDATION', 'Nội dung nhiệm vụ không được để trống', 'title');
  const coordinators = [...new Set(input.coordinatorUnitIds ?? [])].filter((id) => id !== input.leadUnitId);
  await checkUnits(tx, [input.leadUnitId], input.assignedOn, 'leadUnitId');
  await checkUnits(tx, coordinators, input.assignedOn, 'coordinatorUnitIds');
  const deadline = input.deadline ?? null;
  if (deadline && deadline < input.assignedOn) throw new AppError('VALIDATION', 'Hạn xử lý không được trước ngày giao', 'deadline');
  const id = await insertTaskRow(
    tx,
    {
      document_id: input.documentId ?? null,
      title,
      description: input.description ? normalizeText(input.description) : null,
      lead_unit_id: input.leadUnitId,
      lead_group_text: input.leadGroupText ?? null,
      assigned_on: input.assignedOn,
      deadline,
      deadline_text: input.deadlineText ?? null,
      recurrence: input.recurrence ?? null,
      pillar: input.pillar ?? null,
      source_text: input.sourceText ?? null,
      source_start: input.sourceStart ?? null,
      source_end: input.sourceEnd ?? null,
      sample: input.sample ?? false,
      created_by: input.createdBy ?? null,
    },
    now.toISOString(),
  );
  await replaceCoordinators(tx, id, coordinators);
  if (input.recurrence) await generateOccurrences(tx, id, input.recurrence, input.assignedOn, deadline);
  await refreshSearch(tx, id);
  const view = presentTask((await taskRowById(tx, id))!, today);
  await recordAudit(tx, ctx, { action: 'create', entity: 'task', entityId: id, after: auditShape(view) });
  return view;
}
