/** Error raised by the reporting-period rules; `message` is Vietnamese because users read it. */
export type PeriodErrorCode = 'invalid_period_key' | 'invalid_period_type' | 'invalid_deadline_rule';

export class PeriodError extends Error {
  readonly code: PeriodErrorCode;
  readonly input: unknown;

  constructor(code: PeriodErrorCode, message: string, input?: unknown) {
    super(message);
    this.name = 'PeriodError';
    this.code = code;
    this.input = input;
  }
}
