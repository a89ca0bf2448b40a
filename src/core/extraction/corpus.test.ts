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

type TCorpusGold = { source: string; date: string | null; batch?: number; assignments: TGoldDocument['assignments'] };

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

const score = (list: typeof entries) =>
  totalScores(
    list.map((e) =>
      scoreDocument(
        { metadataScored: [], metadata: NO_METADATA, assignments: e.gold.assignments },
        toGoldFormat(extractDirective(e.text as string, { documentDate: e.gold.date })),
      ),
    ),
  );

describe('the real-letter corpus', () => {
  it('has 115 documents with their texts (60 of round 1, 39 of round 2, 16 of round 3), split 67 dev / 48 blind by the hash of each source address', () => {
    expect(entries).toHaveLength(115);
    expect(entries.filter((e) => (e.gold.batch ?? 1) === 2)).toHaveLength(39);
    expect(entries.filter((e) => (e.gold.batch ?? 1) === 3)).toHaveLength(16);
    expect(entries.every((e) => typeof e.text === 'string' && e.text.length > 0)).toBe(true);
    expect(entries.filter((e) => split(e.gold.source) === 'blind')).toHaveLength(48);
  });

  const dev = entries.filter((e) => split(e.gold.source) === 'dev');
  const firstRound = score(dev.filter((e) => (e.gold.batch ?? 1) === 1));
  // Rounds 1 and 2 as reported before round 3 came; round 3's dev documents are held apart below.
  const all = score(dev.filter((e) => (e.gold.batch ?? 1) <= 2));
  const withRound3 = score(dev);

  // The figures reported for issue 10 on the dev split of round 1, and on the whole dev split
  // after round 2; a change that loses any of them fails.
  it.each([
    ['round 1 lead precision', firstRound.precision, 0.96],
    ['round 1 lead recall', firstRound.recall, 1],
    ['round 1 coordinator-set F1', firstRound.coordinatorF1, 1],
    ['round 1 exact deadline', firstRound.deadlineAccuracy, 1],
    ['round 1 recurrence', firstRound.recurrenceAccuracy, 1],
    ['lead precision', all.precision, 0.95],
    ['lead recall', all.recall, 0.94],
    ['coordinator-set F1', all.coordinatorF1, 0.93],
    ['exact deadline', all.deadlineAccuracy, 0.98],
    ['recurrence', all.recurrenceAccuracy, 1],
    ['with round 3, lead precision', withRound3.precision, 0.95],
    ['with round 3, lead recall', withRound3.recall, 0.93],
    ['with round 3, coordinator-set F1', withRound3.coordinatorF1, 0.92],
    ['with round 3, exact deadline', withRound3.deadlineAccuracy, 0.98],
    ['with round 3, recurrence', withRound3.recurrenceAccuracy, 1],
  ])('keeps dev %s at or above the reported figure', (_name, value, reached) => {
    expect(value).toBeGreaterThanOrEqual(reached);
  });
});
