import { createReadStream } from 'node:fs';
import type { Queryable } from '../../../db/client';
import { vnDateOfInstant } from '../../../core/calendar/timestamps';
import type { DossierRecord } from '../../../core/indicators/dossier-classify';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { csvRecords, type ImportError } from '../../excel';
import { finishJob, failJob, MAX_KEPT_ERRORS } from '../imports/jobs';
import type { ImportRun } from '../imports/runner';
import { StagingWriter } from '../imports/staging-writer';
import { loadUnitLookup, resolveUnit } from '../indicators/import-values';
import { failpoint } from '../imports/failpoint';
import { fieldLabel, mapHeader, parseChannel, parseFeedInstant, parseFlag, type FeedHeader } from './feed-rows';
import { applyPairDeltas, feedDeltas, recountPairs, writePairRates } from './monthly-sql';

export interface FeedRecord extends DossierRecord {
  rowNumber: number;
  unitId: string;
  code: string | null;
  procedureCode: string;
}

const STAGING_COLUMNS = ['import_id', 'row_number', 'unit_id', 'code', 'procedure_code', 'received_at', 'channel', 'fully_online', 'due_at', 'finished_at'] as const;

async function countLines(path: string): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++;
    last = chunk[chunk.length - 1] ?? 10;
  }
  return last === 10 ? n : n + 1;
}

/** Re-sent codes twice in one file: each later row names the first (found in SQL, not in memory). */
async function duplicateCodes(db: Queryable, jobId: string, limit: number): Promise<{ rows: Array<{ row_number: number; first: number; code: string }>; count: number }> {
  // The usual answer is "none": a hash aggregate says so cheaply; row numbers only when needed.
  const any = await db.query('select 1 from dossier_import_rows where import_id = $1 and code is not null group by unit_id, code having count(*) > 1 limit 1', [jobId]);
  if (any.length === 0) return { rows: [], count: 0 };
  const rows = await db.query<{ row_number: number; first: number; code: string; total: number }>(
    `select row_number, first, code, count(*) over ()::int as total from (
       select row_number, code, min(row_number) over (partition by unit_id, code) as first
         from dossier_import_rows where import_id = $1 and code is not null) d
      where row_number <> first order by row_number limit $2`,
    [jobId, limit],
  );
  return { rows, count: rows[0]?.total ?? 0 };
}

/**
 * Reads a one-stop-shop feed as a stream (csv-parse). Every row is checked; valid rows go to
 * the staging table by COPY in chunks (invisible to the rest of the system). Any error fails
 * the whole file and the staged rows are removed, so a bad file changes nothing. A clean file
 * is merged in one transaction of a few set-based statements.
 */
export async function importDossiers(deps: Deps, ctx: AuditContext, run: ImportRun, file: { path: string; filename: string }) {
  const jobId = run.jobId;
  const asOf = deps.now().toISOString();
  const total = Math.max(0, (await countLines(file.path)) - 1);
  await run.progress({ phase: 'validating', total, processed: 0 });
  const units = await loadUnitLookup(deps.db);
  const errors: ImportError[] = [];
  let errorCount = 0;
  const err = (row: number, column: string, message: string) => {
    errorCount++;
    if (errors.length < MAX_KEPT_ERRORS) errors.push({ row, column, message });
  };
  let header: FeedHeader | undefined;
  let rows = 0;
  const staging = new StagingWriter(deps.db, 'dossier_import_rows', STAGING_COLUMNS, deps.config.IMPORT_CHUNK_ROWS, async (read) => {
    await run.progress({ processed: read });
    await failpoint('import-chunk');
  });

  try {
    for await (const { fields, line } of csvRecords(createReadStream(file.path))) {
      if (!header) {
        header = mapHeader(fields);
        if (header.missing.length) {
          err(line, header.missing.join(', '), `thiếu cột bắt buộc: ${header.missing.join(', ')} (dòng đầu tiên phải là dòng tiêu đề)`);
          break;
        }
        continue;
      }
      rows++;
      const h = header;
      const get = (f: keyof FeedHeader['positions']) => (h.positions[f] === undefined ? '' : (fields[h.positions[f]!] ?? '').trim());
      const bad = (f: keyof FeedHeader['positions'], message: string) => err(line, fieldLabel(h, f), message);
      const before = errorCount;

      const receivedAt = parseFeedInstant(get('received'), 'start');
      if (!get('received')) bad('received', 'không được để trống');
      else if (!receivedAt) bad('received', `"${get('received')}" không phải thời điểm hợp lệ (dd/mm/yyyy [HH:mm] hoặc YYYY-MM-DDTHH:mm+07:00; năm 1900–2100)`);
      const dueAt = get('due') ? parseFeedInstant(get('due'), 'end') : null;
      if (get('due') && !dueAt) bad('due', `"${get('due')}" không phải ngày hợp lệ (năm 1900–2100)`);
      const finishedAt = get('finished') ? parseFeedInstant(get('finished'), 'start') : null;
      if (get('finished') && !finishedAt) bad('finished', `"${get('finished')}" không phải thời điểm hợp lệ (năm 1900–2100)`);
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
      const code = get('code') || null;
      if (code && code.length > 100) bad('code', 'mã hồ sơ quá dài');

      let unitId: string | undefined;
      if (!get('unit')) bad('unit', 'không được để trống');
      else {
        const receivedDay = receivedAt ? vnDateOfInstant(Date.parse(receivedAt)) : null;
        const r = resolveUnit(units, get('unit'), receivedDay);
        if (r.error || !r.unit) bad('unit', r.error ?? 'không tìm thấy đơn vị');
        else if (receivedDay && (r.unit.valid_from > receivedDay || (r.unit.valid_to !== null && r.unit.valid_to < receivedDay))) {
          bad('unit', `${r.unit.name} không còn hoặc chưa có hiệu lực vào ngày tiếp nhận ${receivedDay}`);
        } else unitId = r.unit.id;
      }
      // Valid rows are staged even after an error elsewhere, so that duplicate codes are all found.
      if (errorCount > before || !unitId || !receivedAt || !channel) continue;
      await staging.push([jobId, line, unitId, code, procedureCode, receivedAt, channel, channel === 'online' && fully === true, dueAt, finishedAt], rows);
    }
    await staging.finish(rows);
  } catch (failure) {
    // A chunk may still be loading: let it land before the runner removes the staged rows.
    await staging.settle();
    throw failure;
  }

  if (!header) err(1, 'Tiêu đề', 'tệp rỗng');
  else if (rows === 0 && errorCount === 0) err(2, fieldLabel(header, 'unit'), 'tệp không có dòng dữ liệu nào dưới dòng tiêu đề');
  if (header && !header.missing.length) {
    const dups = await duplicateCodes(deps.db, jobId, MAX_KEPT_ERRORS);
    for (const d of dups.rows) errors.push({ row: d.row_number, column: fieldLabel(header, 'code'), message: `mã hồ sơ "${d.code}" trùng với dòng ${d.first}` });
    errorCount += dups.count;
  }
  if (errorCount > 0) {
    errors.sort((a, b) => a.row - b.row);
    await failJob(deps.db, jobId, `Tệp có ${errorCount} lỗi; chưa có hồ sơ nào được ghi. Sửa các lỗi theo dòng và cột dưới đây rồi nhập lại.`, errors.slice(0, MAX_KEPT_ERRORS), errorCount);
    return;
  }
  await run.progress({ phase: 'writing', processed: rows });
  await merge(deps, ctx, run, file.filename, asOf, rows);
}

/**
 * One transaction: the deltas of the feed per unit and month (+ new, − the stored version of
 * re-sent dossiers), the upsert of the staged rows, the deltas added to closed months, a
 * recount of the months still open (and of any stored before it closed), the two rate values.
 */
async function merge(deps: Deps, ctx: AuditContext, run: ImportRun, filename: string, asOf: string, rows: number) {
  const jobId = run.jobId;
  await deps.db.transaction(async (tx) => {
    await feedDeltas(tx, jobId, asOf);
    const replaced = (await tx.query<{ n: number }>(
      `select count(*)::int as n from dossier_import_rows s join dossiers d on d.unit_id = s.unit_id and d.code = s.code where s.import_id = $1 and s.code is not null`,
      [jobId],
    ))[0]!.n;
    await tx.query(
      `insert into dossiers (province_id, unit_id, code, procedure_code, received_at, channel, fully_online, due_at, finished_at, import_id)
       select u.province_id, s.unit_id, s.code, s.procedure_code, s.received_at, s.channel, s.fully_online, s.due_at, s.finished_at, s.import_id
         from dossier_import_rows s join units u on u.id = s.unit_id
        where s.import_id = $1
       on conflict (unit_id, code) do update set procedure_code = excluded.procedure_code, received_at = excluded.received_at, channel = excluded.channel,
          fully_online = excluded.fully_online, due_at = excluded.due_at, finished_at = excluded.finished_at, import_id = excluded.import_id`,
      [jobId],
    );
    await failpoint('dossier-merge');
    await applyPairDeltas(tx);
    await recountPairs(tx, asOf);
    const values = await writePairRates(tx, { id: ctx.actorId, name: ctx.actorName }, jobId, asOf);
    const counts = (await tx.query<{ pairs: number; recounted: number }>('select count(*)::int as pairs, (count(*) filter (where recount))::int as recounted from dossier_pairs'))[0]!;
    const summary = { rows, replaced, unitMonths: counts.pairs, recounted: counts.recounted, values };
    await recordAudit(tx, ctx, { action: 'import', entity: 'dossier', entityId: jobId, after: { file: filename, ...summary } });
    // The last word: a cancel that arrived meanwhile (this process or another) rolls it all back.
    run.checkStopped();
    await finishJob(tx, jobId, summary, rows);
  });
}
