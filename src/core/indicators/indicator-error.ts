/**
 * Error raised by the indicator rules. `code` is stable for callers; `message` is Vietnamese
 * because it reaches the officer who typed the value or the formula.
 */
export type IndicatorErrorCode =
  | 'invalid_value'
  | 'ratio_needs_parts'
  | 'formula_syntax'
  | 'formula_unknown_code'
  | 'formula_missing_value'
  | 'formula_division_by_zero'
  | 'formula_cycle'
  | 'invalid_target'
  | 'invalid_thresholds'
  | 'invalid_dossier';

export class IndicatorError extends Error {
  readonly code: IndicatorErrorCode;
  readonly input: unknown;

  constructor(code: IndicatorErrorCode, message: string, input?: unknown) {
    super(message);
    this.name = 'IndicatorError';
    this.code = code;
    this.input = input;
  }
}
