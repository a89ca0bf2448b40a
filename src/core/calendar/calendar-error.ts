/**
 * Error raised by the calendar rules for malformed dates or arguments. `code` is stable for
 * callers (HTTP layer maps it to 400); `message` is Vietnamese because users read it.
 */
export type CalendarErrorCode = 'invalid_iso_date' | 'invalid_vn_date' | 'invalid_timestamp' | 'invalid_argument';

export class CalendarError extends Error {
  readonly code: CalendarErrorCode;
  readonly input: unknown;

  constructor(code: CalendarErrorCode, message: string, input?: unknown) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
    this.input = input;
  }
}
