import type { z } from 'zod';
import { issuesToFieldErrors } from '../domain/fieldErrorText';
import { ValidationError, type FieldError } from './errors';

/** Converts zod issues into field errors whose path names the offending field, e.g. `readings.3.value`. */
export function toFieldErrors(issues: z.core.$ZodIssue[], prefix?: string): FieldError[] {
  return issuesToFieldErrors(issues, prefix);
}

/** Parses `value` with `schema`, throwing a 422 ValidationError that names every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  // reportInput tells a missing field (input undefined) from one of the wrong type.
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw new ValidationError(toFieldErrors(result.error.issues, prefix));
  return result.data;
}
