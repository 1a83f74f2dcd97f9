/**
 * Retention policies (issue 18): how long each class of data is kept. Raw readings older than
 * their policy are rolled up into the aggregates and deleted; the other classes are deleted.
 * Ages count from when a row was stored (a reading's ingestion, a row's creation), never from a
 * reading's own timestamp: an upload of last year's data stays raw for the full raw period.
 */
export const DATA_CLASSES = [
  'raw_readings',
  'minute_aggregates',
  'hour_aggregates',
  'events',
  'predictions',
  'notifications',
  'reports',
] as const;

export type DataClass = (typeof DATA_CLASSES)[number];

/** Longest policy accepted: a hundred years, i.e. "keep" without a special value. */
export const MAX_RETAIN_DAYS = 36_500;

export type RetentionDays = Record<DataClass, number>;

/** The classes deleted after the raw roll-up, in order: the aggregates the roll-up feeds come first. */
export const PURGED_CLASSES = DATA_CLASSES.filter((c): c is Exclude<DataClass, 'raw_readings'> => c !== 'raw_readings');

/**
 * Policies that contradict each other are refused: aggregates kept shorter than the raw readings
 * they summarise would leave a gap in every long-range chart.
 */
export function retentionConflicts(days: RetentionDays): { field: DataClass; message: string }[] {
  const errors: { field: DataClass; message: string }[] = [];
  if (days.minute_aggregates < days.raw_readings) {
    errors.push({ field: 'minute_aggregates', message: 'must be at least raw_readings' });
  }
  if (days.hour_aggregates < days.minute_aggregates) {
    errors.push({ field: 'hour_aggregates', message: 'must be at least minute_aggregates' });
  }
  return errors;
}

/** The instant before which a class's rows are due, `days` before `now`. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
