/**
 * Wall-clock time in a chosen IANA zone, which need not be the browser's: an operator in São Paulo
 * may read a Lisbon plant's schedule on the plant's clock. `Date` only knows the browser's zone,
 * so the conversions go through Intl, which knows every zone and its daylight-saving rules.
 */
import { fieldsIn, offsetAt } from '../../../domain/zoneOffset';

/** The browser's own zone, the default reader's zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** True for a zone name Intl accepts (e.g. Europe/Lisbon, UTC); false for anything else. */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || !zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zones the user can choose from: every zone the browser knows, plus UTC. */
export function knownTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

export { offsetAt };

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as the wall-clock value `YYYY-MM-DDTHH:mm:ss` it shows in `zone`. */
export function wallClockIn(instant: Date, zone: string): string {
  const [y, mo, d, h, mi, s] = fieldsIn(instant.getTime(), zone);
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a wall-clock value `YYYY-MM-DDTHH:mm[:ss]` names in `zone`, or null when the value is
 * not one. The zone's offset is read twice, so a value just after a daylight-saving change gets the
 * new offset; a time that never happened (inside the spring-forward gap) lands just after the gap.
 */
export function instantIn(wallClock: string, zone: string): Date | null {
  const match = WALL_CLOCK.exec(wallClock);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((v) => Number(v ?? 0));
  const asUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  if (Number.isNaN(asUtc)) return null;
  const first = asUtc - offsetAt(asUtc, zone);
  return new Date(asUtc - offsetAt(first, zone));
}

/** A calendar day (a date picker's `Date`, read by its local fields) at `time` in `zone`. */
export function dayAt(day: Date, time: string, zone: string): Date | null {
  return instantIn(`${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T${time}`, zone);
}

/** The zone's short name at an instant in `locale` (BRT, WET, GMT+1…), to say which clock a time is on. */
export function zoneAbbreviation(zone: string, locale: string, at: Date): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}
