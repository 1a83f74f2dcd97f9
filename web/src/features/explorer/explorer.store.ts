import { reactive } from 'vue';

/** Filters survive navigating away and back, so an export matches what the user last looked at. */
export interface ExplorerFilters {
  sensorId: string | null;
  start: string;
  end: string;
}

const filters = reactive<ExplorerFilters>({ sensorId: null, start: '', end: '' });

export function useExplorerFilters(): ExplorerFilters {
  return filters;
}

/** datetime-local values are local wall-clock time; the API wants ISO instants. */
export function toIsoOrUndefined(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
