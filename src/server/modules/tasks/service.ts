import { createHash } from 'node:crypto';
import type { TProgressRecorded, TTask } from '../../../contracts/tasks';
import type { Pillar } from '../../../core/tasks/pillars';
import type { Recurrence } from '../../../core/tasks/recurrence';
import { normalizeText } from '../../../core/text/fold';
import type { AuditContext } from '../../audit';
import type { Deps, SessionActor } from '../../context';
import { AppError } from '../../errors';
import { checkUnits, generateOccurrences, insertTask, type NewTask } from './create';
import { mutateTask } from './mutate';
import {
  decideExtensionRow,
  extendDeadline,
  extensionOfTask,
  insertExtension,
  insertFile,
  insertTaskUpdate,
  markCompleted,
  markReopened,
  recordProgress,
  refusePendingExtensions,
  removeCoordinator,
  replaceCoordinators,
  replaceOpenOccurrences,
  reportOccurrence,
  updateTaskRow,
} from './queries';
import { vnToday } from '../../../core/calendar/timestamps';

type Check = (task: TTask) => void;

export async function createTask(deps: Deps, ctx: AuditContext, input: NewTask): Promise<TTask> {
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

export async function updateTask(deps: Deps, ctx: AuditContext, id: string, input: UpdateTaskInput, check: Check): Promise<TTask> {
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
        await updateTaskRow(tx, id, {
          title,
          description: input.description === undefined ? task.description : input.description ? normalizeText(input.description) : null,
          pillar: input.pillar === undefined ? task.pillar : input.pillar,
          lead_unit_id: leadUnitId,
          deadline,
          deadline_text: input.deadlineText === undefined ? (input.deadline === undefined ? task.deadlineText : null) : input.deadlineText,
          recurrence,
          lead_group_text: leadUnitId === task.leadUnit.id ? task.leadGroupText : null,
        });
        if (input.coordinatorUnitIds) await replaceCoordinators(tx, id, input.coordinatorUnitIds.filter((u) => u !== leadUnitId));
        else if (input.leadUnitId) await removeCoordinator(tx, id, leadUnitId);
        if (recurrence !== task.recurrence || (recurrence && deadline !== task.deadline)) {
          if (recurrence) await generateOccurrences(tx, id, recurrence, task.assignedOn, deadline);
          else await replaceOpenOccurrences(tx, id, []);
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

export async function addProgress(deps: Deps, ctx: AuditContext, actor: SessionActor, id: string, input: ProgressInput, check: Check): Promise<TProgressRecorded> {
  const { task, result } = await mutateTask(deps, ctx, id, input.version, 'progress', {
    check,
    apply: async ({ tx, task, now, today }) => {
      if (task.done) throw new AppError('ILLEGAL_TRANSITION', 'Nhiệm vụ đã hoàn thành; cần mở lại trước khi báo cáo tiến độ', 'version');
      let fileId: string | null = null;
      if (input.file) {
        fileId = await insertFile(tx, {
          filename: input.file.filename,
          mime_type: input.file.mimetype,
          size_bytes: input.file.buffer.length,
          sha256: createHash('sha256').update(input.file.buffer).digest('hex'),
          content: input.file.buffer,
          uploaded_by: actor.id,
          uploaded_at: now.toISOString(),
        });
      }
      const note = normalizeText(input.note);
      const updateId = await insertTaskUpdate(tx, {
        task_id: id, kind: 'progress', percent: input.percent, note, file_id: fileId,
        author_id: actor.id, author_name: actor.fullName, unit_id: actor.unitId, created_at: now.toISOString(),
      });
      // The lead unit's report moves the task's percentage; a coordinator's adds to the record.
      const isLead = actor.scope.has(task.leadUnit.id) || !task.coordinators.some((c) => actor.scope.has(c.id));
      await recordProgress(tx, id, now.toISOString(), isLead, input.percent);
      const occurrence = task.recurrence ? await reportOccurrence(tx, id, input.occurrenceDueOn ?? null, today) : null;
      return { updateId, percent: input.percent, note, fileId, fileName: input.file?.filename ?? null, occurrence };
    },
    auditExtra: (r) => ({ update: r }),
  });
  return { task, update: result };
}

export interface CompleteInput {
  version: number;
  completedOn?: string;
  note?: string;
}

export async function completeTask(deps: Deps, ctx: AuditContext, actor: SessionActor, id: string, input: CompleteInput, check: Check): Promise<TTask> {
  return (
    await mutateTask(deps, ctx, id, input.version, 'complete', {
      check,
      apply: async ({ tx, task, now, today }) => {
        if (task.done) throw new AppError('ILLEGAL_TRANSITION', 'Nhiệm vụ đã được báo hoàn thành', 'version');
        const on = input.completedOn ?? today;
        if (on > today) throw new AppError('VALIDATION', 'Ngày hoàn thành không được sau hôm nay', 'completedOn');
        if (on < task.assignedOn) throw new AppError('VALIDATION', 'Ngày hoàn thành không được trước ngày giao', 'completedOn');
        await markCompleted(tx, id, on, now.toISOString());
        const updateId = await insertTaskUpdate(tx, {
          task_id: id, kind: 'complete', percent: 100, note: input.note ? normalizeText(input.note) : null, file_id: null,
          author_id: actor.id, author_name: actor.fullName, unit_id: actor.unitId, created_at: now.toISOString(),
        });
        // A refusal is implied: a finished task no longer waits for a new deadline.
        await refusePendingExtensions(tx, id, now.toISOString());
        return { updateId, completedOn: on, note: input.note ?? null };
      },
      auditExtra: (r) => ({ update: r }),
    })
  ).task;
}

export async function reopenTask(deps: Deps, ctx: AuditContext, actor: SessionActor, id: string, input: { version: number; note: string }, check: Check): Promise<TTask> {
  return (
    await mutateTask(deps, ctx, id, input.version, 'reopen', {
      check,
      apply: async ({ tx, task, now }) => {
        if (!task.done) throw new AppError('ILLEGAL_TRANSITION', 'Nhiệm vụ chưa hoàn thành', 'version');
        await markReopened(tx, id);
        const note = normalizeText(input.note);
        const updateId = await insertTaskUpdate(tx, {
          task_id: id, kind: 'reopen', percent: null, note, file_id: null,
          author_id: actor.id, author_name: actor.fullName, unit_id: actor.unitId, created_at: now.toISOString(),
        });
        return { updateId, note };
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
): Promise<TTask> {
  return (
    await mutateTask(deps, ctx, id, input.version, 'extension_request', {
      check,
      apply: async ({ tx, task, now }) => {
        if (task.done) throw new AppError('ILLEGAL_TRANSITION', 'Nhiệm vụ đã hoàn thành, không cần gia hạn', 'version');
        if (!task.deadline) throw new AppError('ILLEGAL_TRANSITION', 'Nhiệm vụ không có thời hạn nên không cần gia hạn', 'requestedDeadline');
        if (task.pendingExtension) throw new AppError('ILLEGAL_TRANSITION', 'Đã có một đề nghị gia hạn đang chờ đầu mối quyết định', 'requestedDeadline');
        if (input.requestedDeadline <= task.deadline) throw new AppError('VALIDATION', 'Hạn đề nghị phải sau hạn hiện tại', 'requestedDeadline');
        const reason = normalizeText(input.reason);
        const extensionId = await insertExtension(tx, {
          task_id: id, previous_deadline: task.deadline, requested_deadline: input.requestedDeadline, reason,
          requested_by: actor.id, requested_by_name: actor.fullName, requested_at: now.toISOString(),
        });
        return { extensionId, requestedDeadline: input.requestedDeadline, reason };
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
): Promise<TTask> {
  return (
    await mutateTask(deps, ctx, id, input.version, input.approve ? 'extension_approve' : 'extension_refuse', {
      check,
      apply: async ({ tx, task, now }) => {
        const x = await extensionOfTask(tx, extensionId, id);
        if (!x) throw new AppError('NOT_FOUND', 'Không tìm thấy đề nghị gia hạn');
        if (x.status !== 'pending') throw new AppError('ILLEGAL_TRANSITION', 'Đề nghị gia hạn này đã được quyết định', 'extensionId');
        await decideExtensionRow(tx, extensionId, {
          status: input.approve ? 'approved' : 'refused',
          decided_by: actor.id,
          decided_by_name: actor.fullName,
          decided_at: now.toISOString(),
          decision_note: input.note ? normalizeText(input.note) : null,
        });
        // The original deadline is kept: the status follows the new one, reports still show both.
        if (input.approve) {
          await extendDeadline(tx, id, x.requested_deadline, task.deadline);
          if (task.recurrence) await generateOccurrences(tx, id, task.recurrence, task.assignedOn, x.requested_deadline);
        }
        return { extensionId, approved: input.approve, requestedDeadline: x.requested_deadline, note: input.note ?? null };
      },
      auditExtra: (r) => ({ extension: r }),
    })
  ).task;
}
