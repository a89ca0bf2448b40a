/** What the scorer returns, apart from the scorer so that the reason writer can read it. */
import type { EvaluationClass, MeasureUnit } from './criteria';

export interface UnitMeasures {
  readonly unitId: string;
  readonly unitName: string;
  /** Raw values by measure code; null or absent = not applicable. */
  readonly measures: Readonly<Record<string, number | null | undefined>>;
  /** What a value counts, in words ("3/4 nhiệm vụ đến hạn …"), by measure code. */
  readonly details?: Readonly<Record<string, string>>;
}

export interface ComponentScore {
  readonly code: string;
  readonly name: string;
  readonly unit: MeasureUnit;
  readonly applicable: boolean;
  readonly raw: number | null;
  /** What the value counts, when the collector said so. */
  readonly detail: string | null;
  /** In [0, 1], 4 decimals; null when not applicable or not scored. */
  readonly normalised: number | null;
  /** 0 = shown, not scored. */
  readonly weight: number;
  /** Weighted points, 2 decimals. */
  readonly points: number;
}

export interface UnitScore {
  readonly unitId: string;
  readonly unitName: string;
  readonly components: readonly ComponentScore[];
  readonly total: number;
  readonly maxPoints: number;
  /** 0–100, 2 decimals; null when no weighted measure applies. */
  readonly score: number | null;
  readonly rank: number;
  readonly evaluationClass: EvaluationClass | null;
  /** The ground of the class rule that gave the class. */
  readonly ground: string | null;
  readonly reason: string;
}
