import { describe, expect, it } from 'vitest';
import { alarmKpis, kpiRows, type AlarmForKpi } from '../../domain/alarmKpis';

const T0 = Date.UTC(2026, 0, 5);
const MIN = 60_000;
const alarm = (sensorId: string, minute: number, o: Partial<AlarmForKpi> = {}): AlarmForKpi => ({
  sensorId,
  start: T0 + minute * MIN,
  createdAt: T0 + minute * MIN,
  acknowledgedAt: null,
  resolvedAt: T0 + minute * MIN + 5 * MIN,
  historical: false,
  ...o,
});

describe('alarmKpis', () => {
  it('rates alarms per day and per operator-hour over the period', () => {
    const alarms = Array.from({ length: 48 }, (_, i) => alarm(`s${i % 3}`, i * 30));
    const k = alarmKpis(alarms, { from: T0, to: T0 + 24 * 60 * MIN, operators: 2, now: T0 + 24 * 60 * MIN });
    expect(k.alarms).toBe(48);
    expect(k.per_day).toBe(48);
    expect(k.per_operator_hour).toBe(1);
    expect(k.verdict.rate).toBe('acceptable');
  });

  it('finds the peak 10 minutes and the share of periods in flood (more than 10 alarms)', () => {
    const burst = Array.from({ length: 12 }, (_, i) => alarm(`b${i}`, 20 + i * 0.5));
    const k = alarmKpis([...burst, alarm('x', 100)], { from: T0, to: T0 + 200 * MIN, operators: 1, now: T0 + 200 * MIN });
    expect(k.peak_10_minutes).toBe(12);
    expect(k.flood_periods).toBe(1);
    expect(k.flood_share).toBe(0.05);
    expect(k.verdict.floods).toBe('over');
  });

  it('counts chattering (the same sensor again within a minute), stale alarms and the top contributors', () => {
    const alarms = [
      alarm('pump', 0),
      alarm('pump', 0.5),
      alarm('pump', 10),
      alarm('fan', 3, { resolvedAt: null, createdAt: T0 }),
      alarm('fan', 3.2, { resolvedAt: null, historical: true }),
    ];
    const k = alarmKpis(alarms, { from: T0, to: T0 + 60 * MIN, operators: 1, now: T0 + 25 * 3600_000 });
    expect(k.chattering).toEqual({ alarms: 2, sensors: 2 });
    // Open for over 24 h and live; the historical one paged nobody and is not stale.
    expect(k.stale).toBe(1);
    expect(k.top_contributors).toEqual([
      { sensor_id: 'pump', alarms: 3, share: 0.6 },
      { sensor_id: 'fan', alarms: 2, share: 0.4 },
    ]);
  });

  it('gives the median and p90 time to acknowledge of the acknowledged alarms only', () => {
    const alarms = [10, 20, 30, 40, 600].map((s, i) => alarm(`a${i}`, i, { acknowledgedAt: T0 + i * MIN + s * 1000 }));
    const k = alarmKpis([...alarms, alarm('never', 9)], { from: T0, to: T0 + 60 * MIN, operators: 1, now: T0 + 60 * MIN });
    expect(k.time_to_acknowledge_seconds).toEqual({ acknowledged: 5, median: 30, p90: 600, mean: 140 });
    expect(kpiRows(k)).toContainEqual(['tta_median_s', 30]);
  });

  it('splits the figures per site, most alarms first, and keeps one site when asked', () => {
    // North floods (12 alarms in one 10-minute period), south raises two, one sensor is on no asset.
    const alarms = [
      ...Array.from({ length: 12 }, (_, i) => alarm(`n${i}`, i * 0.5, { site: 'north' })),
      alarm('s1', 30, { site: 'south' }),
      alarm('s2', 90, { site: 'south', acknowledgedAt: T0 + 90 * MIN + 40_000 }),
      alarm('loose', 100, { site: '' }),
    ];
    const o = { from: T0, to: T0 + 24 * 60 * MIN, operators: 1, now: T0 + 24 * 60 * MIN };
    const k = alarmKpis(alarms, o);
    expect(k.alarms).toBe(15);
    expect(k.by_site.map((s) => [s.site, s.alarms, s.peak_10_minutes])).toEqual([
      ['north', 12, 12],
      ['south', 2, 1],
      ['', 1, 1],
    ]);
    expect(k.by_site[0]!.flood_share).toBeGreaterThan(0);
    expect(k.by_site[1]).toMatchObject({ flood_share: 0, median_time_to_acknowledge_s: 40 });
    expect(kpiRows(k)).toContainEqual(['site.north.alarms', 12]);

    const south = alarmKpis(alarms, { ...o, site: 'south' });
    expect(south.alarms).toBe(2);
    expect(south.flood_periods).toBe(0);
    expect(south.by_site.map((s) => s.site)).toEqual(['south']);
  });
});
