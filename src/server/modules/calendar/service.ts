import type { THoliday } from '../../../contracts/calendar';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { notFound } from '../../errors';
import { deleteHoliday, holidayOn, upsertHoliday } from './queries';

export async function saveHoliday(deps: Deps, ctx: AuditContext, holiday: THoliday): Promise<THoliday> {
  return deps.db.transaction(async (tx) => {
    const before = await holidayOn(tx, holiday.date);
    await upsertHoliday(tx, holiday);
    await recordAudit(tx, ctx, { action: before ? 'update' : 'create', entity: 'holiday', entityId: holiday.date, before, after: holiday });
    return holiday;
  });
}

export async function removeHoliday(deps: Deps, ctx: AuditContext, date: string): Promise<{ ok: true }> {
  return deps.db.transaction(async (tx) => {
    const before = await deleteHoliday(tx, date);
    if (!before) throw notFound('ngày nghỉ');
    await recordAudit(tx, ctx, { action: 'delete', entity: 'holiday', entityId: date, before });
    return { ok: true as const };
  });
}
