import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { RuleError } from '../../core/errors';
import { AppError } from '../errors';

const FIELD_LABELS: Record<string, string> = {};

function send(reply: import('fastify').FastifyReply, err: AppError) {
  if (err.retryAfterSeconds !== undefined) reply.header('retry-after', String(err.retryAfterSeconds));
  return reply.status(err.status).send(err.toJSON());
}

/** Every failure leaves as `{ error: { code, message, field? } }`, in Vietnamese. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof AppError) return send(reply, error);
    // A rule in core refused a value that passed the schema (a formula, a period key…).
    if (error instanceof RuleError) return send(reply, new AppError('VALIDATION', error.message));
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const path = (first?.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
      const where = error.validationContext === 'querystring' ? 'tham số' : error.validationContext === 'params' ? 'đường dẫn' : 'trường';
      const field = path || (first?.params as { issue?: { keys?: string[] } } | undefined)?.issue?.keys?.[0];
      const label = field ? FIELD_LABELS[field] ?? field : '';
      const message = `${label ? `${where} "${label}": ` : ''}${first?.message ?? 'dữ liệu không hợp lệ'}`;
      return send(reply, new AppError('VALIDATION', `Dữ liệu không hợp lệ — ${message}`, field || undefined));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, new AppError('BAD_REQUEST', 'Nội dung gửi lên không phải JSON hợp lệ'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return send(reply, new AppError('PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, new AppError('UNSUPPORTED_MEDIA_TYPE', 'Định dạng nội dung không được hỗ trợ (cần application/json)'));
      default:
        break;
    }
    if (error instanceof SyntaxError) return send(reply, new AppError('BAD_REQUEST', 'Nội dung gửi lên không phải JSON hợp lệ'));
    const pgCode = (error as unknown as { code?: string }).code;
    if (pgCode === '23505') return send(reply, new AppError('DUPLICATE', 'Dữ liệu bị trùng với bản ghi đã có'));
    if (pgCode === '23503') return send(reply, new AppError('VALIDATION', 'Dữ liệu tham chiếu tới bản ghi không tồn tại'));
    if (error.statusCode && error.statusCode < 500) {
      return send(reply, new AppError('BAD_REQUEST', 'Yêu cầu không hợp lệ'));
    }
    req.log.error({ err: error }, 'unhandled error');
    return send(reply, new AppError('INTERNAL', 'Lỗi hệ thống. Thao tác chưa được thực hiện; vui lòng thử lại hoặc báo quản trị.'));
  });
}
