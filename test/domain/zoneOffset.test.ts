import { describe, expect, it } from 'vitest';
import { offsetAt, zoneOffsetMinutes } from '../../domain/zoneOffset';

describe('zoneOffsetMinutes', () => {
  it('follows daylight saving, half-hour zones and zones without it', () => {
    expect(zoneOffsetMinutes('Europe/Lisbon', new Date('2031-01-15T12:00:00Z'))).toBe(0);
    expect(zoneOffsetMinutes('Europe/Lisbon', new Date('2031-07-15T12:00:00Z'))).toBe(60);
    expect(zoneOffsetMinutes('America/Sao_Paulo', new Date('2031-07-15T12:00:00Z'))).toBe(-180);
    expect(zoneOffsetMinutes('Asia/Kolkata', new Date('2031-07-15T12:00:00Z'))).toBe(330);
    expect(zoneOffsetMinutes('UTC', new Date('2031-07-15T12:00:00Z'))).toBe(0);
  });

  it('changes at the switch instant itself, and ignores milliseconds', () => {
    // Lisbon springs forward at 01:00 UTC on the last Sunday of March 2031 (the 30th).
    expect(zoneOffsetMinutes('Europe/Lisbon', new Date('2031-03-30T00:59:59.999Z'))).toBe(0);
    expect(zoneOffsetMinutes('Europe/Lisbon', new Date('2031-03-30T01:00:00.000Z'))).toBe(60);
    expect(offsetAt(Date.parse('2031-07-15T12:00:00.750Z'), 'Europe/Lisbon')).toBe(3_600_000);
  });
});
