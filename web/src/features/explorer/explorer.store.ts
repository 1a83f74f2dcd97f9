import { reactive } from 'vue';
import { instantIn, wallClockIn } from '../../browser/zonedTime';
import { readerTimeZone } from '../settings/settings.store';

/** Filters survive navigating away and back, so an export matches what the user last looked at. */
export interface ExplorerFilters {
  sensorId: string | null;
  start: string;
  end: string;
  /** List archived (hidden) sensors too. */
  showArchived: boolean;
}

const filters = reactive<ExplorerFilters>({ sensorId: null, start: '', end: '', showArchived: false });

export function useExplorerFilters(): ExplorerFilters {
  return filters;
}

/**
 * The date-and-time fields hold wall-clock time on the reader's clock (see DateTimeInput: the zone
 * they chose, else the browser's); the API wants ISO instants.
 */
export function toIsoOrUndefined(local: string, zone = readerTimeZone()): string | undefined {
  return local ? instantIn(local, zone)?.toISOString() : undefined;
}

/** The inverse: an instant as the wall-clock value those fields show (to the second). */
export function toLocalInput(date: Date, zone = readerTimeZone()): string {
  return wallClockIn(date, zone);
}
