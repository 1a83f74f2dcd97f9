import { describe, expect, it } from 'vitest';
import { DATA_CLASSES, PURGED_CLASSES, retentionConflicts, retentionCutoff, type RetentionDays } from '../../domain/retention';

const days = (overrides: Partial<RetentionDays> = {}): RetentionDays => ({
  raw_readings: 30,
  minute_aggregates: 90,
  hour_aggregates: 1825,
  events: 365,
  predictions: 365,
  notifications: 180,
  reports: 730,
  ...overrides,
});

describe('retention policies', () => {
  it('accepts aggregates kept at least as long as what they summarise', () => {
    expect(retentionConflicts(days())).toEqual([]);
    expect(retentionConflicts(days({ raw_readings: 90, minute_aggregates: 90, hour_aggregates: 90 }))).toEqual([]);
  });

  it('refuses per-minute aggregates kept shorter than raw readings, and hourly shorter than per-minute', () => {
    expect(retentionConflicts(days({ minute_aggregates: 29 }))).toEqual([
      { field: 'minute_aggregates', message: 'must be at least raw_readings' },
    ]);
    expect(retentionConflicts(days({ hour_aggregates: 89 }))).toEqual([
      { field: 'hour_aggregates', message: 'must be at least minute_aggregates' },
    ]);
  });

  it('purges every class but the raw readings, the aggregates first', () => {
    expect(PURGED_CLASSES).toEqual(DATA_CLASSES.filter((c) => c !== 'raw_readings'));
    expect(PURGED_CLASSES.slice(0, 2)).toEqual(['minute_aggregates', 'hour_aggregates']);
  });

  it('puts the cutoff whole days before now', () => {
    expect(retentionCutoff(new Date('2026-03-31T12:00:00Z'), 30).toISOString()).toBe('2026-03-01T12:00:00.000Z');
  });
});
