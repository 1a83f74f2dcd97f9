import type { ReportPeriod } from '../../domain/report';

const STEP = { hour: 3_600_000, day: 86_400_000 } as const;

/** The UTC bucket starts covering [from, to): the x axis of every time series, gaps included. */
export function bucketStarts(period: ReportPeriod): Date[] {
  const step = STEP[period.bucket];
  const out: Date[] = [];
  for (let t = Math.floor(period.from.getTime() / step) * step; t < period.to.getTime(); t += step) out.push(new Date(t));
  return out;
}

/**
 * One point per bucket, zero where the database had no row: a quiet hour is a fact worth
 * drawing, not a gap to interpolate over.
 */
export function fillBuckets(period: ReportPeriod, rows: { bucket: Date; n: number }[]): { x: string; y: number }[] {
  const byStart = new Map(rows.map((r) => [r.bucket.getTime(), r.n]));
  return bucketStarts(period).map((b) => ({ x: b.toISOString(), y: byStart.get(b.getTime()) ?? 0 }));
}

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Rounds for display without pretending to more precision than the data has. */
/**
 * Rounds to `digits` decimals for display. A value too large to scale (x · 10^digits overflows to
 * Infinity, e.g. a reading of 1e308) has no decimals worth dropping and is returned as it is.
 */
export const round = (x: number | null, digits = 3): number | null => {
  if (x === null) return null;
  const scaled = Math.round(x * 10 ** digits) / 10 ** digits;
  return Number.isFinite(scaled) ? scaled : x;
};
