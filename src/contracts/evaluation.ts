/**
 * Evaluation wire shapes. Type-only (no runtime imports), so the SPA imports them too.
 */

export type EvaluationClass = 'ghi_nhan' | 'rut_kinh_nghiem' | 'phe_binh';
export type MeasureSource = 'data' | 'sample' | 'manual';

export interface CriterionView {
  id: string;
  code: string;
  name: string;
  weight: number;
  direction: 'higher_better' | 'lower_better';
  unit: 'percent' | 'count';
  thresholds: { zero: number; full: number };
  validFrom: string;
  validTo: string | null;
  note: string | null;
  sample: boolean;
  version: number;
  /** In force today. */
  inForce: boolean;
}

export interface ClassThresholdsView {
  id: string;
  ghiNhanFrom: number;
  pheBinhBelow: number;
  validFrom: string;
  validTo: string | null;
  note: string | null;
  sample: boolean;
  inForce: boolean;
}

export interface RulesView {
  criteria: CriterionView[];
  classThresholds: ClassThresholdsView[];
}

export interface MeasureView {
  unitId: string;
  unitName: string;
  code: string;
  source: MeasureSource;
  value: number | null;
  note: string | null;
  updatedAt: string;
  /** The value a run takes (manual, then sample, then data). */
  effective: boolean;
}

export interface ComponentView {
  code: string;
  name: string;
  unit: 'percent' | 'count';
  applicable: boolean;
  raw: number | null;
  normalised: number | null;
  weight: number;
  points: number;
  source: MeasureSource | null;
  /** The straight line the points come from, to show the arithmetic. */
  thresholds: { zero: number; full: number } | null;
  direction: 'higher_better' | 'lower_better' | null;
}

export interface ResultView {
  unitId: string;
  unitName: string;
  unitKind: string;
  rank: number;
  score: number | null;
  total: number;
  maxPoints: number;
  class: EvaluationClass | null;
  reason: string;
  components: ComponentView[];
}

export interface RunSummary {
  id: string;
  period: string;
  periodLabel: string;
  asOf: string;
  unitKinds: string[];
  counts: { ghi_nhan: number; rut_kinh_nghiem: number; phe_binh: number; unclassed: number };
  note: string | null;
  createdBy: string;
  createdAt: string;
  hasLetter: boolean;
}

export interface RunView extends RunSummary {
  criteria: Array<{ code: string; name: string; weight: number; direction: string; unit: string; thresholds: { zero: number; full: number }; validFrom: string }>;
  classThresholds: { ghiNhanFrom: number; pheBinhBelow: number; validFrom: string };
  tieRule: string;
  results: ResultView[];
}

export interface LetterUnit {
  unitId: string | null;
  name: string;
  reason: string;
}

export interface LetterSection {
  intro: string;
  units: LetterUnit[];
}

export interface LetterInstruction {
  text: string;
  /** YYYY-MM-DD; shown as deadlineText when given, else "trước ngày dd/mm/yyyy". */
  deadline: string | null;
  deadlineText: string | null;
}

export interface LetterDraft {
  /** Tên cơ quan chủ quản (may be empty) and ban hành, one line each. */
  issuerLines: string[];
  /** After "Số:      /" — the number itself is the clerk's. */
  numberSuffix: string;
  place: string;
  /** null: "ngày … tháng … năm …" for the clerk to fill in on signing. */
  date: string | null;
  /** Trích yếu, without the "V/v" prefix. */
  subject: string;
  recipients: string[];
  opening: string;
  ghiNhan: LetterSection;
  rutKinhNghiem: LetterSection;
  pheBinh: LetterSection;
  instructionsIntro: string;
  instructions: LetterInstruction[];
  closing: string;
  copyTo: string[];
  signer: { authority: '' | 'TM.' | 'KT.' | 'TL.' | 'TUQ.' | 'Q.'; onBehalfOf: string; title: string; name: string };
}

export interface LetterView {
  runId: string;
  draft: LetterDraft;
  version: number;
  updatedBy: string | null;
  updatedAt: string;
  generatedAt: string | null;
}
