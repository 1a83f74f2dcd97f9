import { offsetAt } from '../browser/zonedTime';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 30 * DAY];

/**
 * About `count` ticks on a time axis at round instants (whole minutes, hours, days) rather than
 * the round millisecond counts niceTicks would pick, which read as 01:13:20. The steps are aligned
 * to the clock of `timeZone` (the reader's), not to UTC: in a half-hour zone such as Asia/Kolkata
 * UTC-aligned hours would fall on :30, and days would start at 05:30.
 */
export function timeTicks(from: number, to: number, count = 4, timeZone = 'UTC'): number[] {
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return [];
  const wanted = (to - from) / Math.max(1, count);
  const step = STEPS.find((s) => s >= wanted) ?? Math.ceil(wanted / (30 * DAY)) * 30 * DAY;
  // Walk the round values of the zone's wall clock and turn each back into an instant with the
  // offset in force then, so a daylight-saving change inside the range keeps ticks on the hour.
  const first = offsetAt(from, timeZone);
  const last = offsetAt(to, timeZone);
  const ticks = new Set<number>();
  for (let local = Math.ceil((from + Math.min(first, last)) / step) * step; local <= to + Math.max(first, last); local += step) {
    const t = local - offsetAt(local - first, timeZone);
    if (t >= from && t <= to) ticks.add(t);
  }
  return [...ticks].sort((a, b) => a - b);
}
