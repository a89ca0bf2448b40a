/**
 * `haidang extract <file> [--json]`: proposal of metadata and assignments for one document
 * (.txt, .docx, .pdf). `haidang eval-extract [gold.json]`: the extractor scored against
 * gold annotations.
 */
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { z } from 'zod';
import { extractDirective, toGoldFormat, type TGoldDocument } from '../core/extraction/extract';
import { METADATA_FIELDS, scoreDocument, totalScores, type TDocumentScore } from '../core/extraction/evaluate';
import { documentText } from '../server/documents/document-text';
import { loadCorpus, type TCorpusEntry, type TSplit } from './corpus';

class UserError extends Error {}

/** Plain text of a document file, read exactly as the upload route reads it. */
export async function readDocumentText(path: string): Promise<string> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch {
    throw new UserError(`Không đọc được tệp: ${path}`);
  }
  try {
    return await documentText(path, data);
  } catch (e) {
    throw new UserError(`${(e as Error).message}: ${path}`);
  }
}

function printHuman(doc: TGoldDocument): void {
  const m = doc.metadata;
  const line = (label: string, value: string | null): void => console.log(`${label.padEnd(16)}${value ?? '—'}`);
  line('Số/ký hiệu:', m.so_ky_hieu);
  line('Ngày ban hành:', m.ngay_ban_hanh);
  line('Cơ quan:', m.co_quan);
  line('Loại:', m.loai);
  line('Trích yếu:', m.trich_yeu);
  line('Người ký:', m.nguoi_ky);
  console.log(`\n${doc.assignments.length} nhiệm vụ được giao:`);
  doc.assignments.forEach((a, i) => {
    console.log(`\n${i + 1}. ${a.lead}${a.coordinators.length ? ` (phối hợp: ${a.coordinators.join('; ')})` : ''}`);
    console.log(`   ${a.task}`);
    const timing = [a.deadline ? `hạn ${a.deadline}` : null, a.deadline_text ? `“${a.deadline_text}”` : null, a.recurrence ? `định kỳ: ${a.recurrence}` : null]
      .filter(Boolean)
      .join(', ');
    if (timing) console.log(`   ${timing}`);
  });
}

export async function runExtract(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const date = flag(args, '--date');
  const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--date');
  if (files.length !== 1 || (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date))) {
    console.error('Cách dùng: haidang extract <tệp .txt|.docx|.pdf> [--json] [--date YYYY-MM-DD (ngày văn bản khi văn bản không ghi)]');
    return 2;
  }
  try {
    const text = await readDocumentText(files[0] as string);
    const proposal = extractDirective(text, { documentDate: date });
    const doc = toGoldFormat(proposal);
    if (json) console.log(JSON.stringify(doc, null, 2));
    else {
      printHuman(doc);
      proposal.assignments.forEach((a, i) => console.log(`   [${i + 1}] ${a.confidence}: ${a.why}`));
      if (proposal.unread.length) {
        console.log(`\n${proposal.unread.length} câu có vẻ giao việc nhưng chưa đọc được:`);
        for (const u of proposal.unread) console.log(`  - ${u.text}${u.lead ? ` (đơn vị: ${u.lead})` : ''}${u.deadline ? ` (hạn: ${u.deadline})` : ''}`);
      }
    }
    return 0;
  } catch (e) {
    if (e instanceof UserError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

const ZNullableString = z.string().nullable().optional().transform((v) => v ?? null);

const ZGoldAssignment = z.object({
  lead: z.string(),
  coordinators: z.array(z.string()).optional().transform((v) => v ?? []),
  task: z.string().optional().transform((v) => v ?? ''),
  deadline: ZNullableString,
  deadline_text: ZNullableString,
  recurrence: ZNullableString,
});

const ZGoldFile = z.object({
  about: z.string().optional(),
  seeds_dir: z.string().optional(),
  documents: z.array(
    z.object({
      file: z.string(),
      /** An export of reviewed documents carries its text inline. */
      text: z.string().optional(),
      metadata: z
        .object({
          so_ky_hieu: ZNullableString,
          ngay_ban_hanh: ZNullableString,
          co_quan: ZNullableString,
          nguoi_ky: ZNullableString,
          loai: ZNullableString,
          trich_yeu: ZNullableString,
        })
        .optional(),
      assignments: z.array(ZGoldAssignment),
    }),
  ),
});

export type TGoldFile = z.infer<typeof ZGoldFile>;

const f2 = (n: number): string => n.toFixed(2);

function describeMisses(gold: TGoldDocument, predicted: TGoldDocument, score: TDocumentScore): void {
  for (const i of score.unmatchedGold) console.log(`    thiếu (gold):   ${gold.assignments[i]?.lead} — ${gold.assignments[i]?.task.slice(0, 80)}`);
  for (const i of score.unmatchedPredicted) {
    console.log(`    thừa (dự đoán): ${predicted.assignments[i]?.lead} — ${predicted.assignments[i]?.task.slice(0, 80)}`);
  }
  for (const p of score.pairs) {
    const g = gold.assignments[p.gold];
    const d = predicted.assignments[p.predicted];
    if (!p.deadlineOk) console.log(`    sai hạn: ${g?.lead}: gold ${g?.deadline} / dự đoán ${d?.deadline} (“${d?.deadline_text ?? ''}”)`);
    if (!p.recurrenceOk) console.log(`    sai định kỳ: ${g?.lead}: gold ${g?.recurrence} / dự đoán ${d?.recurrence}`);
  }
  for (const f of score.metadataScored) {
    if (!score.metadataCorrect[f]) console.log(`    sai ${f}: gold ${JSON.stringify(gold.metadata[f])} / dự đoán ${JSON.stringify(predicted.metadata[f])}`);
  }
}

function printTotals(title: string, scores: TDocumentScore[], withMetadata: boolean): void {
  const t = totalScores(scores);
  const sum = (f: (s: TDocumentScore) => number): number => scores.reduce((a, s) => a + f(s), 0);
  const c = { tp: sum((s) => s.coordinators.tp), wrong: sum((s) => s.coordinators.fp + s.coordinators.fn) };
  console.log(`\n${title}`);
  console.log(`  lead-unit precision:        ${f2(t.precision)} (${sum((s) => s.matched)}/${sum((s) => s.predicted)})`);
  console.log(`  lead-unit recall:           ${f2(t.recall)} (${sum((s) => s.matched)}/${sum((s) => s.gold)})`);
  console.log(`  coordinator-set F1:         ${f2(t.coordinatorF1)} (${c.tp} khớp, ${c.wrong} sai/thiếu)`);
  console.log(`  exact-deadline accuracy:    ${f2(t.deadlineAccuracy)} (${sum((s) => s.deadlineCorrect)}/${sum((s) => s.matched)})`);
  console.log(`  recurrence accuracy:        ${f2(t.recurrenceAccuracy)} (${sum((s) => s.recurrenceCorrect)}/${sum((s) => s.matched)})`);
  if (!withMetadata) return;
  console.log(`  metadata accuracy (overall): ${f2(t.metadataOverall)}`);
  for (const f of METADATA_FIELDS) console.log(`    ${f.padEnd(14)} ${f2(t.metadataAccuracy[f])}`);
}

function documentLine(name: string, s: TDocumentScore): string {
  const t = totalScores([s]);
  const meta = s.metadataScored.length ? ` | metadata ${s.metadataScored.filter((f) => s.metadataCorrect[f]).length}/${s.metadataScored.length}` : '';
  return (
    `${name}: gold ${s.gold}, dự đoán ${s.predicted}, khớp ${s.matched} | lead P ${f2(t.precision)} R ${f2(t.recall)} | ` +
    `phối hợp F1 ${f2(t.coordinatorF1)} | hạn ${s.deadlineCorrect}/${s.matched} | định kỳ ${s.recurrenceCorrect}/${s.matched}${meta}`
  );
}

async function evalGoldFile(goldPath: string): Promise<TDocumentScore[] | null> {
  let gold: TGoldFile;
  try {
    gold = ZGoldFile.parse(JSON.parse(await readFile(goldPath, 'utf8')));
  } catch (e) {
    console.error(`Không đọc được tệp gold ${goldPath}: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
  const seedsDir = resolve(dirname(goldPath), gold.seeds_dir ?? '.');
  const scores: TDocumentScore[] = [];
  console.log(`Gold: ${goldPath}\nVăn bản: ${seedsDir}\n`);
  for (const entry of gold.documents) {
    let text: string;
    try {
      text = entry.text ?? (await readDocumentText(resolve(seedsDir, entry.file)));
    } catch (e) {
      console.error(e instanceof Error ? e.message : String(e));
      return null;
    }
    const predicted = toGoldFormat(extractDirective(text));
    const goldDoc: TGoldDocument = {
      metadata: {
        so_ky_hieu: entry.metadata?.so_ky_hieu ?? null,
        ngay_ban_hanh: entry.metadata?.ngay_ban_hanh ?? null,
        co_quan: entry.metadata?.co_quan ?? null,
        nguoi_ky: entry.metadata?.nguoi_ky ?? null,
        loai: entry.metadata?.loai ?? null,
        trich_yeu: entry.metadata?.trich_yeu ?? null,
      },
      assignments: entry.assignments,
    };
    const s = scoreDocument(goldDoc, predicted);
    scores.push(s);
    console.log(documentLine(entry.file, s));
    describeMisses(goldDoc, predicted, s);
  }
  printTotals('TỔNG', scores, true);
  return scores;
}

async function evalCorpus(dir: string, split: TSplit | 'all', batch: number | null): Promise<TDocumentScore[] | null> {
  let entries: TCorpusEntry[];
  try {
    entries = (await loadCorpus(dir)).filter((e) => (split === 'all' || e.split === split) && (batch === null || e.batch === batch));
  } catch (e) {
    console.error(`Không đọc được bộ văn bản ${dir}: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
  const part = batch === null ? split : `${split}, đợt ${batch}`;
  console.log(`\nBộ văn bản thật: ${dir} — phần ${part}, ${entries.length} văn bản\n`);
  const scores: TDocumentScore[] = [];
  for (const e of entries) {
    const predicted = toGoldFormat(extractDirective(e.text, { documentDate: e.date }));
    const s = scoreDocument(e.gold, predicted);
    scores.push(s);
    console.log(documentLine(`${e.id} [${e.split}]`, s));
    describeMisses(e.gold, predicted, s);
  }
  printTotals(`TỔNG — bộ văn bản thật, phần ${part}`, scores, false);
  return scores;
}

function flag(args: string[], name: string): string | null {
  const i = args.indexOf(name);
  return i === -1 ? null : (args[i + 1] ?? null);
}

/**
 * `eval-extract [gold.json] [--corpus DIR] [--split dev|blind|all] [--batch N] [--log --note TEXT]`: the
 * seeds' gold (or the given file) and, with --corpus, the real-letter corpus; dev unless asked
 * otherwise, because the blind split is scored once per change (--log appends that run to its
 * README). --batch keeps one collection round, so a later round's blind documents are scored apart.
 */
export async function runEvalExtract(args: string[]): Promise<number> {
  const valued = new Set(['--corpus', '--split', '--note', '--batch']);
  const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
  const corpus = flag(args, '--corpus');
  const split = (flag(args, '--split') ?? 'dev') as TSplit | 'all';
  if (!['dev', 'blind', 'all'].includes(split)) {
    console.error('--split phải là dev, blind hoặc all');
    return 2;
  }
  const batchFlag = flag(args, '--batch');
  const batch = batchFlag === null ? null : Number(batchFlag);
  if (batch !== null && !(Number.isInteger(batch) && batch > 0)) {
    console.error('--batch phải là số đợt thu thập (1, 2, …)');
    return 2;
  }
  if (positional.length || !corpus) {
    const goldPath = resolve(positional[0] ?? '../shared/eval/seeds-gold.json');
    if ((await evalGoldFile(goldPath)) === null) return 1;
  }
  if (corpus) {
    const scores = await evalCorpus(resolve(corpus), split, batch);
    if (scores === null) return 1;
    const part = batch === null ? split : `${split} (batch ${batch})`;
    if (args.includes('--log')) await appendBlindRun(resolve(corpus), `${part}: ${flag(args, '--note') ?? ''}`, totalScores(scores));
  }
  return 0;
}

async function appendBlindRun(dir: string, note: string, t: ReturnType<typeof totalScores>): Promise<void> {
  const { execFileSync } = await import('node:child_process');
  const { appendFile } = await import('node:fs/promises');
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // Outside a git checkout the run is still logged, without its commit.
  }
  const date = new Date().toISOString().slice(0, 10);
  const row = `| ${date} | ${commit} | ${note.replace(/\|/g, '/')} | ${f2(t.precision)} | ${f2(t.recall)} | ${f2(t.coordinatorF1)} | ${f2(t.deadlineAccuracy)} | ${f2(t.recurrenceAccuracy)} |\n`;
  await appendFile(resolve(dir, 'README.md'), row);
  console.log(`\nĐã ghi lần chạy vào ${resolve(dir, 'README.md')}`);
}
