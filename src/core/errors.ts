/**
 * The one error type of the rules in core. `code` is stable for callers (the HTTP layer
 * maps every RuleError to a 400 naming the field); `message` is Vietnamese because it
 * reaches the person who typed the value.
 */
export type RuleErrorCode =
  // calendar
  | 'invalid_iso_date'
  | 'invalid_vn_date'
  | 'invalid_timestamp'
  | 'invalid_argument'
  // reporting periods
  | 'invalid_period_key'
  | 'invalid_period_type'
  | 'invalid_deadline_rule'
  // indicators
  | 'invalid_value'
  | 'ratio_needs_parts'
  | 'formula_syntax'
  | 'formula_unknown_code'
  | 'formula_missing_value'
  | 'formula_division_by_zero'
  | 'formula_cycle'
  | 'invalid_target'
  | 'invalid_thresholds'
  | 'invalid_dossier'
  // evaluation
  | 'invalid_rule_set';

export class RuleError extends Error {
  constructor(
    readonly code: RuleErrorCode,
    message: string,
    readonly input?: unknown,
  ) {
    super(message);
    this.name = 'RuleError';
  }
}
