import { z } from 'zod';
import { isIsoDate, isYearInRange, MAX_YEAR, MIN_YEAR } from '../core/calendar/dates';
import { forbiddenCharacter, forbiddenCharacterMessage, normalizeFreeText } from '../core/text/gate';

/**
 * Pieces every contract shares. Request schemas check what a person typed (Vietnamese
 * messages, because users read them); response schemas describe what the server sends
 * (Fastify checks each response against them and /api/docs shows them).
 */

// ─── Requests ────────────────────────────────────────────────────────────────

export const ZId = z.uuid({ message: 'Mã định danh không hợp lệ' });

export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine(isIsoDate, 'Ngày không tồn tại trong lịch')
  .refine(isYearInRange, `Năm phải trong khoảng ${MIN_YEAR}–${MAX_YEAR}`);

/**
 * The text gate (src/core/text/gate.ts) as a zod check: the message names the character.
 * Every request field that carries a name, a title, a code or free text passes one of the
 * schemas below; a response schema never does (it only describes).
 */
const gate = (multiline: boolean) => (ctx: z.core.ParsePayload<string>) => {
  const found = forbiddenCharacter(ctx.value, multiline);
  if (found) ctx.issues.push({ code: 'custom', message: forbiddenCharacterMessage(found), input: ctx.value, continue: false });
};

/** One line of text (a name, a title, a label, a code typed by hand): trimmed, NFC, bounded, no control or hidden characters. May be empty unless `.min(1)`. */
export const ZTextLine = (max: number, opts: { joinLines?: boolean } = {}) =>
  z
    .string()
    // A title read from a directive may wrap; its lines are joined rather than refused.
    .overwrite((s) => (opts.joinLines ? s.replace(/[ \t]*\r?\n[ \t]*/g, ' ') : s))
    .trim()
    .normalize('NFC')
    .max(max, `Quá dài (tối đa ${max} ký tự)`)
    .check(gate(false));

/** Free text with lines (a note, a description, a reason): line breaks unified, trimmed, NFC, bounded; tab and newline are the only controls allowed. */
export const ZFreeText = (max: number) =>
  z
    .string()
    .overwrite(normalizeFreeText)
    .trim()
    .max(max, `Quá dài (tối đa ${max} ký tự)`)
    .check(gate(true));

/** A name or a title a person types: one line, not empty, at most 300 characters. */
export const ZName = ZTextLine(300).min(1, 'Không được để trống');

/** A version read with the record: a change made from an older one is answered 409. */
export const ZVersion = z.number().int().min(1);

/** A year in a query string or a path (`?year=2024`). */
export const ZYearParam = z.coerce.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

/** `?limit=&offset=` of a paged list; spread into the list's query schema. */
export const pageQuery = (max = 500, defaultLimit = 50) => ({
  limit: z.coerce.number().int().min(1).max(max).default(defaultLimit),
  offset: z.coerce.number().int().min(0).default(0),
});

// ─── Responses ───────────────────────────────────────────────────────────────

/** A calendar date, YYYY-MM-DD (dates cross the wire as text, never as instants). */
export const ZDay = z.iso.date();
/** An instant, ISO 8601 in UTC (`2026-11-20T02:00:00.000Z`). */
export const ZInstant = z.iso.datetime();

/** A unit as a list or a task names it. */
export const ZUnitRef = z.object({ id: z.string(), name: z.string() });
export type TUnitRef = z.infer<typeof ZUnitRef>;

/** One page of a list, and how many there are in all. */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/** A fraction with its parts, so a screen can say "12 of 40". */
export const ZRate = z.object({ numerator: z.number(), denominator: z.number(), percent: z.number().nullable() });
export type TRate = z.infer<typeof ZRate>;

/** A row of an imported file that was refused: the row as Excel numbers it, the column header, why. */
export const ZImportRowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type TImportRowError = z.infer<typeof ZImportRowError>;

/**
 * Every failure: `{ error: { code, message, field? } }`. `message` is the Vietnamese sentence
 * a civil servant reads; `field` names the form field at fault; an import adds its bad `rows`.
 */
export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    rows: z.array(ZImportRowError).optional(),
  }),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

/** What an action with nothing else to say answers. */
export const ZOk = z.object({ ok: z.literal(true) });
