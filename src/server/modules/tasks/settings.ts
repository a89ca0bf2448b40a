import type { Queryable } from '../../../db/client';
import { recordAudit, type AuditContext } from '../../audit';

/** After how many overdue days the lead unit's leader is told (configurable, NĐ 39/2022 leaves it to the province). */
export const ESCALATION_SETTING = 'tasks.escalate_after_overdue_days';
export const DEFAULT_ESCALATION_DAYS = 7;

export interface TaskSettings {
  escalateAfterOverdueDays: number;
}

export async function getTaskSettings(db: Queryable): Promise<TaskSettings> {
  const row = (await db.query<{ value: unknown }>('select value from app_settings where key = $1', [ESCALATION_SETTING]))[0];
  const n = typeof row?.value === 'number' && Number.isSafeInteger(row.value) && row.value >= 1 ? row.value : DEFAULT_ESCALATION_DAYS;
  return { escalateAfterOverdueDays: n };
}

export async function setTaskSettings(tx: Queryable, ctx: AuditContext, s: TaskSettings): Promise<TaskSettings> {
  const before = await getTaskSettings(tx);
  await tx.query(
    'insert into app_settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value, updated_at = now()',
    [ESCALATION_SETTING, JSON.stringify(s.escalateAfterOverdueDays)],
  );
  await recordAudit(tx, ctx, { action: 'update', entity: 'setting', entityId: ESCALATION_SETTING, before, after: s });
  return s;
}
