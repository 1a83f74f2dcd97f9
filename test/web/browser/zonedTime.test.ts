import { describe, expect, it } from 'vitest';
import { dayEnd, dayStart } from '../../../web/src/browser/days';
import { instantIn, isTimeZone, knownTimeZones, wallClockIn, zoneAbbreviation } from '../../../web/src/browser/zonedTime';

describe('wall-clock time in a chosen zone', () => {
  it('shows an instant on the clock of the zone asked for, not the process clock', () => {
    const instant = new Date('2026-12-04T21:00:00.000Z');
    expect(wallClockIn(instant, 'America/Sao_Paulo')).toBe('2026-12-04T18:00:00');
    expect(wallClockIn(instant, 'Europe/Lisbon')).toBe('2026-12-04T21:00:00');
    expect(wallClockIn(instant, 'Asia/Kolkata')).toBe('2026-12-05T02:30:00');
    // Lisbon's summer time is UTC+1.
    expect(wallClockIn(new Date('2026-07-01T12:00:00Z'), 'Europe/Lisbon')).toBe('2026-07-01T13:00:00');
  });

  it('reads a wall-clock value as the instant it names in that zone, and round-trips', () => {
    expect(instantIn('2026-12-04T18:00:00', 'America/Sao_Paulo')?.toISOString()).toBe('2026-12-04T21:00:00.000Z');
    expect(instantIn('2026-07-01T13:00', 'Europe/Lisbon')?.toISOString()).toBe('2026-07-01T12:00:00.000Z');
    expect(instantIn('2026-12-05T02:30:00', 'Asia/Kolkata')?.toISOString()).toBe('2026-12-04T21:00:00.000Z');
    for (const iso of ['2026-03-29T00:59:59.000Z', '2026-03-29T01:00:00.000Z', '2026-10-24T23:59:59.000Z', '2026-10-25T02:00:00.000Z']) {
      expect(instantIn(wallClockIn(new Date(iso), 'Europe/Lisbon'), 'Europe/Lisbon')?.toISOString()).toBe(iso);
    }
    expect(instantIn('not a time', 'Europe/Lisbon')).toBeNull();
  });

  it('takes a time the clock skips at the spring change as just after the gap, and a repeated one once', () => {
    // Lisbon jumps from 01:00 to 02:00 on 2026-03-29; 01:30 never happens there.
    expect(instantIn('2026-03-29T01:30:00', 'Europe/Lisbon')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // On 2026-10-25 Lisbon lives 01:00-02:00 twice; a typed 01:30 is the second (winter) one.
    expect(instantIn('2026-10-25T01:30:00', 'Europe/Lisbon')?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });

  it('filters a whole calendar day on the chosen clock', () => {
    const day = new Date(2025, 2, 14);
    expect(dayStart(day, 'America/Sao_Paulo')).toBe('2025-03-14T03:00:00.000Z');
    expect(dayEnd(day, 'America/Sao_Paulo')).toBe('2025-03-15T02:59:59.999Z');
    expect(dayStart(day, 'Europe/Lisbon')).toBe('2025-03-14T00:00:00.000Z');
    expect(dayStart(null, 'Europe/Lisbon')).toBeUndefined();
  });

  it('accepts IANA zone names and nothing else', () => {
    expect(isTimeZone('Europe/Lisbon')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(42)).toBe(false);
    expect(knownTimeZones()).toEqual(expect.arrayContaining(['UTC', 'Europe/Lisbon', 'America/Sao_Paulo']));
  });

  it('names the clock a time is on, with its summer or winter name', () => {
    expect(zoneAbbreviation('America/Sao_Paulo', 'pt-BR', new Date('2026-12-04T21:00:00Z'))).toBe('BRT');
    const winter = zoneAbbreviation('Europe/Lisbon', 'en', new Date('2026-01-15T12:00:00Z'));
    const summer = zoneAbbreviation('Europe/Lisbon', 'en', new Date('2026-07-15T12:00:00Z'));
    expect(summer).not.toBe(winter);
  });
});
