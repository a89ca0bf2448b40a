import type { z } from 'zod';

/**
 * A form field checked by the same zod schema the server applies to it (src/contracts), so a
 * rule is written once. Empty values are left to the field's `required` rule. The message is
 * the screen's own (in the screen's language); without one, the schema's Vietnamese message.
 */
export function schemaRule(schema: z.ZodType, message?: string) {
  return {
    validator: async (_rule: unknown, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(message ?? result.error.issues[0]?.message ?? '');
    },
  };
}

/** The longest text a string schema accepts, for an input's maxLength. */
export function maxLengthOf(schema: { maxLength?: number | null }): number | undefined {
  return schema.maxLength ?? undefined;
}
