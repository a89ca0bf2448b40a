import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Queryable } from '../../../db/client';
import { vnDateOfInstant } from '../../../core/calendar/timestamps';
import type { DossierRecord } from '../../../core/indicators/dossier-classify';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { splitCsvLine, type ImportError } from '../../excel';
import { failJob, finishJob, MAX_KEPT_ERRORS, setProgress } from '../indicators/import-jobs';
import { loadUnitLookup, resolveUnit } from '../indicators/import-values';
import { addContribution, applyDeltas, isFinalMonth, recountMonths, toRecord, writeRateValues, type CountMap } from './aggregates';
import { detectSeparator, fieldLabel, mapHeader, parseChannel, parseFeedInstant, parseFlag, type FeedHeader } from './feed-rows';

/** Rows per staging insert and per progress update. */
export const FEED_BATCH = 5000;

export interface FeedRecord extends DossierRecord {
  rowNumber: number;
  unitId: string;
  code: string | null;
  procedureCode: string;
}

async function stage(db: Queryable, jobId: string, batch: readonly FeedRecord[]) {
  await db.query(
    `insert into dossier_import_rows (import_id, row_number, unit_id, code, procedure_code, received_at, channel, fully_online, due_at, finished_at)
     select $1, * from unnest($2::int[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::boolean[], $9::timestamptz[], $10::timestamptz[])`,
    [
      jobId,
      batch.map((r) => r.rowNumber),
      batch.map((r) => r.unitId),
      batch.map((r) => r.code),
      batch.map((r) => r.procedureCode),
      batch.map((r) => r.receivedAt),
      batch.map((r) => r.channel),
      batch.map((r) => r.fullyOnline ?? false),
      batch.map((r) => r.dueAt),
      batch.map((r) => r.finishedAt),
    ],
  );
}

async function countLines(path: string): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) n++;
    last = chunk[chunk.length - 1] ?? 10;
  }
  return last === 10 ? n : n + 1;
}

/**
 * Reads a one-stop-shop feed line by line. Every row is checked; valid rows are staged in
 * batches (invisible to the rest of the system) and their contributions to the monthly
 * counters are added up in memory. Any error fails the whole file and removes the staged
 * rows, so a bad file changes nothing. A clean file is merged in one transaction.
 */
export async function importDossiers(deps: Deps, ctx: AuditContext, jobId: string, file: { path: string; filename: string }) {
  const asOf = deps.now().toISOString();
  const total = Math.max(0, (await countLines(file.path)) - 1);
  await setProgress(deps.db, jobId, { phase: 'validating', total, processed: 0 });
  const units = await loadUnitLookup(deps.db);
  const provinceOf = new Map<string, string>();
  const errors: ImportError[] = [];
  let errorCount = 0;
  const err = (row: number, column: string, message: string) => {
    errorCount++;
    if (errors.length < MAX_KEPT_ERRORS) errors.push({ row, column, message });
  };
  const deltas: CountMap = new Map();
  const codes = new Map<string, number>();
  let header: FeedHeader | undefined;
  let sep = ',';
  let lineNo = 0;
  let rows = 0;
  let batch: FeedRecord[] = [];
  const flush = async () => {
    if (errorCount === 0 && batch.length) await stage(deps.db, jobId, batch);
    batch = [];
    await setProgress(deps.db, jobId, { processed: rows });
  };

  const lines = createInterface({ input: createReadStream(file.path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    if (!header) {
      sep = detectSeparator(line);
      header = mapHeader(splitCsvLine(line, sep));
      if (header.missing.length) {
        err(lineNo, header.missing.join(', '), `thiếu cột bắt buộc: ${header.missing.join(', ')} (dòng đầu tiên phải là dòng tiêu đề)`);
        break;
      }
      continue;
    }
    rows++;
    const cells = splitCsvLine(line, sep);
    const h = header;
    const get = (f: keyof FeedHeader['positions']) => (h.positions[f] === undefined ? '' : (cells[h.positions[f]!] ?? '').trim());
    const bad = (f: keyof FeedHeader['positions'], message: string) => err(lineNo, fieldLabel(h, f), message);
    const before = errorCount;

    const receivedAt = parseFeedInstant(get('received'), 'start');
    if (!get('received')) bad('received', 'không được để trống');
    else if (!receivedAt) bad('received', `"${get('received')}" không phải thời điểm hợp lệ (dd/mm/yyyy [HH:mm] hoặc YYYY-MM-DDTHH:mm+07:00)`);
    const dueAt = get('due') ? parseFeedInstant(get('due'), 'end') : null;
    if (get('due') && !dueAt) bad('due', `"${get('due')}" không phải ngày hợp lệ`);
    const finishedAt = get('finished') ? parseFeedInstant(get('finished'), 'start') : null;
    if (get('finished') && !finishedAt) bad('finished', `"${get('finished')}" không phải thời điểm hợp lệ`);
    if (receivedAt && dueAt && dueAt < receivedAt) bad('due', 'hạn xử lý trước thời điểm tiếp nhận');
    if (receivedAt && finishedAt && finishedAt < receivedAt) bad('finished', 'thời điểm hoàn thành trước thời điểm tiếp nhận');
    if (receivedAt && receivedAt > asOf) bad('received', 'thời điểm tiếp nhận ở tương lai');
    if (finishedAt && finishedAt > asOf) bad('finished', 'thời điểm hoàn thành ở tương lai');

    const channel = parseChannel(get('channel'));
    if (!channel) bad('channel', `"${get('channel')}" không phải kênh hợp lệ (trực tuyến / trực tiếp / bưu chính)`);
    const fully = parseFlag(get('fullyOnline'));
    if (fully === null) bad('fullyOnline', `"${get('fullyOnline')}" phải là có/không (1/0)`);
    const procedureCode = get('procedure');
    if (!procedureCode) bad('procedure', 'không được để trống');
    else if (procedureCode.length > 100) bad('procedure', 'mã thủ tục quá dài');

    let unitId: string | undefined;
    if (!get('unit')) bad('unit', 'không được để trống');
    else {
      const receivedDay = receivedAt ? vnDateOfInstant(Date.parse(receivedAt)) : null;
      const r = resolveUnit(units, get('unit'), receivedDay);
      if (r.error || !r.unit) bad('unit', r.error ?? 'không tìm thấy đơn vị');
      else if (receivedDay && (r.unit.valid_from > receivedDay || (r.unit.valid_to !== null && r.unit.valid_to < receivedDay))) {
        bad('unit', `${r.unit.name} không còn hoặc chưa có hiệu lực vào ngày tiếp nhận ${receivedDay}`);
      } else {
        unitId = r.unit.id;
        provinceOf.set(r.unit.id, r.unit.province_id);
      }
    }
    const code = get('code') || null;
    if (code && unitId) {
      const key = `${unitId}|${code}`;
      const first = codes.get(key);
      if (first !== undefined) bad('code', `mã hồ sơ "${code}" trùng với dòng ${first}`);
      else codes.set(key, lineNo);
    }
    if (errorCount > before || !unitId || !receivedAt || !channel) continue;
    const rec: FeedRecord = { rowNumber: lineNo, unitId, code, procedureCode, receivedAt, channel, fullyOnline: channel === 'online' && fully === true, dueAt, finishedAt };
    if (errorCount === 0) addContribution(deltas, unitId, rec, asOf);
    batch.push(rec);
    if (batch.length >= FEED_BATCH) await flush();
  }
  await flush();

  if (!header) err(1, 'Tiêu đề', 'tệp rỗng');
  else if (rows === 0 && errorCount === 0) err(2, fieldLabel(header, 'unit'), 'tệp không có dòng dữ liệu nào dưới dòng tiêu đề');
  if (errorCount > 0) {
    await deps.db.query('delete from dossier_import_rows where import_id = $1', [jobId]);
    await failJob(deps.db, jobId, `Tệp có ${errorCount} lỗi; chưa có hồ sơ nào được ghi. Sửa các lỗi theo dòng và cột dưới đây rồi nhập lại.`, errors, errorCount);
    return;
  }
  await setProgress(deps.db, jobId, { phase: 'writing', processed: rows });
  await merge(deps, ctx, jobId, file.filename, deltas, provinceOf, asOf, rows);
}

/**
 * One transaction: take out the old version of re-sent dossiers, upsert the staged rows,
 * add the deltas of months already closed, recount the months still open (and any month
 * whose stored counters were computed before it closed), and refresh the two rate values.
 */
async function merge(deps: Deps, ctx: AuditContext, jobId: string, filename: string, deltas: CountMap, provinceOf: Map<string, string>, asOf: string, rows: number) {
  await deps.db.transaction(async (tx) => {
    const replaced = await tx.query<{ unit_id: string; received_at: string; channel: DossierRecord['channel']; fully_online: boolean; due_at: string | null; finished_at: string | null }>(
      `select d.unit_id, d.received_at, d.channel, d.fully_online, d.due_at, d.finished_at
         from dossier_import_rows s join dossiers d on d.unit_id = s.unit_id and d.code = s.code
        where s.import_id = $1 and s.code is not null`,
      [jobId],
    );
    for (const old of replaced) addContribution(deltas, old.unit_id, toRecord(old), asOf, -1);
    await tx.query(
      `insert into dossiers (province_id, unit_id, code, procedure_code, received_at, channel, fully_online, due_at, finished_at, import_id)
       select u.province_id, s.unit_id, s.code, s.procedure_code, s.received_at, s.channel, s.fully_online, s.due_at, s.finished_at, s.import_id
         from dossier_import_rows s join units u on u.id = s.unit_id
        where s.import_id = $1
       on conflict (unit_id, code) do update set procedure_code = excluded.procedure_code, received_at = excluded.received_at, channel = excluded.channel,
          fully_online = excluded.fully_online, due_at = excluded.due_at, finished_at = excluded.finished_at, import_id = excluded.import_id`,
      [jobId],
    );
    const keys = [...deltas.keys()];
    const stale = new Set(
      (await tx.query<{ unit_id: string; month: string }>(
        `select m.unit_id, m.month from dossier_monthly m join unnest($1::uuid[], $2::text[]) as k(unit_id, month) on k.unit_id = m.unit_id and k.month = m.month where not m.final`,
        [keys.map((k) => k.split('|')[0]), keys.map((k) => k.split('|')[1])],
      )).map((r) => `${r.unit_id}|${r.month}`),
    );
    const incremental: CountMap = new Map();
    const recount: Array<{ unitId: string; month: string }> = [];
    for (const [key, c] of deltas) {
      const [unitId, month] = key.split('|') as [string, string];
      if (isFinalMonth(month, asOf) && !stale.has(key)) incremental.set(key, c);
      else recount.push({ unitId, month });
    }
    await applyDeltas(tx, incremental, provinceOf, asOf);
    await recountMonths(tx, recount, asOf);
    const pairs = keys.map((k) => ({ unitId: k.split('|')[0]!, month: k.split('|')[1]! }));
    const values = await writeRateValues(tx, pairs, { id: ctx.actorId, name: ctx.actorName }, jobId, asOf);
    await tx.query('delete from dossier_import_rows where import_id = $1', [jobId]);
    const summary = { rows, replaced: replaced.length, unitMonths: pairs.length, recounted: recount.length, values };
    await recordAudit(tx, ctx, { action: 'import', entity: 'dossier', entityId: jobId, after: { file: filename, ...summary } });
    await finishJob(tx, jobId, summary, rows);
  });
}
