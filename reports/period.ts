import { InvalidInput } from '../domain/errors';
import type { ReportPeriod } from '../domain/report';

const HOUR = 3_600_000;
/** Up to three days a time series is hourly (at most 72 points); beyond, daily. */
const HOURLY_UP_TO = 72 * HOUR;
/** A report over more than a year would be a data export, not a report. */
export const MAX_SPAN_DAYS = 366;

/** A bad report period. Reported against `from`, the field a caller moves to fix either end. */
export class PeriodError extends InvalidInput {
  constructor(message: string) {
    super([{ field: 'body.from', message }], undefined, message);
  }
}

/**
 * Resolves an optional [from, to) into a concrete period: `to` defaults to `now`, `from` to 24 h
 * before `to`. Throws a PeriodError for an empty or reversed period, or one longer than a year.
 */
export function resolvePeriod(opts: { from?: string | Date; to?: string | Date }, now: Date): ReportPeriod {
  const to = opts.to ? new Date(opts.to) : now;
  const from = opts.from ? new Date(opts.from) : new Date(to.getTime() - 24 * HOUR);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new PeriodError('from and to must be ISO 8601 timestamps');
  const span = to.getTime() - from.getTime();
  if (span <= 0) throw new PeriodError('from must be before to');
  if (span > MAX_SPAN_DAYS * 24 * HOUR) throw new PeriodError(`the period must not exceed ${MAX_SPAN_DAYS} days`);
  return { from, to, bucket: span <= HOURLY_UP_TO ? 'hour' : 'day' };
}
