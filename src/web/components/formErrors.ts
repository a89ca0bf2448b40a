import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Puts a server validation error under the field it names. The server may name it plainly
 * (`name`), with a prefix (`body.name`) or with an index (`aliases.1`): the first segment that
 * is one of the form's fields wins. A DUPLICATE without a field belongs to the form's unique
 * key (`uniqueField`), the only thing that can collide. Returns false when no field fits.
 */
export function applyServerFieldError(form: FormInstance, err: unknown, fields: readonly string[], uniqueField?: string): boolean {
  if (!(err instanceof ApiError)) return false;
  const segments = (err.field ?? '').split(/[./[\]]+/).filter(Boolean);
  const field = segments.find((s) => fields.includes(s)) ?? (err.code === 'DUPLICATE' && !err.field ? uniqueField : undefined);
  if (!field) return false;
  form.setFields([{ name: field, errors: [err.message] }]);
  form.scrollToField(field);
  return true;
}

/** Only a stale version is a conflict to reload for; DUPLICATE shares the 409 status but is a field error. */
export function isVersionConflict(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'CONFLICT';
}

/** The banner above a form: a stale version (reload and redo) or an error no field owns. */
export interface FormBanner {
  conflict: boolean;
  text: string;
}

/**
 * Where a failed save's error goes: a stale version becomes the conflict banner, an error
 * naming a form field goes under that field (no banner), anything else becomes the banner.
 */
export function formErrorBanner(
  form: FormInstance,
  err: unknown,
  fields: readonly string[],
  opts: { uniqueField?: string; conflictText: string; otherText: () => string },
): FormBanner | null {
  if (isVersionConflict(err)) return { conflict: true, text: opts.conflictText };
  if (applyServerFieldError(form, err, fields, opts.uniqueField)) return null;
  return { conflict: false, text: opts.otherText() };
}
