/**
 * The date-and-time fields keep a wall-clock string `YYYY-MM-DDTHH:mm:ss` on the reader's clock
 * (the zone they chose, else the browser's; the pages turn it into an instant with that zone, see
 * explorer.store's toIsoOrUndefined). These helpers split it into the day Vuetify's date input
 * edits and the 24-hour time typed beside it, and join them back, reading only the text: no zone
 * is involved, so a time the browser's own clock skips (a daylight-saving gap) survives.
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** `HH:mm` or `HH:mm:ss`, 24-hour; the same in every language, unlike the browser's time field. */
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** The time as `HH:mm:ss`, or null when it is not a valid 24-hour time. */
export function normaliseTime(time: string): string | null {
  const match = TIME.exec(time.trim());
  if (!match) return null;
  return `${pad(Number(match[1]))}:${match[2]}:${match[3] ?? '00'}`;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}(?::\d{2})?)$/;

/** The day and time a stored value shows, or nulls when there is none. */
export function splitLocalDateTime(value: string): { day: Date | null; time: string } {
  const match = WALL_CLOCK.exec(value);
  const time = match ? normaliseTime(match[4]!) : null;
  if (!match || !time) return { day: null, time: '' };
  // The date picker's day: a Date whose local fields are the calendar day.
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(day.getTime()) ? { day: null, time: '' } : { day, time };
}

/**
 * The stored value for a day and a time: '' without a day, and `fallbackTime` (e.g. the start or
 * end of the day) while the time is empty. Null when the typed time is invalid, so the page keeps
 * its last valid value instead of filtering on half an input.
 */
export function joinLocalDateTime(day: Date | null, time: string, fallbackTime: string): string | null {
  if (!day || Number.isNaN(day.getTime())) return '';
  const normalised = normaliseTime(time || fallbackTime);
  if (!normalised) return null;
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T${normalised}`;
}
