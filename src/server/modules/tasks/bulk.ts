import type { TTaskBulk, TTaskBulkResult } from '../../../contracts/tasks';
import { bulkMessage, type BulkSkipReason } from '../../../core/tasks/bulk';
import { vnToday } from '../../../core/calendar/timestamps';
import { normalizeText } from '../../../core/text/fold';
import type { AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError } from '../../errors';
import { generateOccurrences } from './create';
import {
  BULK_CHECK,
  bulkClose,
  bulkExtend,
  bulkReassign,
  classifyBulk,
  refreshSearchOf,
  refusePendingExtensionsOf,
  removeCoordinatorFromTasks,
  unitsByIds,
  type BulkRequest,
} from './queries';

/**
 * One action on several tasks, in one transaction: every selected task is classified, the
 * eligible ones are changed by one statement that also claims their versions and writes their
 * audit rows; a task edited meanwhile (its version moved) is reported and left as it is.
 */
export async function bulkTasks(deps: Deps, ctx: AuditContext, input: TTaskBulk): Promise<TTaskBulkResult> {
  const now = deps.now();
  const today = vnToday(now);
  const seen = new Map<string, number>();
  for (const t of input.tasks) seen.set(t.id, t.version);
  const req: BulkRequest = { ids: [...seen.keys()], versions: [...seen.values()] };
  const actor = { actorId: ctx.actorId, actorName: ctx.actorName, ip: ctx.ip ?? null, at: now.toISOString() };

  return deps.db.transaction(async (tx) => {
    let check;
    if (input.action === 'reassign') {
      if ((await unitsByIds(tx, [input.leadUnitId])).length === 0) throw new AppError('VALIDATION', 'Đơn vị chủ trì mới không tồn tại', 'leadUnitId');
      check = BULK_CHECK.reassign(input.leadUnitId, today);
    } else if (input.action === 'extend') {
      if (input.deadline < today) throw new AppError('VALIDATION', 'Hạn mới không được trước hôm nay', 'deadline');
      check = BULK_CHECK.extend(input.deadline);
    } else check = BULK_CHECK.close();
    const rows = await classifyBulk(tx, req, check);
    const eligible = rows.filter((r) => r.reason === null);
    const target: BulkRequest = { ids: eligible.map((r) => r.id), versions: eligible.map((r) => seen.get(r.id)!) };

    let changed: string[] = [];
    if (target.ids.length > 0) {
      if (input.action === 'reassign') {
        changed = await bulkReassign(tx, target, actor, input.leadUnitId);
        await removeCoordinatorFromTasks(tx, changed, input.leadUnitId);
        await refreshSearchOf(tx, changed);
      } else if (input.action === 'extend') {
        changed = await bulkExtend(tx, target, actor, input.deadline);
        const done = new Set(changed);
        // Recurring tasks are few: their occurrences follow the new deadline one by one.
        for (const r of eligible) {
          if (done.has(r.id) && r.recurrence) await generateOccurrences(tx, r.id, r.recurrence, r.assigned_on!, input.deadline);
        }
      } else {
        const reason = normalizeText(input.reason);
        changed = await bulkClose(tx, target, actor, reason);
        await refusePendingExtensionsOf(tx, changed, actor.at);
      }
    }
    const changedSet = new Set(changed);
    // Eligible when read but not changed by the update: edited in between.
    const skipped = rows
      .filter((r) => !changedSet.has(r.id))
      .map((r) => ({ id: r.id, title: r.title, reason: (r.reason ?? 'stale') as BulkSkipReason }));
    return {
      action: input.action,
      requested: req.ids.length,
      changed: changed.length,
      changedIds: changed,
      skipped,
      message: bulkMessage(input.action, changed.length, skipped.map((s) => s.reason)),
    };
  });
}
