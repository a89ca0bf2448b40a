import type { TTask } from '../../../contracts/tasks';
import type { Queryable } from '../../../db/client';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound, staleVersion } from '../../errors';
import { auditShape, presentTask } from './model';
import { claimTaskVersion, refreshSearch, taskRowById } from './queries';
import { vnToday } from '../../../core/calendar/timestamps';

export interface MutationContext {
  tx: Queryable;
  task: TTask;
  now: Date;
  today: string;
}

/**
 * One change to one task, in one transaction: load it, let the caller check rights on the
 * real task, claim the version (a second edit made from the same version gets 409 and
 * changes nothing), apply the change, audit before and after.
 */
export async function mutateTask<T = void>(
  deps: Deps,
  ctx: AuditContext,
  id: string,
  version: number,
  action: string,
  opts: { check: (task: TTask) => void; apply: (m: MutationContext) => Promise<T>; auditExtra?: (result: T) => Record<string, unknown> },
): Promise<{ task: TTask; result: T }> {
  const now = deps.now();
  const today = vnToday(now);
  return deps.db.transaction(async (tx) => {
    const row = await taskRowById(tx, id);
    if (!row) throw notFound('nhiệm vụ');
    const task = presentTask(row, today);
    opts.check(task);
    if (task.cancelled) throw new AppError('ILLEGAL_TRANSITION', `Nhiệm vụ đã được đóng khi thu hồi văn bản (${task.cancelled.reason}); không thay đổi được nữa`, 'version');
    if (task.version !== version) throw staleVersion();
    if (!(await claimTaskVersion(tx, id, version, now.toISOString()))) throw staleVersion();
    const result = await opts.apply({ tx, task, now, today });
    await refreshSearch(tx, id);
    const after = presentTask((await taskRowById(tx, id))!, today);
    await recordAudit(tx, ctx, {
      action,
      entity: 'task',
      entityId: id,
      before: auditShape(task),
      after: { ...auditShape(after), ...(opts.auditExtra ? opts.auditExtra(result) : {}) },
    });
    return { task: after, result };
  });
}
