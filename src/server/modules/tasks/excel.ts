import { formatVnDate } from '../../../core/calendar/dates';
import { PILLARS, PILLAR_LABEL_VI, type Pillar } from '../../../core/tasks/pillars';
import { RECURRENCES, RECURRENCE_LABEL_VI, type Recurrence } from '../../../core/tasks/recurrence';
import { expandGroup } from '../../../core/extraction/units';
import { foldVietnamese } from '../../../core/text/fold';
import type { AuditContext } from '../../audit';
import { recordAudit } from '../../audit';
import type { Deps } from '../../context';
import { importErrorMessage, readTable, writeSheet, type ImportColumn, type ImportError, type SheetColumn } from '../../excel';
import { insertTask } from './create';
import type { TTask } from '../../../contracts/tasks';
import { documentNumbers } from './queries';
import { loadRegistry, resolveUnit, type RegistryUnit } from './registry';
import { vnToday } from '../../../core/calendar/timestamps';
import type { ZipFacts } from '../../zip-guard';
import { failpoint } from '../imports/failpoint';

const EXPORT_COLUMNS: SheetColumn<TTask & { stt: number }>[] = [
  { header: 'STT', value: 'stt', type: 'integer', width: 6 },
  { header: 'Nội dung nhiệm vụ', value: 'title', width: 60 },
  { header: 'Văn bản giao', value: (t) => (t.document ? [t.document.type, t.document.number && `số ${t.document.number}`, t.document.issuedOn && `ngày ${formatVnDate(t.document.issuedOn)}`].filter(Boolean).join(' ') : ''), width: 30 },
  { header: 'Đơn vị chủ trì', value: (t) => t.leadUnit.name, width: 30 },
  { header: 'Đơn vị phối hợp', value: (t) => t.coordinators.map((c) => c.name).join('; '), width: 30 },
  { header: 'Ngày giao', value: 'assignedOn', type: 'date' },
  { header: 'Hạn xử lý', value: 'deadline', type: 'date' },
  { header: 'Hạn ban đầu', value: (t) => (t.extended ? t.originalDeadline : null), type: 'date' },
  { header: 'Định kỳ', value: (t) => t.recurrenceLabel ?? '', width: 16 },
  { header: 'Tiến độ (%)', value: 'progressPercent', type: 'integer', width: 10 },
  { header: 'Ngày hoàn thành', value: 'completedOn', type: 'date', width: 14 },
  { header: 'Tình trạng', value: 'statusLabel', width: 26 },
  { header: 'Số ngày quá hạn', value: (t) => t.overdueDays || null, type: 'integer', width: 10 },
  { header: 'Trụ cột', value: (t) => t.pillarLabel ?? '', width: 16 },
  { header: 'Ghi chú', value: (t) => [t.stale ? 'Quá 3 tháng chưa báo cáo tiến độ' : '', t.sample ? 'Dữ liệu mẫu' : ''].filter(Boolean).join('; '), width: 24 },
];

/** The filtered list as the Văn phòng sends it: title, date, Vietnamese headers, dd/mm/yyyy. */
export function exportTasks(tasks: readonly TTask[], today: string, filterNote: string): Promise<Buffer> {
  return writeSheet({
    sheetName: 'Nhiệm vụ',
    title: 'DANH SÁCH NHIỆM VỤ CHUYỂN ĐỔI SỐ',
    subtitle: `Tính đến ngày ${formatVnDate(today)} — ${tasks.length} nhiệm vụ${filterNote ? ` — ${filterNote}` : ''}`,
    columns: EXPORT_COLUMNS,
    rows: tasks.map((t, i) => ({ ...t, stt: i + 1 })),
  });
}

export const IMPORT_COLUMNS: ImportColumn[] = [
  { key: 'title', header: 'Nội dung nhiệm vụ', aliases: ['Nhiệm vụ', 'Tên nhiệm vụ'], type: 'text', required: true },
  { key: 'lead', header: 'Đơn vị chủ trì', aliases: ['Chủ trì'], type: 'text', required: true },
  { key: 'coordinators', header: 'Đơn vị phối hợp', aliases: ['Phối hợp'], type: 'text' },
  { key: 'assignedOn', header: 'Ngày giao', type: 'date' },
  { key: 'deadline', header: 'Hạn xử lý', aliases: ['Thời hạn', 'Hạn hoàn thành'], type: 'date' },
  { key: 'recurrence', header: 'Định kỳ', type: 'text' },
  { key: 'pillar', header: 'Trụ cột', type: 'text' },
  { key: 'document', header: 'Số, ký hiệu văn bản', aliases: ['Số ký hiệu văn bản', 'Số/ký hiệu văn bản', 'Số, ký hiệu'], type: 'text' },
  { key: 'description', header: 'Ghi chú', aliases: ['Mô tả'], type: 'text' },
];

/** An empty template with the accepted columns; the subtitle says how to fill them. */
export function importTemplate(): Promise<Buffer> {
  return writeSheet({
    sheetName: 'Nhập nhiệm vụ',
    title: 'MẪU NHẬP DANH SÁCH NHIỆM VỤ',
    subtitle: 'Ngày ghi dạng dd/mm/yyyy. Nhiều đơn vị phối hợp cách nhau bằng dấu chấm phẩy (;). Định kỳ: Hằng tuần, Định kỳ 02 tuần/lần, Hằng tháng, Hằng quý, Hằng năm.',
    columns: IMPORT_COLUMNS.map((c) => ({ header: c.header, value: () => null, type: c.type === 'date' ? ('date' as const) : undefined, width: c.key === 'title' ? 60 : 24 })),
    rows: [],
  });
}

const RECURRENCE_WORDS: Array<[RegExp, Recurrence]> = [
  [/(?:02|2|hai) tuan/, 'biweekly'],
  [/(?:hang|moi) tuan|tuan/, 'weekly'],
  [/(?:hang|moi) thang|thang/, 'monthly'],
  [/(?:hang|moi) quy|quy/, 'quarterly'],
  [/(?:hang|moi) nam|nam/, 'annual'],
];

function parseRecurrence(s: string): Recurrence | null | undefined {
  const f = foldVietnamese(s);
  if (!f || f === 'khong') return null;
  for (const r of RECURRENCES) if (foldVietnamese(RECURRENCE_LABEL_VI[r]) === f || r === f) return r;
  return RECURRENCE_WORDS.find(([re]) => re.test(f))?.[1];
}

function parsePillar(s: string): Pillar | null | undefined {
  const f = foldVietnamese(s);
  if (!f) return null;
  return PILLARS.find((p) => foldVietnamese(PILLAR_LABEL_VI[p]) === f || p === f);
}

export interface ImportOutcome {
  ok: boolean;
  created: number;
  errors: ImportError[];
  message: string;
}

/**
 * All or nothing: every row is checked (units valid on its assignment date, dates, document
 * numbers) and any error refuses the whole file, naming each row and column; otherwise all
 * tasks are written in one transaction.
 */
/** Tasks are written one by one with their coordinators: a file is a plan's list, not a bulk feed. */
export const TASK_IMPORT_MAX_ROWS = 10_000;

export async function importTasks(deps: Deps, ctx: AuditContext, actorId: string, file: { buffer: Buffer; filename: string; zip?: ZipFacts }): Promise<ImportOutcome> {
  const now = deps.now();
  const today = vnToday(now);
  const { rows, errors } = await readTable(file.buffer, file.filename, IMPORT_COLUMNS, { maxRows: TASK_IMPORT_MAX_ROWS, zip: file.zip });
  const registries = new Map<string, RegistryUnit[]>();
  const registryOn = async (date: string) => {
    let r = registries.get(date);
    if (!r) registries.set(date, (r = await loadRegistry(deps.db, date)));
    return r;
  };
  const docs = await documentNumbers(deps.db);
  const docByNumber = new Map(docs.map((d) => [foldVietnamese(d.doc_number), d.id]));
  const header = (key: string) => IMPORT_COLUMNS.find((c) => c.key === key)!.header;
  const planned: Array<Parameters<typeof insertTask>[2]> = [];
  for (const row of rows) {
    const v = row.values as Record<string, string | number | null>;
    const bad = (key: string, message: string) => errors.push({ row: row.rowNumber, column: header(key), message });
    const assignedOn = (v.assignedOn as string | null) ?? today;
    if (assignedOn > today) bad('assignedOn', `ngày giao ${formatVnDate(assignedOn)} ở tương lai`);
    const registry = await registryOn(assignedOn);
    const leadText = (v.lead as string | null) ?? '';
    let leadUnitId: string | null = null;
    if (leadText) {
      if (expandGroup(leadText)) bad('lead', `"${leadText}" là một nhóm đơn vị; mỗi dòng chỉ giao cho một đơn vị chủ trì`);
      else {
        const unit = resolveUnit(leadText, registry);
        if (!unit) bad('lead', `không tìm thấy đơn vị "${leadText}" trong danh mục đơn vị tại ngày ${formatVnDate(assignedOn)}`);
        leadUnitId = unit?.id ?? null;
      }
    }
    const coordinatorUnitIds: string[] = [];
    for (const name of String(v.coordinators ?? '').split(/[;\n]+/).map((s) => s.trim()).filter(Boolean)) {
      const unit = resolveUnit(name, registry);
      if (!unit) bad('coordinators', `không tìm thấy đơn vị phối hợp "${name}" trong danh mục đơn vị`);
      else coordinatorUnitIds.push(unit.id);
    }
    const deadline = (v.deadline as string | null) ?? null;
    if (deadline && deadline < assignedOn) bad('deadline', `hạn xử lý ${formatVnDate(deadline)} trước ngày giao ${formatVnDate(assignedOn)}`);
    const recurrence = parseRecurrence(String(v.recurrence ?? ''));
    if (recurrence === undefined) bad('recurrence', `"${String(v.recurrence)}" không phải kỳ hợp lệ (Hằng tuần, Định kỳ 02 tuần/lần, Hằng tháng, Hằng quý, Hằng năm)`);
    const pillar = parsePillar(String(v.pillar ?? ''));
    if (pillar === undefined) bad('pillar', `"${String(v.pillar)}" không phải trụ cột hợp lệ (${PILLARS.map((p) => PILLAR_LABEL_VI[p]).join(', ')})`);
    let documentId: string | null = null;
    if (v.document) {
      documentId = docByNumber.get(foldVietnamese(String(v.document))) ?? null;
      if (!documentId) bad('document', `chưa có văn bản số "${String(v.document)}" trong hệ thống; hãy đăng ký văn bản trước`);
    }
    const title = String(v.title ?? '');
    if (title.length > 2000) bad('title', 'nội dung quá dài (tối đa 2.000 ký tự)');
    if (leadUnitId) {
      planned.push({
        title,
        description: (v.description as string | null) ?? null,
        leadUnitId,
        coordinatorUnitIds,
        assignedOn,
        deadline,
        recurrence: recurrence ?? null,
        pillar: pillar ?? null,
        documentId,
        createdBy: actorId,
      });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  if (errors.length) return { ok: false, created: 0, errors, message: importErrorMessage(errors) };
  await deps.db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const t of planned) ids.push((await insertTask(tx, { ...ctx }, t, now, today)).id);
    await failpoint('task-import');
    await recordAudit(tx, ctx, { action: 'import', entity: 'task_import', after: { file: file.filename, created: ids.length, taskIds: ids } });
  });
  return { ok: true, created: planned.length, errors: [], message: `Đã nhập ${planned.length} nhiệm vụ từ tệp ${file.filename}` };
}
