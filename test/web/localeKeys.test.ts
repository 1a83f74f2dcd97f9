import { describe, expect, it } from 'vitest';
import { dynamicPrefixes, flatten, placeholders, staticKeys, templateLiterals } from './localeKeys';

describe('localeKeys', () => {
  it('flattens nested messages into dotted keys', () => {
    expect([...flatten({ a: { b: 'x', c: { d: 'y' } }, e: 'z' })]).toEqual([
      ['a.b', 'x'],
      ['a.c.d', 'y'],
      ['e', 'z'],
    ]);
  });

  it('finds literal keys in t, $t, te and keypath but not interpolated ones', () => {
    const source = `t('a.b'); $t("c.d"); $te(\`e.f\`); te('g'); <i18n-t keypath="h.i" />; t(\`stages.\${name}\`); format('x.y')`;
    expect([...staticKeys(source)].sort()).toEqual(['a.b', 'c.d', 'e.f', 'g', 'h.i']);
  });

  it('finds the prefix of keys built from template literals', () => {
    expect([...dynamicPrefixes('$t(`stages.${row.name}`); `errors.${code}`')]).toEqual(['stages.', 'errors.']);
  });

  it('lists named placeholders once, sorted', () => {
    expect(placeholders('{b} and {a}, again {b}')).toEqual(['a', 'b']);
  });

  it('reports template text and unbound human attributes but not interpolations or bound ones', () => {
    const sfc = `<template><div title="Hello">{{ $t('x') }}</div><p>Plain words</p><v-btn :label="$t('y')" data-testid="ok-id" /></template>`;
    expect(templateLiterals(sfc)).toEqual(['Plain words', 'title="Hello"']);
  });
});
