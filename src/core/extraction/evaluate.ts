/**
 * Scoring a proposal against gold annotations: lead-unit precision and recall (leads
 * match when their folded, abbreviation-expanded names agree, or one is the other's
 * alias), then, over the matched pairs, the coordinator sets (micro F1), exact deadline and
 * recurrence accuracy, and metadata field accuracy (only for the fields the gold gives).
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
  /** Fields the gold annotates; a corpus of restatements gives none. */
  metadataScored: TMetadataField[];
  /** Coordinators over matched pairs: found in both, only proposed, only in the gold. */
  coordinators: { tp: number; fp: number; fn: number };
  /** Indices of gold and predicted assignments left without a partner. */
  unmatchedGold: number[];
  unmatchedPredicted: number[];
  pairs: Array<{ gold: number; predicted: number; deadlineOk: boolean; recurrenceOk: boolean; coordinatorsOk: boolean }>;
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

/** Coordinators of one pair matched one to one by name: (found in both, only proposed, only gold). */
export function coordinatorOverlap(gold: string[], predicted: string[]): { tp: number; fp: number; fn: number } {
  const left = [...predicted];
  let tp = 0;
  for (const g of gold) {
    const i = left.findIndex((p) => leadsMatch(g, p));
    if (i === -1) continue;
    left.splice(i, 1);
    tp++;
  }
  return { tp, fp: left.length, fn: gold.length - tp };
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
    const overlap = coordinatorOverlap(g.coordinators, p.coordinators);
    pairs.push({
      gold: c.g,
      predicted: c.p,
      deadlineOk: g.deadline === p.deadline,
      recurrenceOk: g.recurrence === p.recurrence,
      coordinatorsOk: overlap.fp === 0 && overlap.fn === 0,
    });
  }
  pairs.sort((a, b) => a.gold - b.gold);
  const metadataCorrect = Object.fromEntries(
    METADATA_FIELDS.map((f) => [f, metadataFieldMatches(f, gold.metadata[f], predicted.metadata[f])]),
  ) as Record<TMetadataField, boolean>;
  const coordinators = { tp: 0, fp: 0, fn: 0 };
  for (const pair of pairs) {
    const o = coordinatorOverlap(
      (gold.assignments[pair.gold] as TGoldAssignment).coordinators,
      (predicted.assignments[pair.predicted] as TGoldAssignment).coordinators,
    );
    coordinators.tp += o.tp;
    coordinators.fp += o.fp;
    coordinators.fn += o.fn;
  }
  return {
    gold: gold.assignments.length,
    predicted: predicted.assignments.length,
    matched: pairs.length,
    deadlineCorrect: pairs.filter((p) => p.deadlineOk).length,
    recurrenceCorrect: pairs.filter((p) => p.recurrenceOk).length,
    metadataCorrect,
    metadataScored: gold.metadataScored ?? METADATA_FIELDS,
    coordinators,
    unmatchedGold: gold.assignments.map((_, i) => i).filter((i) => !usedG.has(i)),
    unmatchedPredicted: predicted.assignments.map((_, i) => i).filter((i) => !usedP.has(i)),
    pairs,
  };
}

export type TTotals = {
  precision: number;
  recall: number;
  /** Micro F1 of coordinator sets over matched pairs; 1 when neither side names any. */
  coordinatorF1: number;
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
  const scoredOn = (f: TMetadataField): TDocumentScore[] => scores.filter((s) => s.metadataScored.includes(f));
  const metadataAccuracy = Object.fromEntries(
    METADATA_FIELDS.map((f) => [f, ratio(scoredOn(f).filter((s) => s.metadataCorrect[f]).length, scoredOn(f).length)]),
  ) as Record<TMetadataField, number>;
  const tp = sum((s) => s.coordinators.tp);
  const wrong = sum((s) => s.coordinators.fp + s.coordinators.fn);
  return {
    precision: ratio(matched, sum((s) => s.predicted)),
    recall: ratio(matched, sum((s) => s.gold)),
    coordinatorF1: ratio(2 * tp, 2 * tp + wrong),
    deadlineAccuracy: ratio(sum((s) => s.deadlineCorrect), matched),
    recurrenceAccuracy: ratio(sum((s) => s.recurrenceCorrect), matched),
    metadataAccuracy,
    metadataOverall: ratio(
      sum((s) => s.metadataScored.filter((f) => s.metadataCorrect[f]).length),
      sum((s) => s.metadataScored.length),
    ),
  };
}
