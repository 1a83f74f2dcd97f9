import en from '../../locales/en.json';
import { EVENT_TYPES } from '../../domain/serverText';

// Symbols both languages write alike are no sign of English: statistics, and "min" (minutes).
const STATISTIC_SYMBOLS = ['KS p =', 'PSI =', 'min'];

/**
 * What server-produced English looks like on screen: the fixed parts of every server message in
 * the English catalogue (the text between placeholders), the English names of event types and
 * enumeration values, and the raw codes (`stage_complete`, `very_urgent`). Any of them in the
 * visible text of a Portuguese page means the server's words reached the reader untranslated.
 */
export function englishServerPhrases(): string[] {
  const s = en.serverText;
  const fragments = Object.values(s.messages).flatMap((template) =>
    template
      .split(/\{\w+\}|\||[();:,]/)
      .map((part) => part.trim())
      // Statistics' symbols read the same in every language.
      .filter((part) => /[a-z]{3}/i.test(part) && !STATISTIC_SYMBOLS.includes(part)),
  );
  const labels = [
    s.events,
    s.priority,
    s.decisionSource,
    s.orderStatus,
    s.anomalyMethod,
    s.unassigned,
    s.quarantineReason,
    s.caseOutcome,
    s.failure,
  ]
    .flatMap((section) => Object.values(section as Record<string, string>))
    // One-word labels shorter than this read as Portuguese too often ("no") to tell anything apart.
    .filter((label) => label.length >= 4);
  const codes = [
    ...EVENT_TYPES,
    ...[s.priority, s.decisionSource, s.orderStatus, s.anomalyMethod, s.unassigned, s.quarantineReason].flatMap((section) =>
      Object.keys(section).filter((key) => key.includes('_')),
    ),
  ];
  return [...new Set([...fragments, ...labels, ...codes])];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English phrases found in `text`, each matched as whole words (so "model" does not match "modelo"). */
export function englishIn(text: string, phrases = englishServerPhrases()): string[] {
  return phrases.filter((phrase) => new RegExp(`(?<![\\p{L}_])${escape(phrase)}(?![\\p{L}_])`, 'u').test(text));
}

/** An instant as the server sends it (UTC ISO 8601): never meant for a reader's eyes. */
export const RAW_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
