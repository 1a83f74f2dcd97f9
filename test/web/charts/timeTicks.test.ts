import { describe, expect, it } from 'vitest';
import { timeTicks } from '../../../web/src/charts/timeTicks';

const at = (iso: string) => Date.parse(iso);

describe('timeTicks', () => {
  it('puts the ticks of a day on whole hours', () => {
    const ticks = timeTicks(at('2025-02-09T12:00:00Z'), at('2025-02-10T12:00:00Z'), 4);
    expect(ticks.map((t) => new Date(t).toISOString())).toEqual([
      '2025-02-09T12:00:00.000Z',
      '2025-02-09T18:00:00.000Z',
      '2025-02-10T00:00:00.000Z',
      '2025-02-10T06:00:00.000Z',
      '2025-02-10T12:00:00.000Z',
    ]);
  });

  it('uses minutes for an hour and days for a week, never an odd second', () => {
    const hour = timeTicks(at('2025-02-10T11:00:00Z'), at('2025-02-10T12:00:00Z'), 4);
    expect(hour.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['11:00', '11:15', '11:30', '11:45', '12:00']);
    const week = timeTicks(at('2025-02-03T12:00:00Z'), at('2025-02-10T12:00:00Z'), 4);
    expect(week.every((t) => t % 86_400_000 === 0)).toBe(true);
    expect(week.length).toBeGreaterThanOrEqual(2);
  });

  it('gives nothing for an empty or reversed range', () => {
    expect(timeTicks(5, 5)).toEqual([]);
    expect(timeTicks(10, 5)).toEqual([]);
  });

  it('puts hourly ticks on the hour of a half-hour zone (Asia/Kolkata, UTC+05:30), not on :30', () => {
    const zone = 'Asia/Kolkata';
    const ticks = timeTicks(at('2025-02-10T00:00:00Z'), at('2025-02-10T04:00:00Z'), 4, zone);
    const local = (t: number) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t);
    expect(ticks.map(local)).toEqual(['06:00', '07:00', '08:00', '09:00']);
    // In UTC the same ticks fall on :30: the zone, not UTC, decides what is round.
    expect(ticks.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['00:30', '01:30', '02:30', '03:30']);
    // Days start at the zone's midnight.
    const week = timeTicks(at('2025-02-03T00:00:00Z'), at('2025-02-06T00:00:00Z'), 3, zone);
    expect(week.map(local).every((hm) => hm === '00:00')).toBe(true);
    expect(week.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps ticks on the hour across a daylight-saving change', () => {
    // Lisbon moved from UTC+0 to UTC+1 at 01:00 UTC on 30 March 2025.
    const zone = 'Europe/Lisbon';
    const ticks = timeTicks(at('2025-03-29T22:00:00Z'), at('2025-03-30T06:00:00Z'), 4, zone);
    const local = ticks.map((t) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t),
    );
    expect(local).toEqual(['00:00', '03:00', '06:00']);
    expect(new Set(ticks).size).toBe(ticks.length);
  });
});
