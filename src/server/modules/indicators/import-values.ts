import type { Queryable } from '../../../db/client';
import { formatPeriodKey, isPeriodKey } from '../../../core/periods/period-key';
import { periodRange } from '../../../core/periods/period-range';
import { foldVietnamese } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { openTable, writeSheet, type ImportColumn, type ImportError, type TableSource } from '../../excel';
import { failpoint } from '../imports/failpoint';
import { failJob, finishJob, MAX_KEPT_ERRORS } from '../imports/jobs';
import type { ImportRun } from '../imports/runner';
import { StagingWriter } from '../imports/staging-writer';
import { checkValue, type ValueProblem } from './check-value';
import { listIndicators, type IndicatorRow, type UnitInfo } from './queries';

/** The columns of the import template; headers match without case or diacritics. */
export const VALUE_COLUMNS: readonly ImportColumn[] = [
  { key: 'indicator', header: 'Mã chỉ số', aliases: ['Ma chi so', 'Chỉ số'], type: 'text', required: true },
  { key: 'unit', header: 'Đơn vị', aliases: ['Mã đơn vị', 'Tên đơn vị'], type: 'text', required: true },
  { key: 'period', header: 'Kỳ', aliases: ['Kỳ báo cáo', 'Ky'], type: 'text', required: true },
  { key: 'value', header: 'Giá trị', type: 'number' },
  { key: 'numerator', header: 'Tử số', type: 'number' },
  { key: 'denominator', header: 'Mẫu số', type: 'number' },
  { key: 'source', header: 'Cơ quan nguồn', aliases: ['Nguồn'], type: 'text' },
  { key: 'note', header: 'Ghi chú', type: 'text' },
];

const HEADER: Record<ValueProblem['field'], string> = {
  indicator: 'Mã chỉ số',
  unit: 'Đơn vị',
  period: 'Kỳ',
  value: 'Giá trị',
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  sourceAgency: 'Cơ quan nguồn',
};

/**
 * Period as people type it: the key itself (2022-M06, 2022-Q2, 2022), "06/2022", "Quý 2/2022"
 * or "Q2/2022", or a date (Excel turns "06/2022" into 01/06/2022) read as its month.
 */
export function normalisePeriod(raw: string): string {
  const s = raw.trim();
  if (isPeriodKey(s)) return s;
  const month = /^(\d{1,2})\/(\d{4})$/.exec(s);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) return formatPeriodKey({ type: 'month', year: Number(month[2]), index: Number(month[1]) });
  const quarter = /^(?:quý|quy|q)\s*([1-4]|i{1,3}|iv)\s*[/-]\s*(\d{4})$/i.exec(s);
  if (quarter) {
    const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
    const q = roman[quarter[1]!.toLowerCase()] ?? Number(quarter[1]);
    return formatPeriodKey({ type: 'quarter', year: Number(quarter[2]), index: q });
  }
  const date = /^(\d{4})-(\d{2})-\d{2}$/.exec(s);
  if (date) return `${date[1]}-M${date[2]}`;
  return s;
}

interface UnitLookup {
  byCode: Map<string, UnitInfo>;
  byName: Map<string, UnitInfo[]>;
}

export async function loadUnitLookup(db: Queryable): Promise<UnitLookup> {
  const units = await db.query<UnitInfo & { name_folded: string }>('select id, code, name, short_name, kind, province_id, valid_from, valid_to, name_folded from units');
  const aliases = await db.query<{ unit_id: string; alias_folded: string }>('select unit_id, alias_folded from unit_aliases');
  const byId = new Map(units.map((u) => [u.id, u]));
  const byName = new Map<string, UnitInfo[]>();
  const add = (key: string, u: UnitInfo) => {
    const list = byName.get(key) ?? [];
    if (!list.includes(u)) list.push(u);
    byName.set(key, list);
  };
  for (const u of units) add(u.name_folded, u);
  for (const a of aliases) {
    const u = byId.get(a.unit_id);
    if (u) add(a.alias_folded, u);
  }
  return { byCode: new Map(units.map((u) => [u.code.toUpperCase(), u])), byName };
}

/**
 * A unit by its code, or by its name or alias without diacritics; a name that several units
 * have had over time resolves to the one that existed on `date`.
 */
export function resolveUnit(lookup: UnitLookup, raw: string, date: string | null): { unit?: UnitInfo; error?: string } {
  const byCode = lookup.byCode.get(raw.trim().toUpperCase());
  if (byCode) return { unit: byCode };
  const candidates = lookup.byName.get(foldVietnamese(raw)) ?? [];
  if (candidates.length === 0) return { error: `không tìm thấy đơn vị "${raw}" (dùng mã đơn vị, ví dụ HP.Q.LECHAN, hoặc tên đầy đủ)` };
  if (candidates.length === 1) return { unit: candidates[0] };
  const valid = date ? candidates.filter((u) => u.valid_from <= date && (u.valid_to === null || u.valid_to >= date)) : [];
  if (valid.length === 1) return { unit: valid[0] };
  return { error: `tên "${raw}" ứng với nhiều đơn vị (${candidates.map((u) => u.code).join(', ')}); hãy dùng mã đơn vị` };
}

/** Excel's own row limit: a file past it is not a sheet a person made. */
export const VALUE_MAX_ROWS = 1_048_576;

const STAGING_COLUMNS = [
  'import_id', 'row_number', 'province_id', 'indicator_id', 'unit_id', 'period', 'period_type', 'period_start', 'period_end',
  'source_agency', 'value', 'numerator', 'denominator', 'note',
] as const;

/**
 * Reads, checks and writes a file of values. Rows are streamed from the sheet, checked one by
 * one and staged by COPY; a single error fails the whole file (the job keeps the errors by row
 * and column) and nothing is written. A clean file is merged in one statement.
 */
export async function importValues(deps: Deps, ctx: AuditContext, run: ImportRun, file: TableSource) {
  const jobId = run.jobId;
  const table = await openTable(file, VALUE_COLUMNS, { maxRows: VALUE_MAX_ROWS });
  await run.progress({ phase: 'validating', total: table.total, processed: 0 });
  const errors: ImportError[] = [];
  let errorCount = 0;
  const keep = (e: ImportError) => {
    errorCount++;
    if (errors.length < MAX_KEPT_ERRORS) errors.push(e);
  };
  const indicators = new Map((await listIndicators(deps.db)).map((i) => [i.code.toUpperCase(), i]));
  const units = await loadUnitLookup(deps.db);
  let rows = 0;
  const staging = new StagingWriter(deps.db, 'indicator_import_rows', STAGING_COLUMNS, deps.config.IMPORT_CHUNK_ROWS, async (read) => {
    await run.progress({ processed: read });
    await failpoint('import-chunk');
  });
  try {
    for await (const row of table.rows) {
      rows++;
      for (const e of row.errors) keep(e);
      // A cell that could not even be read is reported once, not again by the rules below.
      const unreadable = new Set(row.errors.map((e) => e.column));
      const v = row.values;
      const err = (column: string, message: string) => {
        if (!unreadable.has(column)) keep({ row: row.rowNumber, column, message });
      };
      const code = typeof v.indicator === 'string' ? v.indicator : null;
      const indicator: IndicatorRow | undefined = code ? indicators.get(code.toUpperCase()) : undefined;
      if (code && !indicator) err('Mã chỉ số', `không có chỉ số mã "${code}" trong danh mục`);
      const period = typeof v.period === 'string' ? normalisePeriod(v.period) : null;
      const periodDate = period && isPeriodKey(period) ? periodRange(period).end : null;
      let unit: UnitInfo | undefined;
      if (typeof v.unit === 'string') {
        const r = resolveUnit(units, v.unit, periodDate);
        if (r.error) err('Đơn vị', r.error);
        unit = r.unit;
      }
      if (!indicator || !unit || !period) continue;
      const checked = checkValue(indicator, unit, {
        period,
        sourceAgency: typeof v.source === 'string' ? v.source : null,
        value: typeof v.value === 'number' ? v.value : null,
        numerator: typeof v.numerator === 'number' ? v.numerator : null,
        denominator: typeof v.denominator === 'number' ? v.denominator : null,
        note: typeof v.note === 'string' ? v.note : null,
      });
      for (const p of checked.problems) err(HEADER[p.field], p.message);
      const c = checked.value;
      if (!c || row.errors.length > 0) continue;
      await staging.push([jobId, row.rowNumber, c.provinceId, c.indicatorId, c.unitId, c.period, c.periodType, c.periodStart, c.periodEnd, c.sourceAgency, c.value, c.numerator, c.denominator, c.note], rows);
    }
    await staging.finish(rows);
  } catch (failure) {
    // A chunk may still be loading: let it land before the runner removes the staged rows.
    await staging.settle();
    throw failure;
  }
  // The same indicator, unit, period and source twice: found in SQL over the staged rows
  // (a hash aggregate first, row numbers only when there is one).
  const anyDup = await deps.db.query('select 1 from indicator_import_rows where import_id = $1 group by indicator_id, unit_id, period, source_agency having count(*) > 1 limit 1', [jobId]);
  const dups = anyDup.length === 0 ? [] : await deps.db.query<{ row_number: number; first: number; total: number }>(
    `select row_number, first, count(*) over ()::int as total from (
       select row_number, min(row_number) over (partition by indicator_id, unit_id, period, source_agency) as first
         from indicator_import_rows where import_id = $1) d
      where row_number <> first order by row_number limit $2`,
    [jobId, MAX_KEPT_ERRORS],
  );
  for (const d of dups) errors.push({ row: d.row_number, column: 'Kỳ', message: `trùng chỉ số, đơn vị, kỳ và nguồn với dòng ${d.first}` });
  errorCount += dups[0]?.total ?? 0;
  if (errorCount > 0) {
    errors.sort((a, b) => a.row - b.row);
    await failJob(deps.db, jobId, `Tệp có ${errorCount} lỗi; chưa có dữ liệu nào được ghi. Sửa các lỗi theo dòng và cột dưới đây rồi nhập lại.`, errors.slice(0, MAX_KEPT_ERRORS), errorCount);
    return;
  }
  await run.progress({ phase: 'writing', processed: rows });
  await deps.db.transaction(async (tx) => {
    const [counts] = await tx.query<{ created: number; updated: number; indicators: number; units: number }>(
      `with written as (
         insert into indicator_values (province_id, indicator_id, unit_id, period, period_type, period_start, period_end, source_agency,
                                       value, numerator, denominator, status, origin, import_id, submission_id, note,
                                       entered_by, entered_by_name, entered_at, sample)
         select province_id, indicator_id, unit_id, period, period_type, period_start, period_end, source_agency,
                value, numerator, denominator, 'approved', 'import', import_id, null, note, $2::uuid, $3, $4::timestamptz, false
           from indicator_import_rows where import_id = $1
         on conflict (indicator_id, unit_id, period, source_agency) do update set
           value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator, status = excluded.status,
           origin = excluded.origin, import_id = excluded.import_id, submission_id = excluded.submission_id, note = excluded.note,
           entered_by = excluded.entered_by, entered_by_name = excluded.entered_by_name, entered_at = excluded.entered_at,
           sample = excluded.sample, version = indicator_values.version + 1
         returning (xmax = 0) as inserted, indicator_id, unit_id)
       select (count(*) filter (where inserted))::int as created, (count(*) filter (where not inserted))::int as updated,
              count(distinct indicator_id)::int as indicators, count(distinct unit_id)::int as units
         from written`,
      [jobId, ctx.actorId, ctx.actorName, deps.now().toISOString()],
    );
    await failpoint('value-merge');
    const summary = { rows: counts!.created + counts!.updated, created: counts!.created, updated: counts!.updated, indicators: counts!.indicators, units: counts!.units };
    await recordAudit(tx, ctx, { action: 'import', entity: 'indicator_value', entityId: jobId, after: { file: file.filename, ...summary } });
    run.checkStopped();
    await finishJob(tx, jobId, summary, summary.rows);
  });
}

/** The template a coordinator fills in: the columns, with two example rows. */
export async function valueTemplate(db: Queryable): Promise<Buffer> {
  const examples = await db.query<{ code: string; kind: string; periodicity: string }>(`select code, kind, periodicity from indicators where kind <> 'formula' order by kind desc, code limit 2`);
  const rows = examples.map((e) => ({
    indicator: e.code,
    unit: 'HP.Q.LECHAN',
    period: e.periodicity === 'month' ? '2022-M06' : e.periodicity === 'quarter' ? '2022-Q2' : '2022',
    value: e.kind === 'raw' ? 1 : null,
    numerator: e.kind === 'ratio' ? 279 : null,
    denominator: e.kind === 'ratio' ? 1000 : null,
    source: '',
    note: 'Dòng ví dụ — xoá trước khi nhập',
  }));
  return writeSheet({
    sheetName: 'So lieu',
    title: 'MẪU NHẬP SỐ LIỆU CHỈ SỐ',
    subtitle: 'Kỳ: 2022-M06 (tháng), 2022-Q2 (quý), 2022-H1, 2022-9M, 2022 (năm). Chỉ số tỷ lệ: nhập tử số và mẫu số.',
    columns: [
      { header: 'Mã chỉ số', value: 'indicator', width: 18 },
      { header: 'Đơn vị', value: 'unit', width: 26 },
      { header: 'Kỳ', value: 'period', width: 12 },
      { header: 'Giá trị', value: 'value', type: 'number' },
      { header: 'Tử số', value: 'numerator', type: 'number' },
      { header: 'Mẫu số', value: 'denominator', type: 'number' },
      { header: 'Cơ quan nguồn', value: 'source', width: 26 },
      { header: 'Ghi chú', value: 'note', width: 30 },
    ],
    rows,
  });
}
