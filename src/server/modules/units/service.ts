import { foldVietnamese, normalizeText } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound, staleVersion } from '../../errors';
import { presentUnit, rebuildClosure, replaceAliases, unitById } from './queries';

export const UNIT_KINDS = ['city_committee', 'department', 'district', 'commune', 'agency'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface CreateUnitInput {
  code: string;
  name: string;
  shortName?: string | null;
  kind: UnitKind;
  parentId: string | null;
  validFrom: string;
  validTo?: string | null;
  aliases?: string[];
  successorIds?: string[];
}

export async function createUnit(deps: Deps, ctx: AuditContext, input: CreateUnitInput) {
  return deps.db.transaction(async (tx) => {
    let level = 0;
    let provinceId = 'HP';
    if (input.parentId) {
      const parent = (await tx.query<{ level: number; province_id: string; valid_from: string; valid_to: string | null }>(
        'select level, province_id, valid_from, valid_to from units where id = $1',
        [input.parentId],
      ))[0];
      if (!parent) throw new AppError('VALIDATION', 'Đơn vị cấp trên không tồn tại', 'parentId');
      if (input.validFrom < parent.valid_from || (parent.valid_to && (!input.validTo || input.validTo > parent.valid_to))) {
        throw new AppError('VALIDATION', 'Thời gian hiệu lực của đơn vị phải nằm trong thời gian hiệu lực của đơn vị cấp trên', 'validFrom');
      }
      level = parent.level + 1;
      provinceId = parent.province_id;
    } else {
      const anyRoot = await tx.query('select 1 from units where parent_id is null limit 1');
      if (anyRoot.length > 0) throw new AppError('VALIDATION', 'Hãy chọn đơn vị cấp trên', 'parentId');
    }
    const name = normalizeText(input.name);
    const inserted = await tx.query<{ id: string }>(
      `insert into units (province_id, code, name, name_folded, short_name, kind, level, parent_id, valid_from, valid_to)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [provinceId, input.code, name, foldVietnamese(name), input.shortName ? normalizeText(input.shortName) : null, input.kind, level, input.parentId, input.validFrom, input.validTo ?? null],
    ).catch((err: { code?: string }) => {
      if (err.code === '23505') throw new AppError('DUPLICATE', `Mã đơn vị "${input.code}" đã tồn tại`, 'code');
      throw err;
    });
    const id = inserted[0]!.id;
    await replaceAliases(tx, id, input.aliases ?? [], foldVietnamese);
    for (const [i, s] of (input.successorIds ?? []).entries()) await tx.query('insert into unit_successors (predecessor_id, successor_id, is_primary) values ($1, $2, $3)', [id, s, i === 0]);
    await rebuildClosure(tx);
    const after = presentUnit((await unitById(tx, id))!);
    await recordAudit(tx, ctx, { action: 'create', entity: 'unit', entityId: id, after });
    return after;
  });
}

export interface UpdateUnitInput {
  version: number;
  name?: string;
  shortName?: string | null;
  validTo?: string | null;
  aliases?: string[];
  successorIds?: string[];
}

export async function updateUnit(deps: Deps, ctx: AuditContext, id: string, input: UpdateUnitInput) {
  return deps.db.transaction(async (tx) => {
    const current = await unitById(tx, id);
    if (!current) throw notFound('đơn vị');
    if (current.version !== input.version) throw staleVersion();
    const before = presentUnit(current);
    const validTo = input.validTo === undefined ? current.valid_to : input.validTo;
    if (validTo && validTo < current.valid_from) throw new AppError('VALIDATION', 'Ngày kết thúc không được trước ngày bắt đầu hiệu lực', 'validTo');
    const name = input.name === undefined ? current.name : normalizeText(input.name);
    const shortName = input.shortName === undefined ? current.short_name : input.shortName && normalizeText(input.shortName);
    const updated = await tx.query(
      `update units set name = $2, name_folded = $3, short_name = $4, valid_to = $5, version = version + 1, updated_at = now()
        where id = $1 and version = $6 returning id`,
      [id, name, foldVietnamese(name), shortName || null, validTo, input.version],
    );
    if (updated.length === 0) throw staleVersion();
    if (input.aliases) await replaceAliases(tx, id, input.aliases, foldVietnamese);
    if (input.successorIds) {
      if (input.successorIds.includes(id)) throw new AppError('VALIDATION', 'Đơn vị không thể kế thừa chính nó', 'successorIds');
      await tx.query('delete from unit_successors where predecessor_id = $1', [id]);
      for (const [i, s] of input.successorIds.entries()) await tx.query('insert into unit_successors (predecessor_id, successor_id, is_primary) values ($1, $2, $3)', [id, s, i === 0]);
    }
    if (validTo !== current.valid_to) await rebuildClosure(tx);
    const after = presentUnit((await unitById(tx, id))!);
    await recordAudit(tx, ctx, { action: 'update', entity: 'unit', entityId: id, before, after });
    return after;
  });
}
