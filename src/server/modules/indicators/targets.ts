import type { Queryable } from '../../../db/client';
import { isPeriodKey, parsePeriodKey } from '../../../core/periods/period-key';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, alreadyCreated, notFound, staleVersion } from '../../errors';
import { indicatorById } from './queries';

export interface TargetInput {
  indicatorId: string;
  planCode: string;
  planTitle?: string | null;
  level?: 'city' | 'district' | 'commune' | null;
  unitId?: string | null;
  /** '2022' for the year, '2022-Q2' for an interim quarterly target. */
  period: string;
  value: number;
  note?: string | null;
  sample?: boolean;
}

interface TargetRow {
  id: string;
  indicator_id: string;
  indicator_code: string;
  plan_code: string;
  plan_title: string | null;
  level: 'city' | 'district' | 'commune' | null;
  unit_id: string | null;
  unit_name: string | null;
  period: string;
  value: number;
  note: string | null;
  sample: boolean;
  version: number;
}

const SELECT_TARGETS = `
  select t.id, t.indicator_id, i.code as indicator_code, t.plan_code, t.plan_title, t.level, t.unit_id, u.name as unit_name, t.period,
         t.value, t.note, t.sample, t.version
    from indicator_targets t join indicators i on i.id = t.indicator_id left join units u on u.id = t.unit_id`;

export function presentTarget(t: TargetRow) {
  return {
    id: t.id,
    indicatorId: t.indicator_id,
    indicatorCode: t.indicator_code,
    planCode: t.plan_code,
    planTitle: t.plan_title,
    level: t.level,
    unitId: t.unit_id,
    unitName: t.unit_name,
    period: t.period,
    value: t.value,
    note: t.note,
    sample: t.sample,
    version: t.version,
  };
}

export async function listTargets(db: Queryable, indicatorId?: string) {
  const rows = await db.query<TargetRow>(`${SELECT_TARGETS} where ($1::uuid is null or t.indicator_id = $1) order by i.code, t.plan_code, t.period, t.level nulls last, u.name`, [indicatorId ?? null]);
  return rows.map(presentTarget);
}

async function targetById(db: Queryable, id: string) {
  return (await db.query<TargetRow>(`${SELECT_TARGETS} where t.id = $1`, [id]))[0];
}

function checkTarget(input: TargetInput) {
  if (!isPeriodKey(input.period) || !['year', 'quarter'].includes(parsePeriodKey(input.period).type)) {
    throw new AppError('VALIDATION', `Kỳ chỉ tiêu phải là năm (2022) hoặc quý (2022-Q2); nhận được "${input.period}"`, 'period');
  }
  if ((input.level ? 1 : 0) + (input.unitId ? 1 : 0) !== 1) {
    throw new AppError('VALIDATION', 'Chỉ tiêu giao cho một cấp (thành phố, huyện, xã) hoặc cho một đơn vị cụ thể — chọn một trong hai', 'level');
  }
  if (!Number.isFinite(input.value) || input.value < 0) throw new AppError('VALIDATION', 'Giá trị chỉ tiêu phải là số không âm', 'value');
}

const TARGET_KEY = `t.indicator_id = $1 and t.plan_code = $2 and t.level is not distinct from $3 and t.unit_id is not distinct from $4 and t.period = $5`;

/**
 * Sets a target; the same plan, indicator, level or unit and period is replaced, not duplicated.
 * `version` 0 creates only, n overwrites only from version n, omitted sets the latest figure.
 * Each decision is one statement (an insert that does nothing on a taken key, or an update
 * that checks the version on the locked row), so no write is lost on PostgreSQL either.
 */
export async function upsertTarget(deps: Deps, ctx: AuditContext, input: TargetInput & { version?: number }) {
  checkTarget(input);
  return deps.db.transaction(async (tx) => {
    if (!(await indicatorById(tx, input.indicatorId))) throw notFound('chỉ số');
    if (input.unitId && !(await tx.query('select 1 from units where id = $1', [input.unitId])).length) throw new AppError('VALIDATION', 'Đơn vị không tồn tại', 'unitId');
    const key = [input.indicatorId, input.planCode, input.level ?? null, input.unitId ?? null, input.period];
    if (input.version === undefined || input.version === 0) {
      const created = await tx.query<{ id: string }>(
        `insert into indicator_targets (indicator_id, plan_code, level, unit_id, period, plan_title, value, note, sample)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         on conflict (indicator_id, plan_code, level, unit_id, period) do nothing returning id`,
        [...key, input.planTitle ?? null, input.value, input.note ?? null, input.sample ?? false],
      );
      if (created[0]) {
        const after = presentTarget((await targetById(tx, created[0].id))!);
        await recordAudit(tx, ctx, { action: 'create', entity: 'indicator_target', entityId: after.id, after });
        return after;
      }
      if (input.version === 0) throw alreadyCreated();
    }
    const before = (await tx.query<TargetRow>(`${SELECT_TARGETS} where ${TARGET_KEY} for update of t`, key))[0];
    const updated = before && await tx.query(
      `update indicator_targets set value = $2, plan_title = $3, note = $4, version = version + 1, updated_at = now()
        where id = $1 and ($5::int is null or version = $5) returning id`,
      [before.id, input.value, input.planTitle ?? null, input.note ?? null, input.version ?? null],
    );
    if (!before || !updated?.length) throw staleVersion();
    const after = presentTarget((await targetById(tx, before.id))!);
    await recordAudit(tx, ctx, { action: 'update', entity: 'indicator_target', entityId: after.id, before: presentTarget(before), after });
    return after;
  });
}

export async function deleteTarget(deps: Deps, ctx: AuditContext, id: string, version: number) {
  return deps.db.transaction(async (tx) => {
    const before = await targetById(tx, id);
    if (!before) throw notFound('chỉ tiêu');
    // The version is checked by the delete itself: of two deletes from one version, one deletes.
    if ((await tx.query('delete from indicator_targets where id = $1 and version = $2 returning id', [id, version])).length === 0) throw staleVersion();
    await recordAudit(tx, ctx, { action: 'delete', entity: 'indicator_target', entityId: id, before: presentTarget(before) });
    return { ok: true };
  });
}
