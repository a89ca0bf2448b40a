import type { TTaskSettings } from '../../../contracts/tasks';
import type { Queryable } from '../../../db/client';
import { getSetting, setSetting } from '../../app-settings';
import { recordAudit, type AuditContext } from '../../audit';

/** After how many overdue days the lead unit's leader is told (configurable, NĐ 39/2022 leaves it to the province). */
export const ESCALATION_SETTING = 'tasks.escalate_after_overdue_days';
export const DEFAULT_ESCALATION_DAYS = 7;

export async function getTaskSettings(db: Queryable): Promise<TTaskSettings> {
  const value = await getSetting<unknown>(db, ESCALATION_SETTING);
  const n = typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? value : DEFAULT_ESCALATION_DAYS;
  return { escalateAfterOverdueDays: n };
}

export async function setTaskSettings(tx: Queryable, ctx: AuditContext, s: TTaskSettings): Promise<TTaskSettings> {
  const before = await getTaskSettings(tx);
  await setSetting(tx, ESCALATION_SETTING, s.escalateAfterOverdueDays);
  await recordAudit(tx, ctx, { action: 'update', entity: 'setting', entityId: ESCALATION_SETTING, before, after: s });
  return s;
}
