import { z } from 'zod';

/**
 * Text PostgreSQL can store and compare: no U+0000 (text and jsonb refuse it, SQLSTATE 22021) and
 * no unpaired UTF-16 surrogate (it has no UTF-8 form, so the driver would silently send U+FFFD and
 * the filter would match something other than what was asked).
 */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

// With the u flag a surrogate pair is one code point, so this matches unpaired halves only
// (String.prototype.isWellFormed is ES2024, beyond the configured lib).
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export const STORABLE_TEXT_MESSAGE = 'must not contain U+0000 or an unpaired surrogate';

/** The shared refinement: the same rule for a body field and the query filter that matches it. */
export const storableText = (schema: z.ZodString = z.string()) =>
  schema.refine(isStorableText, { message: STORABLE_TEXT_MESSAGE, params: { code: 'not_storable_text' } });
