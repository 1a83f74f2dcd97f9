import type { Technician, WeeklyShift } from './model';
import { DAY_MS, MINUTE_MS, toMs } from './time';

export interface MsInterval {
  start: number;
  end: number;
}

export function minutesOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** The UTC interval of one shift occurrence that starts on the local day beginning at `localDayStartUtcMs`. */
export function shiftOccurrence(shift: WeeklyShift, localDayStartUtcMs: number): MsInterval {
  const startMinutes = minutesOfDay(shift.start);
  let endMinutes = minutesOfDay(shift.end);
  if (endMinutes <= startMinutes) endMinutes += 24 * 60; // crosses midnight
  return {
    start: localDayStartUtcMs + startMinutes * MINUTE_MS,
    end: localDayStartUtcMs + endMinutes * MINUTE_MS,
  };
}

/**
 * Every availability interval (weekly shifts expanded in the site's local time, plus one-off
 * extra availability) that overlaps [fromMs, toMs), in UTC, sorted by start. Shifts are kept as
 * separate intervals even when they touch: a job must fit inside one shift, because a shift
 * boundary is a handover, not a continuation.
 */
export function availabilityIntervals(technician: Technician, fromMs: number, toMs_: number): MsInterval[] {
  const offsetMs = technician.utcOffsetMinutes * MINUTE_MS;
  const intervals: MsInterval[] = [];
  // Start one local day early so a night shift that began yesterday is included.
  const firstLocalDay = Math.floor((fromMs + offsetMs) / DAY_MS) - 1;
  const lastLocalDay = Math.floor((toMs_ + offsetMs) / DAY_MS);
  for (let day = firstLocalDay; day <= lastLocalDay; day++) {
    const weekday = new Date(day * DAY_MS).getUTCDay();
    const localDayStartUtcMs = day * DAY_MS - offsetMs;
    for (const shift of technician.shifts) {
      if (shift.weekday !== weekday) continue;
      const occurrence = shiftOccurrence(shift, localDayStartUtcMs);
      if (occurrence.end > fromMs && occurrence.start < toMs_) intervals.push(occurrence);
    }
  }
  for (const extra of technician.extraAvailability ?? []) {
    const interval = { start: toMs(extra.start), end: toMs(extra.end) };
    if (interval.end > interval.start && interval.end > fromMs && interval.start < toMs_) intervals.push(interval);
  }
  return intervals.sort((a, b) => a.start - b.start || a.end - b.end);
}
