import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type Messages = { [key: string]: string | Messages };

/** Flattens nested messages into dotted keys: { a: { b: 'x' } } → { 'a.b': 'x' }. */
export function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|vue)$/.test(name) ? [full] : [];
  });
}

/**
 * Keys written literally in calls: t('a.b'), $t("a.b"), te('a.b'), $te(`a.b`) without
 * interpolation, keypath="a.b" on <i18n-t>, and a route's `titleKey: 'a.b'`.
 */
export function staticKeys(source: string): Set<string> {
  const keys = new Set<string>();
  const call = /\$?\bte?\(\s*(['"`])([A-Za-z0-9_.-]+)\1/g;
  const keypath = /keypath=["']([A-Za-z0-9_.-]+)["']/g;
  const titleKey = /\btitleKey:\s*(['"])([A-Za-z0-9_.-]+)\1/g;
  for (const m of source.matchAll(call)) keys.add(m[2] as string);
  for (const m of source.matchAll(keypath)) keys.add(m[1] as string);
  for (const m of source.matchAll(titleKey)) keys.add(m[2] as string);
  return keys;
}

/** Prefixes of keys built at run time from a template literal, e.g. `stages.${name}` → 'stages.'. */
export function dynamicPrefixes(source: string): Set<string> {
  const prefixes = new Set<string>();
  for (const m of source.matchAll(/`([A-Za-z0-9_.-]+\.)\$\{/g)) prefixes.add(m[1] as string);
  return prefixes;
}

/** Named placeholders such as {count}, sorted, so both languages can be compared. */
export function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))].sort();
}

export function readJson(file: string): Messages {
  return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

const humanAttributes = [
  'label',
  'title',
  'placeholder',
  'hint',
  'aria-label',
  'alt',
  'text',
  'headline',
  'subtitle',
  'loading-text',
  'no-data-text',
];

/**
 * Human-readable text written straight into a Vue template: text between tags outside {{ }},
 * or an unbound attribute such as label="Name". Either would stay in one language.
 */
export function templateLiterals(sfc: string): string[] {
  const template = /<template>([\s\S]*)<\/template>/.exec(sfc)?.[1] ?? '';
  const withoutInterpolation = template.replace(/\{\{[\s\S]*?\}\}/g, '');
  const found: string[] = [];
  for (const m of withoutInterpolation.matchAll(/>([^<>]*)</g)) {
    const text = (m[1] as string).trim();
    if (/\p{L}/u.test(text)) found.push(text);
  }
  for (const attr of humanAttributes) {
    for (const m of template.matchAll(new RegExp(`[\\s](${attr})="([^"]*)"`, 'g'))) {
      if (/\p{L}/u.test(m[2] as string)) found.push(`${m[1]}="${m[2]}"`);
    }
  }
  return found;
}
