import type { TUnit, TUnitKind } from '../../../contracts/units';
import { foldVietnamese, normalizeText } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound, staleVersion } from '../../errors';
import { presentUnit } from './model';
import { hasRoot, rootProvince, insertUnit, parentOf, rebuildClosure, replaceAliases, replaceSuccessors, unitById, updateUnitRow } from './queries';

export interface CreateUnitInput {
  code: string;
  name: string;
  shortName?: string | null;
  kind: TUnitKind;
  parentId: string | null;
  validFrom: string;
  validTo?: string | null;
  aliases?: string[];
  successorIds?: string[];
}

export async function createUnit(deps: Deps, ctx: AuditContext, input: CreateUnitInput): Promise<TUnit> {
  return deps.db.transaction(async (tx) => {
    let level = 0;
    // A root names the province of the install (its GSO code after the setup screen, 'HP' in the demo).
    let provinceId = (await rootProvince(tx)) ?? 'HP';
    if (input.parentId) {
      const parent = await parentOf(tx, input.parentId);
      if (!parent) throw new AppError('VALIDATION', 'Đơn vị cấp trên không tồn tại', 'parentId');
      if (input.validFrom < parent.valid_from || (parent.valid_to && (!input.validTo || input.validTo > parent.valid_to))) {
        throw new AppError('VALIDATION', 'Thời gian hiệu lực của đơn vị phải nằm trong thời gian hiệu lực của đơn vị cấp trên', 'validFrom');
      }
      level = parent.level + 1;
      provinceId = parent.province_id;
    } else if (await hasRoot(tx)) {
      throw new AppError('VALIDATION', 'Hãy chọn đơn vị cấp trên', 'parentId');
    }
    const name = normalizeText(input.name);
    const id = await insertUnit(tx, {
      province_id: provinceId,
      code: input.code,
      name,
      name_folded: foldVietnamese(name),
      short_name: input.shortName ? normalizeText(input.shortName) : null,
      kind: input.kind,
      level,
      parent_id: input.parentId,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
    }).catch((err: { code?: string }) => {
      if (err.code === '23505') throw new AppError('DUPLICATE', `Mã đơn vị "${input.code}" đã tồn tại`, 'code');
      throw err;
    });
    await replaceAliases(tx, id, input.aliases ?? [], foldVietnamese);
    await replaceSuccessors(tx, id, input.successorIds ?? []);
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

export async function updateUnit(deps: Deps, ctx: AuditContext, id: string, input: UpdateUnitInput): Promise<TUnit> {
  return deps.db.transaction(async (tx) => {
    const current = await unitById(tx, id);
    if (!current) throw notFound('đơn vị');
    if (current.version !== input.version) throw staleVersion();
    const before = presentUnit(current);
    const validTo = input.validTo === undefined ? current.valid_to : input.validTo;
    if (validTo && validTo < current.valid_from) throw new AppError('VALIDATION', 'Ngày kết thúc không được trước ngày bắt đầu hiệu lực', 'validTo');
    const name = input.name === undefined ? current.name : normalizeText(input.name);
    const shortName = input.shortName === undefined ? current.short_name : input.shortName && normalizeText(input.shortName);
    if (!(await updateUnitRow(tx, id, input.version, { name, name_folded: foldVietnamese(name), short_name: shortName || null, valid_to: validTo }))) throw staleVersion();
    if (input.aliases) await replaceAliases(tx, id, input.aliases, foldVietnamese);
    if (input.successorIds) {
      if (input.successorIds.includes(id)) throw new AppError('VALIDATION', 'Đơn vị không thể kế thừa chính nó', 'successorIds');
      await replaceSuccessors(tx, id, input.successorIds);
    }
    if (validTo !== current.valid_to) await rebuildClosure(tx);
    const after = presentUnit((await unitById(tx, id))!);
    await recordAudit(tx, ctx, { action: 'update', entity: 'unit', entityId: id, before, after });
    return after;
  });
}
