import { randomUUID } from 'node:crypto';
import { ZUnitCode, type TUnitKind } from '../../../contracts/units';
import { foldVietnamese, normalizeText } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError } from '../../errors';
import { importErrorMessage, readTable, writeSheet, type ImportColumn, type ImportError } from '../../excel';
import type { ZipFacts } from '../../zip-guard';
import { communeCommitteeName, communesOf, nationalProvince, type NationalCommune } from './national';
import { insertAliasesBulk, insertSuccessorsBulk, insertUnitsBulk, rebuildClosure, unitKeys, type BulkUnit, type UnitKey } from './queries';

/**
 * The province's departments and agencies from an Excel sheet (setup step b, and any later
 * reorganisation): code, name, kind, parent code, validity and the codes of the units they
 * replace. The whole sheet is checked first; one bad cell refuses it whole, naming the row
 * and the column.
 */
export const UNIT_IMPORT_COLUMNS: ImportColumn[] = [
  { key: 'code', header: 'Mã đơn vị', aliases: ['Mã'], type: 'text', required: true },
  { key: 'name', header: 'Tên đơn vị', aliases: ['Tên'], type: 'text', required: true },
  { key: 'shortName', header: 'Tên viết tắt', type: 'text' },
  { key: 'kind', header: 'Loại đơn vị', aliases: ['Loại'], type: 'text', required: true },
  { key: 'parent', header: 'Mã đơn vị cấp trên', aliases: ['Mã cấp trên', 'Đơn vị cấp trên'], type: 'text' },
  { key: 'validFrom', header: 'Hiệu lực từ ngày', aliases: ['Hiệu lực từ', 'Từ ngày'], type: 'date', required: true },
  { key: 'validTo', header: 'Hiệu lực đến ngày', aliases: ['Hiệu lực đến', 'Đến ngày'], type: 'date' },
  { key: 'predecessors', header: 'Mã đơn vị tiền thân', aliases: ['Tiền thân', 'Kế thừa từ'], type: 'text' },
];

/** The words a sheet may use for each kind, folded (no diacritics, lower case). */
const KIND_WORDS: Array<[TUnitKind, string[]]> = [
  ['department', ['so', 'so, ban, nganh', 'so ban nganh', 'ban', 'nganh', 'co quan chuyen mon']],
  ['agency', ['co quan', 'co quan, don vi', 'don vi', 'don vi su nghiep', 'co quan nganh doc']],
  ['commune', ['xa', 'phuong', 'dac khu', 'xa, phuong, dac khu', 'ubnd xa', 'ubnd phuong']],
  ['district', ['huyen', 'quan', 'thi xa', 'quan, huyen', 'quan, huyen, thi xa', 'cap huyen']],
];
export const KIND_LABEL: Record<Exclude<TUnitKind, 'city_committee'>, string> = {
  department: 'Sở, ban, ngành',
  agency: 'Cơ quan, đơn vị',
  commune: 'Xã, phường, đặc khu',
  district: 'Quận, huyện, thị xã',
};
const GROUP_OF: Partial<Record<TUnitKind, string>> = { department: 'departments', agency: 'agencies', district: 'districts' };

function kindOf(text: string): TUnitKind | undefined {
  const f = foldVietnamese(text);
  return KIND_WORDS.find(([, words]) => words.includes(f))?.[0];
}

/** Rows that show how to fill the sheet: a real shape of a province after the 2025 mergers. They pass the import as they are. */
export const EXAMPLE_UNIT_ROWS = [
  { code: 'SO.TC', name: 'Sở Tài chính', shortName: 'STC', kind: KIND_LABEL.department, parent: '', validFrom: '2008-04-01', validTo: null, predecessors: 'SO.KHDT' },
  { code: 'SO.KHDT', name: 'Sở Kế hoạch và Đầu tư', shortName: 'SKHĐT', kind: KIND_LABEL.department, parent: '', validFrom: '2008-04-01', validTo: '2025-02-28', predecessors: '' },
  { code: 'SO.KHCN', name: 'Sở Khoa học và Công nghệ', shortName: 'SKHCN', kind: KIND_LABEL.department, parent: '', validFrom: '2008-04-01', validTo: null, predecessors: 'SO.TTTT' },
  { code: 'SO.TTTT', name: 'Sở Thông tin và Truyền thông', shortName: 'STTTT', kind: KIND_LABEL.department, parent: '', validFrom: '2008-04-01', validTo: '2025-02-28', predecessors: '' },
  { code: 'VP.UBND', name: 'Văn phòng Ủy ban nhân dân tỉnh', shortName: 'VP UBND', kind: KIND_LABEL.department, parent: '', validFrom: '2008-04-01', validTo: null, predecessors: '' },
  { code: 'TT.CDS', name: 'Trung tâm Chuyển đổi số', shortName: '', kind: KIND_LABEL.agency, parent: 'SO.KHCN', validFrom: '2025-03-01', validTo: null, predecessors: '' },
];

export function unitImportTemplate(): Promise<Buffer> {
  return writeSheet({
    sheetName: 'Đơn vị',
    title: 'MẪU NHẬP CƠ CẤU TỔ CHỨC (SỞ, BAN, NGÀNH, CƠ QUAN)',
    subtitle: `Loại đơn vị: ${Object.values(KIND_LABEL).join('; ')}. Mã cấp trên để trống: trực thuộc UBND tỉnh. Ngày dạng dd/mm/yyyy. Nhiều mã tiền thân cách nhau bằng dấu chấm phẩy (;). Các dòng dưới đây là ví dụ: sửa hoặc xoá trước khi nạp.`,
    columns: UNIT_IMPORT_COLUMNS.map((c) => ({ header: c.header, value: c.key as keyof (typeof EXAMPLE_UNIT_ROWS)[number], type: c.type === 'date' ? ('date' as const) : undefined, width: c.key === 'name' ? 44 : 20 })),
    rows: EXAMPLE_UNIT_ROWS,
  });
}

interface Parsed {
  row: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: TUnitKind;
  parent: string | null;
  validFrom: string;
  validTo: string | null;
  predecessors: string[];
}

export type UnitImportOutcome = { ok: true; created: number; message: string } | { ok: false; message: string; errors: ImportError[] };

const col = (key: string) => UNIT_IMPORT_COLUMNS.find((c) => c.key === key)!.header;

/** Checks every row against the sheet itself and the units already present; builds the rows to insert. */
export function planUnitImport(rows: ReadonlyArray<{ rowNumber: number; values: Record<string, string | number | null> }>, existing: readonly UnitKey[]): { units: BulkUnit[]; links: Array<{ predecessorId: string; successorId: string; primary: boolean }>; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const err = (row: number, key: string, message: string) => errors.push({ row, column: col(key), message });
  const root = existing.find((u) => u.parent_id === null);
  const byCode = new Map(existing.map((u) => [u.code, u]));
  const parsed: Parsed[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const v = r.values;
    const code = String(v.code ?? '').trim().toUpperCase();
    const codeOk = ZUnitCode.safeParse(code);
    if (!codeOk.success) err(r.rowNumber, 'code', codeOk.error.issues[0]!.message);
    else if (byCode.has(code)) err(r.rowNumber, 'code', `mã "${code}" đã có trong hệ thống`);
    else if (seen.has(code)) err(r.rowNumber, 'code', `mã "${code}" trùng với dòng ${seen.get(code)}`);
    seen.set(code, r.rowNumber);
    const kind = kindOf(String(v.kind ?? ''));
    if (!kind) err(r.rowNumber, 'kind', `"${String(v.kind ?? '')}" không phải loại đơn vị; dùng một trong: ${Object.values(KIND_LABEL).join('; ')}`);
    const validFrom = v.validFrom as string | null;
    const validTo = (v.validTo as string | null) ?? null;
    if (validFrom && validTo && validTo < validFrom) err(r.rowNumber, 'validTo', 'ngày kết thúc hiệu lực trước ngày bắt đầu');
    const name = normalizeText(String(v.name ?? ''));
    if (name.length > 300) err(r.rowNumber, 'name', 'tên dài quá 300 ký tự');
    const parent = String(v.parent ?? '').trim().toUpperCase() || null;
    const predecessors = String(v.predecessors ?? '').split(/[;,\n]/).map((s) => s.trim().toUpperCase()).filter(Boolean);
    parsed.push({ row: r.rowNumber, code, name, shortName: v.shortName ? normalizeText(String(v.shortName)) : null, kind: kind ?? 'agency', parent, validFrom: validFrom ?? '', validTo, predecessors });
  }
  if (!root) errors.push({ row: 0, column: col('parent'), message: 'chưa có đơn vị gốc (UBND tỉnh): hãy khởi tạo hệ thống trước' });
  const inFile = new Map(parsed.map((p) => [p.code, p]));
  for (const p of parsed) {
    if (p.parent && !inFile.has(p.parent) && !byCode.has(p.parent)) err(p.row, 'parent', `không có đơn vị mã "${p.parent}" trong tệp hay trong hệ thống`);
    if (p.parent === p.code) err(p.row, 'parent', 'đơn vị không thể là cấp trên của chính nó');
    for (const c of p.predecessors) {
      if (c === p.code) err(p.row, 'predecessors', 'đơn vị không thể kế thừa chính nó');
      else if (!inFile.has(c) && !byCode.has(c)) err(p.row, 'predecessors', `không có đơn vị mã "${c}" trong tệp hay trong hệ thống`);
    }
  }
  if (errors.length || !root) return { units: [], links: [], errors };

  // Parents before children: resolve levels by walking up; a cycle inside the file is an error.
  const ids = new Map<string, string>([...existing.map((u) => [u.code, u.id] as const)]);
  for (const p of parsed) ids.set(p.code, randomUUID());
  const level = new Map<string, number>(existing.map((u) => [u.code, u.level]));
  const validity = new Map(existing.map((u) => [u.code, { from: u.valid_from, to: u.valid_to }]));
  for (const p of parsed) validity.set(p.code, { from: p.validFrom, to: p.validTo });
  const levelOf = (code: string, path: Set<string>): number | null => {
    const known = level.get(code);
    if (known !== undefined) return known;
    if (path.has(code)) return null;
    const p = inFile.get(code)!;
    path.add(code);
    const parentLevel = p.parent ? levelOf(p.parent, path) : root.level;
    if (parentLevel === null) return null;
    level.set(code, parentLevel + 1);
    return parentLevel + 1;
  };
  for (const p of parsed) {
    if (levelOf(p.code, new Set()) === null) err(p.row, 'parent', 'các đơn vị cấp trên tạo thành vòng lặp');
    const parentValidity = validity.get(p.parent ?? root.code)!;
    if (p.validFrom < parentValidity.from || (parentValidity.to && (!p.validTo || p.validTo > parentValidity.to))) {
      err(p.row, 'validFrom', 'thời gian hiệu lực phải nằm trong thời gian hiệu lực của đơn vị cấp trên');
    }
  }
  if (errors.length) return { units: [], links: [], errors };
  const units: BulkUnit[] = parsed
    .map((p) => ({
      id: ids.get(p.code)!,
      province_id: root.province_id,
      code: p.code,
      name: p.name,
      short_name: p.shortName,
      kind: p.kind,
      level: level.get(p.code)!,
      parent_id: ids.get(p.parent ?? root.code)!,
      valid_from: p.validFrom,
      valid_to: p.validTo,
      groups: GROUP_OF[p.kind] ? [GROUP_OF[p.kind]!] : [],
    }))
    .sort((a, b) => a.level - b.level);
  const primaryTaken = new Set<string>();
  const links = parsed.flatMap((p) =>
    p.predecessors.map((c) => {
      const predecessorId = ids.get(c)!;
      const primary = !primaryTaken.has(predecessorId);
      primaryTaken.add(predecessorId);
      return { predecessorId, successorId: ids.get(p.code)!, primary };
    }),
  );
  return { units, links, errors };
}

export async function importUnits(deps: Deps, ctx: AuditContext, file: { buffer: Buffer; filename: string; zip?: ZipFacts }): Promise<UnitImportOutcome> {
  const table = await readTable(file.buffer, file.filename, UNIT_IMPORT_COLUMNS, { maxRows: 5000, zip: file.zip });
  if (table.errors.length) return { ok: false, message: importErrorMessage(table.errors), errors: table.errors };
  return deps.db.transaction(async (tx) => {
    const plan = planUnitImport(table.rows, await unitKeys(tx));
    if (plan.errors.length) return { ok: false as const, message: importErrorMessage(plan.errors), errors: plan.errors };
    const inserted = await insertUnitsBulk(tx, plan.units, foldVietnamese);
    if (inserted.length !== plan.units.length) throw new AppError('CONFLICT', 'Một số mã đơn vị vừa được tạo bởi người khác; hãy nạp lại tệp');
    await insertSuccessorsBulk(tx, plan.links);
    await rebuildClosure(tx);
    await recordAudit(tx, ctx, { action: 'import', entity: 'unit', after: { file: file.filename, created: inserted.length, codes: plan.units.map((u) => u.code) } });
    return { ok: true as const, created: inserted.length, message: `Đã nạp ${inserted.length} đơn vị.` };
  });
}

/** Setup step a: the province's communes, wards and special zones from the national list, under its People's Committee. */
export async function loadNationalCommunes(deps: Deps, ctx: AuditContext, provinceCode: string): Promise<{ created: number; total: number }> {
  const province = nationalProvince(provinceCode);
  if (!province) throw new AppError('VALIDATION', 'Không có tỉnh, thành phố với mã này trong danh mục', 'provinceCode');
  const communes = communesOf(provinceCode);
  return deps.db.transaction(async (tx) => {
    const root = (await unitKeys(tx)).find((u) => u.parent_id === null && u.code === provinceCode);
    if (!root) throw new AppError('CONFLICT', 'Chưa có UBND tỉnh, thành phố này trong hệ thống: hãy khởi tạo trước');
    const units = communes.map((c): BulkUnit => ({
      id: randomUUID(),
      province_id: root.province_id,
      code: c.code,
      name: communeCommitteeName(c),
      short_name: null,
      kind: 'commune',
      level: root.level + 1,
      parent_id: root.id,
      valid_from: TWO_LEVEL_FROM,
      valid_to: null,
      groups: [],
    }));
    const inserted = new Set(await insertUnitsBulk(tx, units, foldVietnamese));
    const fresh = units.filter((u) => inserted.has(u.id));
    const byCode = new Map(communes.map((c) => [c.code, c]));
    await insertAliasesBulk(tx, fresh.flatMap((u) => communeAliases(byCode.get(u.code)!).map((a) => [u.id, a] as const)), foldVietnamese);
    if (fresh.length) await rebuildClosure(tx);
    await recordAudit(tx, ctx, { action: 'import', entity: 'unit', after: { source: 'national-list', province: provinceCode, created: fresh.length } });
    return { created: fresh.length, total: communes.length };
  });
}

/** The day the two-level local government started (Luật Tổ chức chính quyền địa phương 2025). */
export const TWO_LEVEL_FROM = '2025-07-01';

function communeAliases(c: NationalCommune): string[] {
  const word = c.kind === 'ward' ? 'phường' : c.kind === 'commune' ? 'xã' : 'đặc khu';
  return [`UBND ${word} ${c.name}`, `${word} ${c.name}`];
}
