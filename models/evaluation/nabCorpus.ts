import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LabelledFile, Window } from './nabScorer';

/** Where the copy of NAB v1.1 lives (see its README for source and licence). */
export const NAB_DIR = resolve(import.meta.dirname, '../data/nab');

export const NAB_GROUPS = [
  'artificialNoAnomaly',
  'artificialWithAnomaly',
  'realAdExchange',
  'realAWSCloudwatch',
  'realKnownCause',
  'realTraffic',
  'realTweets',
] as const;
export type NabGroup = (typeof NAB_GROUPS)[number];

export interface NabFile extends LabelledFile {
  /** `group/file.csv`, the key used by `labels.json`. */
  readonly name: string;
  readonly group: NabGroup;
  /** Epoch milliseconds (UTC). */
  readonly timestamps: Float64Array;
  readonly values: Float64Array;
}

/** NAB timestamps are UTC wall-clock strings; labels carry microseconds, the CSVs do not. */
export function parseNabTime(text: string): number {
  const [date, time] = text.trim().split(' ');
  const t = Date.parse(`${date}T${time.slice(0, 8)}Z`);
  if (Number.isNaN(t)) throw new Error(`unparseable NAB timestamp: ${text}`);
  return t;
}

/** Maps `[start, end]` timestamps to the inclusive row range they cover. */
export function windowRows(timestamps: Float64Array, start: number, end: number): Window {
  let first = -1;
  let last = -1;
  for (let i = 0; i < timestamps.length; i++) {
    if (timestamps[i] >= start && first < 0) first = i;
    if (timestamps[i] <= end) last = i;
  }
  if (first < 0 || last < first) throw new Error('anomaly window covers no rows');
  return { start: first, end: last };
}

export function loadNabFile(name: string, labels: Record<string, [string, string][]>, dir = NAB_DIR): NabFile {
  const text = readFileSync(join(dir, 'data', name), 'utf8');
  const lines = text.split('\n').filter((l) => l.trim().length > 0);
  const n = lines.length - 1;
  const timestamps = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [ts, v] = lines[i + 1].split(',');
    timestamps[i] = parseNabTime(ts);
    values[i] = Number(v);
  }
  const windows = (labels[name] ?? []).map(([s, e]) => windowRows(timestamps, parseNabTime(s), parseNabTime(e)));
  const group = name.split('/')[0] as NabGroup;
  if (!NAB_GROUPS.includes(group)) throw new Error(`unknown NAB group in ${name}`);
  return { name, group, timestamps, values, length: n, windows };
}

export function readLabels(dir = NAB_DIR): Record<string, [string, string][]> {
  return JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, [string, string][]>;
}

/** The whole corpus, sorted by name (56 files, 110 windows). */
export function loadNabCorpus(dir = NAB_DIR): NabFile[] {
  const labels = readLabels(dir);
  const names: string[] = [];
  for (const group of NAB_GROUPS) {
    for (const f of readdirSync(join(dir, 'data', group))) if (f.endsWith('.csv')) names.push(`${group}/${f}`);
  }
  return names.sort().map((name) => loadNabFile(name, labels, dir));
}
