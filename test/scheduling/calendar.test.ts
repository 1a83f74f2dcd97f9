import { describe, expect, it } from 'vitest';
import { availabilityIntervals } from '../../scheduling/calendar';
import { technician, NOW } from './fixtures';

const iso = (intervals: Array<{ start: number; end: number }>) =>
  intervals.map((i) => `${new Date(i.start).toISOString()}/${new Date(i.end).toISOString()}`);

describe('availabilityIntervals', () => {
  it('turns a local weekly pattern into UTC intervals using the site offset', () => {
    const tech = technician({ id: 't', utcOffsetMinutes: -180, shifts: [{ weekday: 1, start: '06:00', end: '14:00' }] });
    const from = NOW.getTime();
    expect(iso(availabilityIntervals(tech, from, from + 8 * 86_400_000))).toEqual([
      '2025-03-03T09:00:00.000Z/2025-03-03T17:00:00.000Z',
      '2025-03-10T09:00:00.000Z/2025-03-10T17:00:00.000Z',
    ]);
  });

  it('lets a night shift run past midnight and includes one that began before the window', () => {
    // Sunday 22:00 → Monday 06:00 UTC overlaps a window that opens Monday 01:00.
    const tech = technician({ id: 't', shifts: [{ weekday: 0, start: '22:00', end: '06:00' }] });
    const from = Date.parse('2025-03-03T01:00:00.000Z');
    expect(iso(availabilityIntervals(tech, from, from + 86_400_000))).toEqual(['2025-03-02T22:00:00.000Z/2025-03-03T06:00:00.000Z']);
  });

  it('adds one-off extra availability to the weekly pattern', () => {
    const tech = technician({
      id: 't',
      shifts: [],
      extraAvailability: [{ start: '2025-03-08T09:00:00.000Z', end: '2025-03-08T13:00:00.000Z' }],
    });
    expect(iso(availabilityIntervals(tech, NOW.getTime(), NOW.getTime() + 7 * 86_400_000))).toEqual([
      '2025-03-08T09:00:00.000Z/2025-03-08T13:00:00.000Z',
    ]);
  });
});
