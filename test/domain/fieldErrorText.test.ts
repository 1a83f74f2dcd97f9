import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import en from '../../locales/en.json';
import ptBR from '../../locales/pt-BR.json';
import { DETAIL_CODES } from '../../api/errors';
import { parseOrThrow } from '../../api/validation';
import { ValidationError } from '../../api/errors';
import { FIELD_ERROR_KEYS, EXPECTED_TYPES, fieldErrorKey } from '../../domain/fieldErrorText';
import { lookup, type Catalogue } from '../../domain/serverText';
import { STORABLE_TEXT_MESSAGE, storableText } from '../../domain/text';

/** A schema whose parse raises every zod issue code the mapping knows, each on its own field. */
const everyIssue = z.strictObject({
  missing: z.string(),
  wrong_type: z.number(),
  short: z.string().min(3),
  long: z.string().max(2),
  few: z.array(z.number()).min(2),
  positive: z.number().positive(),
  big: z.number().max(10),
  uuid: z.uuid(),
  at: z.iso.datetime(),
  pattern: z.string().regex(/^a+$/),
  multiple: z.number().multipleOf(5),
  choice: z.enum(['a', 'b']),
  either: z.union([z.number(), z.boolean()]),
  keys: z.record(z.string().max(1), z.number()),
  // A refinement that names its own code.
  text: storableText(),
});
const bad = {
  wrong_type: 'x',
  short: 'a',
  long: 'abc',
  few: [1],
  positive: 0,
  big: 11,
  uuid: 'no',
  at: 'yesterday',
  pattern: 'b',
  multiple: 3,
  choice: 'c',
  either: 'x',
  keys: { long: 1 },
  text: 'a\u0000b',
  extra: 1,
};

function fieldErrorsOf(value: unknown) {
  try {
    parseOrThrow(everyIssue, value);
  } catch (err) {
    return (err as ValidationError).errors;
  }
  throw new Error('the value was accepted');
}

describe('field error codes', () => {
  const errors = fieldErrorsOf(bad);
  const byField = Object.fromEntries(errors.map((e) => [e.field, e]));

  it('gives each zod issue a code and the parameters its text needs, keeping the English message', () => {
    expect(byField.missing).toMatchObject({ code: 'required', params: {} });
    expect(byField.wrong_type).toMatchObject({ code: 'invalid_type', params: { expected: 'number' } });
    expect(byField.short).toMatchObject({ code: 'too_small', params: { minimum: 3, origin: 'string', inclusive: true } });
    expect(byField.positive).toMatchObject({ code: 'too_small', params: { minimum: 0, inclusive: false } });
    expect(byField.long).toMatchObject({ code: 'too_big', params: { maximum: 2, origin: 'string' } });
    expect(byField.uuid).toMatchObject({ code: 'invalid_format', params: { format: 'uuid' } });
    expect(byField.multiple).toMatchObject({ code: 'not_multiple_of', params: { divisor: 5 } });
    expect(byField.choice).toMatchObject({ code: 'invalid_value', params: { values: 'a, b' } });
    expect(byField.text).toMatchObject({ code: 'not_storable_text', message: STORABLE_TEXT_MESSAGE });
    expect(byField.extra).toMatchObject({ code: 'unknown_field', message: 'is not a known field' });
    expect(byField.short!.message).toMatch(/>=3/);
  });

  it('has an English and a Portuguese text for every zod issue code the server emits', () => {
    const keys = errors.map((e) => fieldErrorKey(e));
    // Every zod issue code except `custom` without a code of its own appears above.
    expect(new Set(errors.map((e) => e.code))).toEqual(
      new Set([
        'required',
        'invalid_type',
        'too_small',
        'too_big',
        'invalid_format',
        'not_multiple_of',
        'invalid_value',
        'invalid_union',
        'invalid_key',
        'not_storable_text',
        'unknown_field',
      ]),
    );
    for (const key of keys) {
      expect(key, 'a field error without a code').not.toBeNull();
      expect(FIELD_ERROR_KEYS).toContain(key);
    }
  });

  it('has a text in both languages for every key and detail code, and the Portuguese differs from the English', () => {
    const texts = (c: Catalogue, section: string, keys: readonly string[]) => keys.map((k) => lookup(c, `errors.${section}.${k}`));
    for (const [section, keys] of [
      ['field', FIELD_ERROR_KEYS],
      ['detail', DETAIL_CODES],
      ['expected', EXPECTED_TYPES],
    ] as const) {
      const english = texts(en as Catalogue, section, keys);
      const portuguese = texts(ptBR as unknown as Catalogue, section, keys);
      keys.forEach((key, i) => {
        expect(english[i], `en errors.${section}.${key}`).toBeTypeOf('string');
        expect(portuguese[i], `pt-BR errors.${section}.${key}`).toBeTypeOf('string');
        expect(portuguese[i], `pt-BR errors.${section}.${key} is English`).not.toBe(english[i]);
      });
    }
  });

  it('chooses the text by what was measured and by the format', () => {
    expect(fieldErrorKey({ code: 'too_small', params: { origin: 'array', minimum: 1 } })).toBe('too_small.array');
    expect(fieldErrorKey({ code: 'too_big', params: { origin: 'int', inclusive: false } })).toBe('too_big.numberExclusive');
    expect(fieldErrorKey({ code: 'invalid_format', params: { format: 'ipv4' } })).toBe('invalid_format.other');
    expect(fieldErrorKey({ code: 'not_after', params: { other: 'to' } })).toBe('not_after');
    expect(fieldErrorKey({ message: 'x' } as { code?: string })).toBeNull();
  });
});
