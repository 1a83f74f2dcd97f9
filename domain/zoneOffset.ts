/**
 * Wall-clock fields and UTC offsets of an IANA time zone at an instant (daylight saving included),
 * for the server (a technician's shifts, written in their site's local time, are shifted by their
 * zone's offset on the day planned) and the dashboard (times on a chosen zone's clock). Pure: Intl
 * carries the zone database, so no I/O.
 */

const fieldFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar fields an instant shows in `zone`, to the second: [year, month 1–12, day, hour, minute, second]. */
export function fieldsIn(instant: number, zone: string): [number, number, number, number, number, number] {
  let format = fieldFormats.get(zone);
  if (!format) {
    // h23: some engines write midnight as 24 under hour12: false.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    fieldFormats.set(zone, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return [part.year!, part.month!, part.day!, part.hour!, part.minute!, part.second!];
}

/** How far `zone`'s clock is ahead of UTC at an instant, in milliseconds. */
export function offsetAt(instant: number, zone: string): number {
  const [y, mo, d, h, mi, s] = fieldsIn(instant, zone);
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
  return Date.UTC(y, mo - 1, d, h, mi, s) - wholeSecond;
}

/** The same offset in whole minutes, as the scheduler's technicians carry it. */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  return Math.round(offsetAt(at.getTime(), timeZone) / 60_000);
}
