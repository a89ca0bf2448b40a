/**
 * The corpus loader keeps each document's collection round, so `eval-extract --batch 2` scores
 * the second round's blind documents apart from the first's.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadCorpus } from './corpus';

describe('loadCorpus', () => {
  it('reads the round of each document: 60 of round 1, 39 of round 2, 15 of them blind', async () => {
    const entries = await loadCorpus(resolve('test/fixtures/extraction/corpus'));
    const round2 = entries.filter((e) => e.batch === 2);
    expect(entries.filter((e) => e.batch === 1)).toHaveLength(60);
    expect(round2).toHaveLength(39);
    expect(round2.filter((e) => e.split === 'blind')).toHaveLength(15);
    expect(round2.find((e) => e.id === 'ninhbinh_2025_cv_phebinh_nhao')?.source).toMatch(/^https:\/\/dantri\.com\.vn\//);
  });
});
