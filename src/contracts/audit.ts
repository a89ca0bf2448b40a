import { z } from 'zod';
import { page, pageQuery, ZInstant, ZIsoDate } from './common';

/** The audit log: who changed what and when, with the record before and after. */

export const ZAuditQuery = z.strictObject({
  /** Part of the actor's user name, matched case-insensitively. */
  actor: z.string().max(100).optional(),
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(50).optional(),
  /** Calendar days in Vietnam time; `to` is inclusive. */
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  ...pageQuery(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: ZInstant,
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** The record as it was, and as it became (null for a creation or a deletion). */
  before: z.unknown(),
  after: z.unknown(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = page(ZAuditEntry);
export type TAuditPage = z.infer<typeof ZAuditPage>;
