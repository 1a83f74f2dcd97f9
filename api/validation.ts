import type { z } from 'zod';
import { ValidationError, type FieldError } from './errors';

/** Converts zod issues into field errors whose path names the offending field, e.g. `readings.3.value`. */
export function toFieldErrors(issues: z.core.$ZodIssue[], prefix?: string): FieldError[] {
  return issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ field: [base, k].filter(Boolean).join('.'), message: 'is not a known field' }));
    }
    return [{ field: base, message: issue.message }];
  });
}

/** Parses `value` with `schema`, throwing a 422 ValidationError that names every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(toFieldErrors(result.error.issues, prefix));
  return result.data;
}
