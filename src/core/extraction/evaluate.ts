/**
 * Scoring a proposal against gold annotations: lead-unit precision and recall (leads
 * match when their folded, abbreviation-expanded names agree, or one is the other's
 * alias), then deadline and recurrence accuracy over the matched pairs, and metadata
 * field accuracy.
 */
import { foldVietnamese } from '../text/fold';
import type { TGoldDocument } from './extract';
import { canonicalUnitName, unitNameSimilarity } from './units';

type TGoldAssignment = TGoldDocument['assignments'][number];
type TMetadataField = keyof TGoldDocument['metadata'];

export const METADATA_FIELDS: TMetadataField[] = ['so_ky_hieu', 'ngay_ban_hanh', 'co_quan', 'nguoi_ky', 'loai', 'trich_yeu'];

export type TDocumentScore = {
  gold: number;
  predicted: number;
  matched: number;
  deadlineCorrect: number;
  recurrenceCorrect: number;
  metadataCorrect: Record<TMetadataField, boolean>;
  /** Indices of gold and predicted assignments left without a partner. */
  unmatchedGold: number[];
  unmatchedPredicted: number[];
  pairs: Array<{ gold: number; predicted: number; deadlineOk: boolean; recurrenceOk: boolean }>;
};

const TITLE = /^(?:thu truong|giam doc|pho giam doc|chu tich|pho chu tich|lanh dao|nguoi dung dau) /;

/** Same lead unit: equal after folding and expanding abbreviations, or one an alias of the other. */
export function leadsMatch(a: string, b: string): boolean {
  const ca = canonicalUnitName(a).replace(TITLE, '');
  const cb = canonicalUnitName(b).replace(TITLE, '');
  if (ca === cb) return true;
  return unitNameSimilarity(ca, cb) >= 0.9;
}

function tokens(s: string): string[] {
  return canonicalUnitName(s).split(' ').filter(Boolean);
}

/** Dice coefficient of word sets, in [0, 1]. */
export function textSimilarity(a: string, b: string): number {
  const ta = new Set(tokens(a));
  const tb = new Set(tokens(b));
  if (!ta.size && !tb.size) return 1;
  if (!ta.size || !tb.size) return 0;
  let inter = 0;
  for (const t of ta) if (tb.has(t)) inter++;
  return (2 * inter) / (ta.size + tb.size);
}

/** A metadata field is right when it agrees after folding; a trích yếu may differ by a word or two. */
export function metadataFieldMatches(field: TMetadataField, gold: string | null, predicted: string | null): boolean {
  if (gold === null || predicted === null) return gold === predicted;
  if (field === 'so_ky_hieu') return foldVietnamese(gold).replace(/\s+/g, '') === foldVietnamese(predicted).replace(/\s+/g, '');
  if (field === 'trich_yeu') return textSimilarity(gold, predicted) >= 0.9;
  return canonicalUnitName(gold) === canonicalUnitName(predicted);
}

function pairScore(g: TGoldAssignment, p: TGoldAssignment): number {
  if (!leadsMatch(g.lead, p.lead)) return 0;
  return 1 + (g.deadline === p.deadline ? 0.5 : 0) + (g.recurrence === p.recurrence ? 0.25 : 0) + 0.5 * textSimilarity(g.task, p.task);
}

export function scoreDocument(gold: TGoldDocument, predicted: TGoldDocument): TDocumentScore {
  const candidates: Array<{ g: number; p: number; score: number }> = [];
  gold.assignments.forEach((g, gi) => {
    predicted.assignments.forEach((p, pi) => {
      const score = pairScore(g, p);
      if (score > 0) candidates.push({ g: gi, p: pi, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: TDocumentScore['pairs'] = [];
  for (const c of candidates) {
    if (usedG.has(c.g) || usedP.has(c.p)) continue;
    usedG.add(c.g);
    usedP.add(c.p);
    const g = gold.assignments[c.g] as TGoldAssignment;
    const p = predicted.assignments[c.p] as TGoldAssignment;
    pairs.push({ gold: c.g, predicted: c.p, deadlineOk: g.deadline === p.deadline, recurrenceOk: g.recurrence === p.recurrence });
  }
  pairs.sort((a, b) => a.gold - b.gold);
  const metadataCorrect = Object.fromEntries(
    METADATA_FIELDS.map((f) => [f, metadataFieldMatches(f, gold.metadata[f], predicted.metadata[f])]),
  ) as Record<TMetadataField, boolean>;
  return {
    gold: gold.assignments.length,
    predicted: predicted.assignments.length,
    matched: pairs.length,
    deadlineCorrect: pairs.filter((p) => p.deadlineOk).length,
    recurrenceCorrect: pairs.filter((p) => p.recurrenceOk).length,
    metadataCorrect,
    unmatchedGold: gold.assignments.map((_, i) => i).filter((i) => !usedG.has(i)),
    unmatchedPredicted: predicted.assignments.map((_, i) => i).filter((i) => !usedP.has(i)),
    pairs,
  };
}

export type TTotals = {
  precision: number;
  recall: number;
  deadlineAccuracy: number;
  recurrenceAccuracy: number;
  metadataAccuracy: Record<TMetadataField, number>;
  metadataOverall: number;
};

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Micro-averaged totals over documents. */
export function totalScores(scores: TDocumentScore[]): TTotals {
  const sum = (f: (s: TDocumentScore) => number): number => scores.reduce((acc, s) => acc + f(s), 0);
  const matched = sum((s) => s.matched);
  const metadataAccuracy = Object.fromEntries(
    METADATA_FIELDS.map((f) => [f, ratio(sum((s) => (s.metadataCorrect[f] ? 1 : 0)), scores.length)]),
  ) as Record<TMetadataField, number>;
  return {
    precision: ratio(matched, sum((s) => s.predicted)),
    recall: ratio(matched, sum((s) => s.gold)),
    deadlineAccuracy: ratio(sum((s) => s.deadlineCorrect), matched),
    recurrenceAccuracy: ratio(sum((s) => s.recurrenceCorrect), matched),
    metadataAccuracy,
    metadataOverall: ratio(
      sum((s) => METADATA_FIELDS.filter((f) => s.metadataCorrect[f]).length),
      scores.length * METADATA_FIELDS.length,
    ),
  };
}
