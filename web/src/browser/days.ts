import { dayAt } from './zonedTime';

/** The first instant of a calendar day on `zone`'s clock, as ISO (a "from" filter includes the whole day). */
export function dayStart(day: Date | null, zone: string): string | undefined {
  return day ? dayAt(day, '00:00:00', zone)?.toISOString() : undefined;
}

/** The last millisecond of a calendar day on `zone`'s clock, as ISO (a "to" filter includes the whole day). */
export function dayEnd(day: Date | null, zone: string): string | undefined {
  const last = day ? dayAt(day, '23:59:59', zone) : null;
  return last ? new Date(last.getTime() + 999).toISOString() : undefined;
}
