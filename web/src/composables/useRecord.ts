import { onMounted, ref, watch, type Ref } from 'vue';
import { toApiError, type ApiError } from '../api/apiError';

export interface LoadedRecord<T> {
  /** The record; undefined before the first answer and after a failed load (no stale page). */
  record: Ref<T | undefined>;
  loading: Ref<boolean>;
  error: Ref<ApiError | undefined>;
  load: () => Promise<void>;
}

/**
 * One record a detail page shows, by the id in its route: loaded on mount and again when the id
 * changes (the router reuses the view between two records).
 */
export function useRecord<T>(id: () => string, fetch: (id: string) => Promise<T>): LoadedRecord<T> {
  const record = ref() as Ref<T | undefined>;
  const loading = ref(false);
  const error = ref<ApiError>();

  async function load(): Promise<void> {
    loading.value = true;
    error.value = undefined;
    try {
      record.value = await fetch(id());
    } catch (err) {
      error.value = toApiError(err);
      record.value = undefined;
    } finally {
      loading.value = false;
    }
  }

  onMounted(load);
  watch(id, load);
  return { record, loading, error, load };
}
