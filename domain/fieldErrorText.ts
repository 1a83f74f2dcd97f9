import type { z } from 'zod';
import type { FieldError, FieldErrorParams } from './errors';

/**
 * Field errors as data: each carries a machine `code` and `params` beside the English `message`
 * integrators read. The dashboard renders `fieldErrors.<key>` from locales/*.json (the key chosen
 * by fieldErrorKey) and falls back to the English message for a code it has no text for.
 */

/** Codes the server writes by hand (use cases and routes), each with a text in locales/*.json. */
export const HAND_WRITTEN_FIELD_CODES = [
  'not_after',
  'not_before',
  'in_future',
  'before_1970',
  'nul_character',
  'not_storable_text',
  'not_finite',
  'not_time_zone',
  'decision_timeout_too_short',
  'auto_decision_disabled',
  'range_too_long',
  'kind_unchangeable',
  'not_rul_asset',
  'no_engine',
  'roles_without_sensor',
  'unknown_model',
  'unknown_asset_type',
  'not_a_role',
  'unknown_sensor_without_type',
  'too_many_buckets',
  'not_a_current_role',
  'reference_window_too_long',
  'unknown_site',
  'exclusive_with',
  'one_per_row',
  'goes_with',
  'invalid_idempotency_key',
] as const;

/** What zod's issue codes become; `unrecognized_keys` is reported once per unknown key. */
const ZOD_CODES = {
  invalid_type: 'invalid_type',
  too_big: 'too_big',
  too_small: 'too_small',
  invalid_format: 'invalid_format',
  not_multiple_of: 'not_multiple_of',
  unrecognized_keys: 'unknown_field',
  invalid_union: 'invalid_union',
  invalid_key: 'invalid_key',
  invalid_element: 'invalid_element',
  invalid_value: 'invalid_value',
} as const satisfies Record<Exclude<z.core.$ZodIssue['code'], 'custom'>, string>;

/** The sizes a too_small / too_big text speaks of, by what was measured. */
const SIZE_VARIANTS = ['string', 'array', 'number', 'numberExclusive', 'date'] as const;
/** The formats named in their own words; any other is an "invalid format". */
const FORMAT_VARIANTS = ['datetime', 'date', 'uuid', 'email', 'url', 'regex', 'other'] as const;
/** The JSON types an invalid_type text names. */
export const EXPECTED_TYPES = ['string', 'number', 'int', 'boolean', 'object', 'array', 'date', 'nonoptional', 'other'] as const;

/** Every catalogue key a field error can be rendered through (the locales must hold each). */
export const FIELD_ERROR_KEYS: string[] = [
  ...HAND_WRITTEN_FIELD_CODES,
  'required',
  'unknown_field',
  'invalid_type',
  'not_multiple_of',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  ...SIZE_VARIANTS.flatMap((v) => [`too_small.${v}`, `too_big.${v}`]),
  ...FORMAT_VARIANTS.map((v) => `invalid_format.${v}`),
];

type Params = FieldErrorParams;

function sizeVariant(params: Params): (typeof SIZE_VARIANTS)[number] {
  const origin = params.origin;
  if (origin === 'string') return 'string';
  if (origin === 'array' || origin === 'set') return 'array';
  if (origin === 'date') return 'date';
  return params.inclusive === false ? 'numberExclusive' : 'number';
}

/** The catalogue key under `fieldErrors.` for an error, or null when it has no code. */
export function fieldErrorKey(e: { code?: string | null; params?: Params | null }): string | null {
  if (!e.code) return null;
  const params = e.params ?? {};
  if (e.code === 'too_small' || e.code === 'too_big') return `${e.code}.${sizeVariant(params)}`;
  if (e.code === 'invalid_format') {
    const format = String(params.format ?? '');
    return `invalid_format.${(FORMAT_VARIANTS as readonly string[]).includes(format) ? format : 'other'}`;
  }
  return e.code;
}

const num = (v: number | bigint) => (typeof v === 'bigint' ? Number(v) : v);

/** The code and parameters of one zod issue; a refinement names its own code in `params.code`. */
function issueCode(issue: z.core.$ZodIssue): { code?: string; params?: Params } {
  switch (issue.code) {
    case 'invalid_type':
      // Parsed with reportInput, a missing value carries `input: undefined`.
      if ('input' in issue && issue.input === undefined) return { code: 'required', params: {} };
      return { code: 'invalid_type', params: { expected: String(issue.expected) } };
    case 'too_small':
      return { code: 'too_small', params: { minimum: num(issue.minimum), origin: issue.origin, inclusive: issue.inclusive ?? true } };
    case 'too_big':
      return { code: 'too_big', params: { maximum: num(issue.maximum), origin: issue.origin, inclusive: issue.inclusive ?? true } };
    case 'invalid_format':
      return { code: 'invalid_format', params: { format: issue.format } };
    case 'not_multiple_of':
      return { code: 'not_multiple_of', params: { divisor: issue.divisor } };
    case 'invalid_value':
      return { code: 'invalid_value', params: { values: issue.values.map(String).join(', ') } };
    case 'custom': {
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      return typeof code === 'string' ? { code, params: {} } : {};
    }
    default:
      return { code: ZOD_CODES[issue.code], params: {} };
  }
}

/** Converts zod issues into field errors whose path names the offending field, e.g. `readings.3.value`. */
export function issuesToFieldErrors(issues: z.core.$ZodIssue[], prefix?: string): FieldError[] {
  return issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({
        field: [base, k].filter(Boolean).join('.'),
        message: 'is not a known field',
        code: 'unknown_field',
        params: {},
      }));
    }
    return [{ field: base, message: issue.message, ...issueCode(issue) }];
  });
}

/** A hand-written field error: English for integrators, the code and parameters for readers. */
export function fieldError(
  field: string,
  code: (typeof HAND_WRITTEN_FIELD_CODES)[number],
  message: string,
  params: Params = {},
): FieldError {
  return { field, message, code, params };
}
