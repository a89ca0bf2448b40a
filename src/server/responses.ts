import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZErrorBody } from '../contracts/common';
import { XLSX_MIME } from './excel/write';

/**
 * Response declarations that are not JSON bodies. A file or an event stream is described by
 * its content type in /api/docs; the bytes themselves are sent as a Buffer (or written to the
 * raw socket) and never pass through the JSON serializer.
 */
// The bytes go out as a Buffer: the schema only describes them (a string of binary in OpenAPI).
const ZBinary = z.unknown().meta({ type: 'string', format: 'binary', description: 'Nội dung tệp' });

export function fileResponse(mime: string, description: string) {
  return { description, content: { [mime]: { schema: ZBinary } } };
}

export const XLSX_RESPONSE = fileResponse(XLSX_MIME, 'Tệp Excel (.xlsx)');

/** Any downloaded attachment whose type depends on the file that was uploaded. */
export const ATTACHMENT_RESPONSE = fileResponse('application/octet-stream', 'Tệp đính kèm, với kiểu nội dung của tệp đã tải lên');

export const SSE_RESPONSE = {
  description: 'Dòng sự kiện (server-sent events, text/event-stream)',
  content: { 'text/event-stream': { schema: z.unknown().meta({ type: 'string', description: 'event: …\\ndata: {json}\\n\\n' }) } },
};

/**
 * Every route that declares its responses also declares the error body for 4xx and 5xx, so
 * /api/docs shows it and an error leaves in the one shape the SPA reads. Added here once
 * rather than written on each route.
 */
export function declareErrorBodies(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (!response) return;
    response['4xx'] ??= ZErrorBody;
    response['5xx'] ??= ZErrorBody;
  });
}
