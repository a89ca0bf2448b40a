/// <reference types="vite/client" />
/**
 * The real-letter corpus (test/fixtures/extraction/corpus): the dev/blind split follows its
 * recorded rule, and the dev figures reported for issue 10 do not drop. The blind split is
 * never scored here: it is scored once per change of the extractor, by hand, and logged in
 * the corpus README. Files come in through the module graph, so the test does no I/O.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scoreDocument, totalScores } from './evaluate';
import { extractDirective, toGoldFormat, type TGoldDocument } from './extract';

type TCorpusGold = { source: string; date: string | null; assignments: TGoldDocument['assignments'] };

const golds = import.meta.glob<TCorpusGold>('../../../test/fixtures/extraction/corpus/gold/*.json', { import: 'default', eager: true });
const texts = import.meta.glob<string>('../../../test/fixtures/extraction/corpus/texts/*.txt', { query: '?raw', import: 'default', eager: true });

const split = (source: string): 'dev' | 'blind' =>
  Number.parseInt(createHash('sha256').update(source).digest('hex').slice(0, 8), 16) % 3 === 0 ? 'blind' : 'dev';

const entries = Object.entries(golds).map(([path, gold]) => ({
  id: path.replace(/^.*\/gold\/|\.json$/g, ''),
  gold,
  text: texts[path.replace('/gold/', '/texts/').replace(/\.json$/, '.txt')],
}));

const NO_METADATA: TGoldDocument['metadata'] = { so_ky_hieu: null, ngay_ban_hanh: null, co_quan: null, nguoi_ky: null, loai: null, trich_yeu: null };

describe('the real-letter corpus', () => {
  it('has 60 documents with their texts, split 37 dev / 23 blind by the hash of each source address', () => {
    expect(entries).toHaveLength(60);
    expect(entries.every((e) => typeof e.text === 'string' && e.text.length > 0)).toBe(true);
    expect(entries.filter((e) => split(e.gold.source) === 'blind')).toHaveLength(23);
  });

  const dev = entries.filter((e) => split(e.gold.source) === 'dev');
  const scores = dev.map((e) =>
    scoreDocument(
      { metadataScored: [], metadata: NO_METADATA, assignments: e.gold.assignments },
      toGoldFormat(extractDirective(e.text as string, { documentDate: e.gold.date })),
    ),
  );
  const t = totalScores(scores);

  // The figures reported for issue 10 on the dev split; a change that loses any of them fails.
  it.each([
    ['lead precision', t.precision, 0.96],
    ['lead recall', t.recall, 1],
    ['coordinator-set F1', t.coordinatorF1, 1],
    ['exact deadline', t.deadlineAccuracy, 1],
    ['recurrence', t.recurrenceAccuracy, 1],
  ])('keeps dev %s at or above the reported figure', (_name, value, reached) => {
    expect(value).toBeGreaterThanOrEqual(reached);
  });
});
