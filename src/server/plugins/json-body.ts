import type { FastifyInstance } from 'fastify';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../../core/text/json-depth';
import { AppError } from '../errors';

/**
 * JSON bodies are scanned for nesting depth before they are parsed: a 100,000-deep body
 * once reached a recursive step and answered 500. The parse itself is Fastify's own
 * (secure-json-parse: `__proto__` refused, `constructor.prototype` ignored).
 */
export function registerJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      done(new AppError('BAD_REQUEST', `Dữ liệu JSON lồng nhau quá sâu (tối đa ${MAX_JSON_DEPTH} cấp)`), undefined);
      return;
    }
    parse(req, text, done);
  });
}
