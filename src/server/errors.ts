/**
 * One error type with a stable code. The UI translates by code; the message is the
 * Vietnamese sentence a civil servant reads.
 */
export const ERROR_STATUS = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ILLEGAL_TRANSITION: 422,
  // Too many failed logins from this address (and for this account from it): wait.
  THROTTLED: 429,
  // Too many requests of one kind in a minute (@fastify/rate-limit).
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Sent as Retry-After with a 429. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `Không tìm thấy ${what}`);
export const forbidden = () => new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này');
export const staleVersion = () =>
  new AppError('CONFLICT', 'Dữ liệu đã được người khác thay đổi. Hãy tải lại trang để xem bản mới nhất rồi sửa lại.', 'version');
/** A create (version 0) that lost to another create of the same natural key. */
export const alreadyCreated = () =>
  new AppError('CONFLICT', 'Dữ liệu này vừa được người khác nhập trước. Hãy tải lại trang để xem bản mới nhất rồi sửa lại.', 'version');
