import type { MsInterval } from './calendar';

/** A busy stretch of a technician's time: an existing booking (jobIndex -1) or a planned job. */
export interface BusyInterval extends MsInterval {
  jobIndex: number;
}

/** Merges overlapping or touching intervals into a sorted, non-overlapping list. */
export function mergeIntervals(intervals: readonly MsInterval[]): MsInterval[] {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: MsInterval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Index of the first interval whose end is after `ms`, in a sorted non-overlapping list. */
export function firstEndingAfter(sorted: readonly MsInterval[], ms: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]!.end <= ms) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The gaps of at least `minLengthMs` inside [fromMs, toMs) that no busy interval covers.
 * `busy` must be sorted and non-overlapping (bookings are merged, and planned jobs never overlap
 * bookings or each other, so a technician's busy list always is).
 */
export function freeGaps(busy: readonly MsInterval[], fromMs: number, toMs: number, minLengthMs: number, out: MsInterval[]): void {
  let cursor = fromMs;
  for (let i = firstEndingAfter(busy, fromMs); i < busy.length; i++) {
    const interval = busy[i]!;
    if (interval.start >= toMs) break;
    if (interval.start - cursor >= minLengthMs) out.push({ start: cursor, end: interval.start });
    cursor = Math.max(cursor, interval.end);
    if (cursor >= toMs) return;
  }
  if (toMs - cursor >= minLengthMs) out.push({ start: cursor, end: toMs });
}

/** Inserts into a list sorted by start. */
export function insertSorted(list: BusyInterval[], interval: BusyInterval): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]!.start < interval.start) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, interval);
}

export function removeJobInterval(list: BusyInterval[], jobIndex: number, start: number): void {
  let low = firstEndingAfter(list, start);
  for (; low < list.length; low++) {
    if (list[low]!.jobIndex === jobIndex) {
      list.splice(low, 1);
      return;
    }
  }
  throw new Error(`job ${jobIndex} is not in the busy list`);
}
