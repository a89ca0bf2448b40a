import { z } from 'zod';

/** One search box across tasks, documents, projects, indicators and units: /api/search. */

export const SEARCH_KINDS = ['task', 'document', 'project', 'indicator', 'unit'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

// ─── Requests ────────────────────────────────────────────────────────────────

export const ZSearchQuery = z.strictObject({
  q: z.string().trim().min(2, 'Hãy gõ ít nhất 2 ký tự').max(200, 'Từ khoá tối đa 200 ký tự'),
  /** Hits per kind. */
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export type TSearchQuery = z.input<typeof ZSearchQuery>;

// ─── Responses ───────────────────────────────────────────────────────────────

export const ZSearchHit = z.object({
  id: z.string(),
  title: z.string(),
  /** A second line: the lead unit and deadline, the document's number, the indicator's code… */
  detail: z.string().nullable(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;

export const ZSearchGroup = z.object({
  kind: z.enum(SEARCH_KINDS),
  /** Matches of this kind the person may see, of which `items` are the first. */
  total: z.number().int(),
  items: z.array(ZSearchHit),
});

export const ZSearchResult = z.object({
  q: z.string(),
  /** Every kind the person may read, in SEARCH_KINDS order, empty ones included. */
  groups: z.array(ZSearchGroup),
});
export type TSearchResult = z.infer<typeof ZSearchResult>;
