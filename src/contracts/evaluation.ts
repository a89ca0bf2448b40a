/**
 * Evaluation wire shapes. Type-only (no runtime imports), so the SPA imports them too.
 */

export type EvaluationClass = 'ghi_nhan' | 'rut_kinh_nghiem' | 'phe_binh';
export type UnitLevel = 'city' | 'commune';

export interface ConditionView {
  measure: string;
  op: '>' | '>=' | '<' | '<=' | '=';
  value: number;
}

export interface CriterionView {
  code: string;
  name: string;
  /** 0 = shown, not scored. */
  weight: number;
  direction: 'higher_better' | 'lower_better';
  unit: 'percent' | 'count' | 'money';
  thresholds: { zero: number; full: number };
}

/** One rule set (core/evaluation/rule-set.ts): what a round of its level applies. */
export interface RuleSetView {
  id: string | null;
  code: string;
  name: string;
  unitLevel: UnitLevel;
  criteria: CriterionView[];
  scope: ConditionView[];
  classRules: Array<{ class: EvaluationClass; ground: string; all?: ConditionView[]; any?: ConditionView[] }>;
  rankBy: Array<{ measure: string; direction: 'higher_better' | 'lower_better' }>;
  source: string;
  validFrom: string;
  validTo: string | null;
  sample: boolean;
  /** In force today for its level. */
  inForce: boolean;
}

export interface RulesView {
  ruleSets: RuleSetView[];
}

export interface ComponentView {
  code: string;
  name: string;
  unit: 'percent' | 'count' | 'money';
  applicable: boolean;
  raw: number | null;
  /** What the value counts ("3/4 nhiệm vụ …"), as collected from the data. */
  detail: string | null;
  normalised: number | null;
  weight: number;
  points: number;
  /** The straight line the points come from, to show the arithmetic (null when not scored). */
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
  /** The ground of the class rule that gave the class. */
  ground: string | null;
  reason: string;
  components: ComponentView[];
}

export interface RunSummary {
  id: string;
  period: string;
  periodLabel: string;
  asOf: string;
  unitLevel: UnitLevel;
  unitKinds: string[];
  counts: { ghi_nhan: number; rut_kinh_nghiem: number; phe_binh: number; unclassed: number };
  note: string | null;
  createdBy: string;
  createdAt: string;
  hasLetter: boolean;
}

export interface RunView extends RunSummary {
  ruleSet: RuleSetView;
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
