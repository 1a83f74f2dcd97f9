import { zoneOffsetMinutes } from './zoneOffset';
import { justificationMessage, subjectMessage } from './notificationText';
import type { ReportBody } from './report';
import {
  enumLabel,
  fillTemplate,
  formatNumber,
  lookup,
  renderMessage,
  type Catalogue,
  type EnumKind,
  type ValueFormat,
} from './serverText';

/**
 * A report in the reader's words: labels for its keys and columns, its titles translated, and
 * its values formatted in the reader's locale and time zone. A stored report keeps its data
 * (keys, English titles, ISO instants); this is computed on each read, for the JSON
 * presentation, the CSV headers and the PDF, and by the dashboard.
 */

export const REPORT_LANGS = ['en', 'pt-BR'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

export interface ReportLocale {
  lang: ReportLang;
  /** An IANA zone name. */
  timeZone: string;
}

export const DEFAULT_REPORT_LOCALE: ReportLocale = { lang: 'en', timeZone: 'UTC' };

/** True for a zone name Intl knows (IANA names and UTC); the API answers 422 for anything else. */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The supported language an Accept-Language header prefers most (quality order), English when none. */
export function langFromAcceptLanguage(header: string | undefined): ReportLang {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => /^\s*q=([\d.]+)\s*$/.exec(a)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((e) => e.tag && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('pt')) return 'pt-BR';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Columns whose values are enumerations, and where their labels live. */
const ENUM_COLUMNS: Record<string, EnumKind> = {
  decision: 'decision',
  priority: 'priority',
  method: 'anomalyMethod',
  source: 'decisionSource',
  decision_source: 'decisionSource',
  status: 'orderStatus',
  order_status: 'orderStatus',
  from: 'orderStatus',
  to: 'orderStatus',
  // A shadow evaluation's rows and verdict.
  side: 'modelSide',
  winner: 'modelSide',
  human: 'decision',
};

/** A key in words: the catalogue's label, else the key with spaces and a capital (never snake_case). */
export function fieldLabel(catalogue: Catalogue, key: string): string {
  const label = lookup(catalogue, `reportText.field.${key}`);
  if (label) return label;
  const lowQuality = /^low_quality_below_(.+)$/.exec(key);
  if (lowQuality) return fillTemplate(lookup(catalogue, 'reportText.lowQualityBelow') ?? key, { threshold: lowQuality[1]! });
  const words = key.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A report, chart or table title in the reader's language. Titles are stored in English (the
 * report's data); each is matched against the English templates and rendered from the reader's.
 */
export function headingText(catalogue: Catalogue, english: Catalogue, title: string): string {
  for (const section of ['reportText.title', 'reportText.heading']) {
    const templates = lookupSection(english, section);
    for (const [key, template] of Object.entries(templates)) {
      const names: string[] = [];
      const pattern = escapeRegExp(template).replace(/\\\{(\w+)\\\}/g, (_, name: string) => {
        names.push(name);
        return name === 'bucket' ? '(hour|day)' : '(.+)';
      });
      const m = new RegExp(`^${pattern}$`).exec(title);
      if (!m) continue;
      const values = Object.fromEntries(
        names.map((name, i) => [name, name === 'bucket' ? (lookup(catalogue, `reportText.bucket.${m[i + 1]}`) ?? m[i + 1]!) : m[i + 1]!]),
      );
      return fillTemplate(lookup(catalogue, `${section}.${key}`) ?? template, values);
    }
  }
  return title;
}

function lookupSection(catalogue: Catalogue, path: string): Record<string, string> {
  let node: Catalogue | string | undefined = catalogue;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (!node || typeof node === 'string') return {};
  return Object.fromEntries(Object.entries(node).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** An instant as a reader's wall-clock date and time (the zone is named once, in the heading). */
export function localDateTime(iso: string, fmt: ValueFormat): string {
  return new Intl.DateTimeFormat(fmt.locale, {
    timeZone: fmt.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** An instant in ISO 8601 with the reader's offset (`2026-12-04T18:00:00-03:00`): local, yet still machine-readable. */
export function isoInZone(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const offsetMin = zoneOffsetMinutes(timeZone, date);
  const local = new Date(Math.floor(date.getTime() / 1000) * 1000 + offsetMin * 60_000).toISOString().slice(0, 19);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const offset = offsetMin === 0 ? 'Z' : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local}${offset}`;
}

/** A value as a reader sees it: numbers in the locale, instants on their clock, enumerations and yes/no in words. */
export function valueText(catalogue: Catalogue, value: unknown, fmt: ValueFormat, column?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return lookup(catalogue, `reportText.${value ? 'yes' : 'no'}`) ?? String(value);
  if (typeof value === 'number') return formatNumber(value, fmt, Number.isInteger(value) ? 'count' : 'number');
  if (typeof value !== 'string') return JSON.stringify(value);
  if (isIsoInstant(value)) return localDateTime(value, fmt);
  if (value === 'yes' || value === 'no') return lookup(catalogue, `reportText.${value}`) ?? value;
  // A notification's English subject, in the reader's words when it is one the catalogue knows.
  const subject = column === 'subject' ? subjectMessage(value) : column === 'justification' ? justificationMessage(value) : null;
  if (subject) return renderMessage(catalogue, subject, fmt) ?? value;
  const kind = column ? ENUM_COLUMNS[column] : undefined;
  if (kind && /^[a-z_]+$/.test(value)) return enumLabel(catalogue, kind, value);
  return value;
}

/** Charts whose categories (bar labels) or series are enumeration values. */
const CHART_CATEGORIES: Record<string, EnumKind> = {
  orders_by_status: 'orderStatus',
  orders_by_priority: 'priority',
  decisions_by_outcome: 'decision',
  by_method: 'anomalyMethod',
};
const CHART_SERIES: Record<string, EnumKind> = { decisions: 'decision' };

/** A bar's category in words: an enumeration value translated, an instant on the reader's clock, anything else as it is. */
export function categoryText(catalogue: Catalogue, chartId: string, x: string | number, fmt: ValueFormat): string {
  const kind = CHART_CATEGORIES[chartId];
  if (kind && typeof x === 'string') return enumLabel(catalogue, kind, x);
  return typeof x === 'string' && !isIsoInstant(x) ? x : valueText(catalogue, x, fmt);
}

/** A series name in words (the legend). */
export function seriesText(catalogue: Catalogue, chartId: string, name: string): string {
  const kind = CHART_SERIES[chartId];
  return kind ? enumLabel(catalogue, kind, name) : fieldLabel(catalogue, name);
}

/** What the API returns beside a report's data: every label and value ready to show. */
export interface ReportPresentation {
  lang: ReportLang;
  time_zone: string;
  title: string;
  period: { from: string; to: string };
  summary: { key: string; label: string; value: string }[];
  charts: { id: string; title: string }[];
  tables: { title: string; columns: string[] }[];
}

export function presentReport(catalogue: Catalogue, english: Catalogue, body: ReportBody, loc: ReportLocale): ReportPresentation {
  const fmt = { locale: loc.lang, timeZone: loc.timeZone };
  return {
    lang: loc.lang,
    time_zone: loc.timeZone,
    title: headingText(catalogue, english, body.title),
    period: {
      from: body.period.from ? valueText(catalogue, body.period.from, fmt) : '—',
      to: body.period.to ? valueText(catalogue, body.period.to, fmt) : '—',
    },
    summary: Object.entries(body.summary).map(([key, value]) => ({
      key,
      label: fieldLabel(catalogue, key),
      value: valueText(catalogue, value, fmt, key),
    })),
    charts: body.charts.map((c) => ({ id: c.id, title: headingText(catalogue, english, c.title) })),
    tables: body.tables.map((t) => ({
      title: headingText(catalogue, english, t.title),
      columns: t.columns.map((c) => fieldLabel(catalogue, c)),
    })),
  };
}
