/**
 * The real-letter corpus of test/fixtures/extraction/corpus: texts, their gold and the
 * dev/blind split, which is fixed by a rule on each document's source address (never by hand).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { TGoldDocument } from '../core/extraction/extract';

export type TSplit = 'dev' | 'blind';

/** Blind when the first 8 hex digits of SHA-256(source) are divisible by 3. */
export function corpusSplit(source: string): TSplit {
  const head = createHash('sha256').update(source).digest('hex').slice(0, 8);
  return Number.parseInt(head, 16) % 3 === 0 ? 'blind' : 'dev';
}

const ZAssignment = z.object({
  lead: z.string(),
  coordinators: z.array(z.string()),
  task: z.string(),
  deadline: z.string().nullable(),
  deadline_text: z.string().nullable(),
  recurrence: z.string().nullable(),
});

const ZCorpusGold = z.object({
  source: z.string().min(1),
  province: z.string(),
  kind: z.string(),
  date: z.string().nullable(),
  truncated: z.boolean(),
  after_reform: z.boolean(),
  /** Collection round: absent for the first 60 documents (round 1), 2 for the 39 of round 2, 3 for the 16 of round 3. */
  batch: z.number().int().positive().optional(),
  assignments: z.array(ZAssignment),
});

export type TCorpusEntry = {
  id: string;
  split: TSplit;
  batch: number;
  source: string;
  province: string;
  kind: string;
  date: string | null;
  text: string;
  gold: TGoldDocument;
};

const NO_METADATA: TGoldDocument['metadata'] = {
  so_ky_hieu: null,
  ngay_ban_hanh: null,
  co_quan: null,
  nguoi_ky: null,
  loai: null,
  trich_yeu: null,
};

export async function loadCorpus(dir: string): Promise<TCorpusEntry[]> {
  const files = (await readdir(join(dir, 'gold'))).filter((f) => f.endsWith('.json')).sort();
  const out: TCorpusEntry[] = [];
  for (const file of files) {
    const id = file.replace(/\.json$/, '');
    const parsed = ZCorpusGold.safeParse(JSON.parse(await readFile(join(dir, 'gold', file), 'utf8')));
    if (!parsed.success) throw new Error(`Tệp gold ${file} sai định dạng: ${parsed.error.issues[0]?.message ?? ''}`);
    const g = parsed.data;
    out.push({
      id,
      split: corpusSplit(g.source),
      batch: g.batch ?? 1,
      source: g.source,
      province: g.province,
      kind: g.kind,
      date: g.date,
      text: await readFile(join(dir, 'texts', `${id}.txt`), 'utf8'),
      gold: { metadataScored: [], metadata: NO_METADATA, assignments: g.assignments },
    });
  }
  return out;
}
