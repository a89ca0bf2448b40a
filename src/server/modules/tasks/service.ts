import { createHash } from 'node:crypto';
import type { Pillar } from '../../../core/tasks/pillars';
import type { Recurrence } from '../../../core/tasks/recurrence';
import { normalizeText } from '../../../core/text/fold';
import type { AuditContext } from '../../audit';
import type { Deps, SessionActor } from '../../context';
import { AppError } from '../../errors';
import { checkUnits, generateOccurrences, insertTask, type NewTask } from './create';
import { type TaskView } from './model';
import { mutateTask } from './mutate';
import { replaceCoordinators } from './queries';
import { vnToday } from '../../../core/calendar/timestamps';

type Check = (task: TaskView) => void;

export async function createTask(deps: Deps, ctx: AuditContext, input: NewTask): Promise<TaskView> {
  const now = deps.now();
  return deps.db.transaction((tx) => insertTask(tx, ctx, input, now, vnToday(now)));
}

export interface UpdateTaskInput {
  version: number;
  title?: string;
  description?: string | null;
  pillar?: Pillar | null;
  leadUnitId?: string;
  coordinatorUnitIds?: string[];
  deadline?: string | null;
  deadlineText?: string | null;
  recurrence?: Recurrence | null;
}

/** Fields a coordinator decides (who does it, by when); the others the lead unit may correct. */
export const MANAGED_FIELDS = ['leadUnitId', 'coordinatorUnitIds', 'deadline', 'deadlineText', 'recurrence'] as const;

export async function updateTask(deps: Deps, ctx: AuditContext, id: string, input: UpdateTaskInput, check: Check) {
  return (
    await mutateTask(deps, ctx, id, input.version, 'update', {
      check,
      apply: async ({ tx, task }) => {
        const leadUnitId = input.leadUnitId ?? task.leadUnit.id;
        if (input.leadUnitId) await checkUnits(tx, [input.leadUnitId], task.assignedOn, 'leadUnitId');
        if (input.coordinatorUnitIds) await checkUnits(tx, input.coordinatorUnitIds, task.assignedOn, 'coordinatorUnitIds');
        const deadline = input.deadline === undefined ? task.deadline : input.deadline;
        if (deadline && deadline < task.assignedOn) throw new AppError('VALIDATION', 'Hạn xử lý không được trước ngày giao', 'deadline');
        const title = input.title === undefined ? task.title : normalizeText(input.title);
        if (!title) throw new AppError('VALIDATION', 'Nội dung nhiệm vụ không được để trống', 'title');
        const recurrence = input.recurrence === undefined ? task.recurrence : input.recurrence;
        await tx.query(
          `update tasks set title = $2, description = $3, pillar = $4, lead_unit_id = $5, deadline = $6,
                  original_deadline = coalesce(original_deadline, $6), deadline_text = $7, recurrence = $8, lead_group_text = $9
            where id = $1`,
          [
            id,
            title,
            input.description === undefined ? task.description : input.description ? normalizeText(input.description) : null,
            input.pillar === undefined ? task.pillar : input.pillar,
            leadUnitId,
            deadline,
            input.deadlineText === undefined ? (input.deadline === undefined ? task.deadlineText : null) : input.deadlineText,
            recurrence,
            leadUnitId === task.leadUnit.id ? task.leadGroupText : null,
          ],
        );
        if (input.coordinatorUnitIds) await replaceCoordinators(tx, id, input.coordinatorUnitIds.filter((u) => u !== leadUnitId));
        else if (input.leadUnitId) await tx.query('delete from task_coordinators where task_id = $1 and unit_id = $2', [id, leadUnitId]);
        if (recurrence !== task.recurrence || (recurrence && deadline !== task.deadline)) {
          if (recurrence) await generateOccurrences(tx, id, recurrence, task.assignedOn, deadline);
          else await tx.query('delete from task_occurrences where task_id = $1 and reported_on is null', [id]);
        }
      },
    })
  ).task;
}

export interface ProgressInput {
  version: number;
  percent: number;
  note: string;
  occurrenceDueOn?: string | null;
  file?: { filename: string; mimetype: string; buffer: Buffer } | null;
}

export async function addProgress(deps: Deps, ctx: AuditContext, actor: SessionActor, id: string, input: ProgressInput, check: Check) {
  return mutateTask(deps, ctx, id, input.version, 'progress', {
    check,
    apply: async ({ tx, task, now, today }) => {
      if (task.done) throw new AppError('ILLEGAL_TRANSITION', 'Nhiệm vụ đã hoàn thành; cần mở lại trước khi báo cáo tiến độ', 'version');
      let fileId: string | null = null;
      if (input.file) {
        const f = await tx.query<{ id: string }>(
          'insert into files (filename, mime_type, size_bytes, sha256, content, uploaded_by, uploaded_at) values ($1, $2, $3, $4, $5, $6, $7) returning id',
          [input.file.filename, input.file.mimetype, input.file.buffer.length, createHash('sha256').update(input.file.buffer).digest('hex'), input.file.buffer, actor.id, now.toISOString()],
        );
        fileId = f[0]!.id;
      }
      const u = await tx.query<{ id: string }>(
        `insert into task_updates (task_id, kind, percent, note, file_id, author_id, author_name, unit_id, created_at)
         values ($1, 'progress', $2, $3, $4, $5, $6, $7, $8) returning id`,
        [id, input.percent, normalizeText(input.note), fileId, actor.id, actor.fullName, actor.unitId, now.toISOString()],
      );
      // The lead unit's report moves the task's percentage; a coordinator's adds to the record.
      const isLead = actor.scope.has(task.leadUnit.id) || !task.coordinators.some((c) => actor.scope.has(c.id));
      await tx.query(
        `update tasks set last_progress_at = $2, progress_percent = case when $3 then $4 else progress_percent end where id = $1`,
        [id, now.toISOString(), isLead, input.percent],
      );
      let occurrence: string | null = null;
      if (task.recurrence) {
        const o = await tx.query<{ due_on: string }>(
          `update task_occurrences set reported_on = $3
            where task_id = $1 and due_on = coalesce($2::date, (select min(due_on) from task_occurrences where task_id = $1 and reported_on is null))
              and reported_on is null returning due_on`,
          [id, input.occurrenceDueOn ?? null, today],
        );
        occurrence = o[0]?.due_on ?? null;
      }
      return { updateId: u[0]!.id, percent: input.percent, note: normalizeText(input.note), fileId, fileName: input.file?.filename ?? null, occurrence };
    },
    auditExtra: (r) => ({ update: r }),
  });
}

export interface CompleteInput {
  version: number;
  completedOn?: string;
  note?: string;
}

export async function completeTask(deps: Deps, ctx: AuditContext, actor: SessionActor, id: string, input: CompleteInput, check: Check) {
  return (
    await mutateTask(deps, ctx, id, input.version, 'complete', {
      check,
      apply: async ({ tx, task, now, today }) => {
        if (task.done) throw new AppError('ILLEGAL_TRANSITION', 'Nhiệm vụ đã được báo hoàn thành', 'version');
        const on = input.completedOn ?? today;
        if (on > today) throw new AppError('VALIDATION', 'Ngày hoàn thành không được sau hôm nay', 'completedOn');
        if (on < task.assignedOn) throw new AppError('VALIDATION', 'Ngày hoàn thành không được trước ngày giao', 'completedOn');
        await tx.query('update tasks set completed_on = $2, progress_percent = 100, last_progress_at = $3 where id = $1', [id, on, now.toISOString()]);
        const u = await tx.query<{ id: string }>(
          `insert into task_updates (task_id, kind, percent, note, author_id, author_name, unit_id, created_at) values ($1, 'complete', 100, $2, $3, $4, $5, $6) returning id`,
          [id, input.note ? normalizeText(input.note) : null, actor.id, actor.fullName, actor.unitId, now.toISOString()],
        );
        // A refusal is implied: a finished task no longer waits for a new deadline.
        await tx.query(`update task_extensions set status = 'refused', decided_at = $2, decided_by_name = 'hệ thống', decision_note = 'Nhiệm vụ đã hoàn thành' where task_id = $1 and status = 'pending'`, [id, now.toISOString()]);
        return { updateId: u[0]!.id, completedOn: on, note: input.note ?? null };
      },
      auditExtra: (r) => ({ update: r }),
    })
  ).task;
}

export async function reopenTask(deps: Deps, ctx: AuditContext, actor: SessionActor, id: string, input: { version: number; note: string }, check: Check) {
  return (
    await mutateTask(deps, ctx, id, input.version, 'reopen', {
      check,
      apply: async ({ tx, task, now }) => {
        if (!task.done) throw new AppError('ILLEGAL_TRANSITION', 'Nhiệm vụ chưa hoàn thành', 'version');
        await tx.query('update tasks set completed_on = null where id = $1', [id]);
        const u = await tx.query<{ id: string }>(
          `insert into task_updates (task_id, kind, note, author_id, author_name, unit_id, created_at) values ($1, 'reopen', $2, $3, $4, $5, $6) returning id`,
          [id, normalizeText(input.note), actor.id, actor.fullName, actor.unitId, now.toISOString()],
        );
        return { updateId: u[0]!.id, note: normalizeText(input.note) };
      },
      auditExtra: (r) => ({ update: r }),
    })
  ).task;
}

export async function requestExtension(
  deps: Deps,
  ctx: AuditContext,
  actor: SessionActor,
  id: string,
  input: { version: number; requestedDeadline: string; reason: string },
  check: Check,
) {
  return (
    await mutateTask(deps, ctx, id, input.version, 'extension_request', {
      check,
      apply: async ({ tx, task, now }) => {
        if (task.done) throw new AppError('ILLEGAL_TRANSITION', 'Nhiệm vụ đã hoàn thành, không cần gia hạn', 'version');
        if (!task.deadline) throw new AppError('ILLEGAL_TRANSITION', 'Nhiệm vụ không có thời hạn nên không cần gia hạn', 'requestedDeadline');
        if (task.pendingExtension) throw new AppError('ILLEGAL_TRANSITION', 'Đã có một đề nghị gia hạn đang chờ đầu mối quyết định', 'requestedDeadline');
        if (input.requestedDeadline <= task.deadline) throw new AppError('VALIDATION', 'Hạn đề nghị phải sau hạn hiện tại', 'requestedDeadline');
        const x = await tx.query<{ id: string }>(
          `insert into task_extensions (task_id, previous_deadline, requested_deadline, reason, requested_by, requested_by_name, requested_at)
           values ($1, $2, $3, $4, $5, $6, $7) returning id`,
          [id, task.deadline, input.requestedDeadline, normalizeText(input.reason), actor.id, actor.fullName, now.toISOString()],
        );
        return { extensionId: x[0]!.id, requestedDeadline: input.requestedDeadline, reason: normalizeText(input.reason) };
      },
      auditExtra: (r) => ({ extension: r }),
    })
  ).task;
}

export async function decideExtension(
  deps: Deps,
  ctx: AuditContext,
  actor: SessionActor,
  id: string,
  extensionId: string,
  input: { version: number; approve: boolean; note?: string },
  check: Check,
) {
  return (
    await mutateTask(deps, ctx, id, input.version, input.approve ? 'extension_approve' : 'extension_refuse', {
      check,
      apply: async ({ tx, task, now }) => {
        const x = (await tx.query<{ requested_deadline: string; status: string }>('select requested_deadline, status from task_extensions where id = $1 and task_id = $2', [extensionId, id]))[0];
        if (!x) throw new AppError('NOT_FOUND', 'Không tìm thấy đề nghị gia hạn');
        if (x.status !== 'pending') throw new AppError('ILLEGAL_TRANSITION', 'Đề nghị gia hạn này đã được quyết định', 'extensionId');
        await tx.query(
          `update task_extensions set status = $2, decided_by = $3, decided_by_name = $4, decided_at = $5, decision_note = $6 where id = $1`,
          [extensionId, input.approve ? 'approved' : 'refused', actor.id, actor.fullName, now.toISOString(), input.note ? normalizeText(input.note) : null],
        );
        // The original deadline is kept: the status follows the new one, reports still show both.
        if (input.approve) {
          await tx.query('update tasks set deadline = $2, original_deadline = coalesce(original_deadline, $3) where id = $1', [id, x.requested_deadline, task.deadline]);
          if (task.recurrence) await generateOccurrences(tx, id, task.recurrence, task.assignedOn, x.requested_deadline);
        }
        return { extensionId, approved: input.approve, requestedDeadline: x.requested_deadline, note: input.note ?? null };
      },
      auditExtra: (r) => ({ extension: r }),
    })
  ).task;
}
