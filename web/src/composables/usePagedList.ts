import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import { toApiError, type ApiError } from '../api/apiError';
import { saveBlob } from '../browser/download';

export interface PageRequest {
  limit: number;
  offset: number;
}

export interface PagedListOptions<F, T> {
  /** The filter, read reactively: a change reloads from the first page. */
  filter: () => F;
  fetchPage: (filter: F, page: PageRequest) => Promise<{ items: T[]; total: number }>;
  /** The whole filtered list as a file, saved as `filename()`. */
  exportFile?: { fetch: (filter: F) => Promise<Blob>; filename: () => string };
  itemsPerPage?: number;
  /** Wait this long after the last filter change before asking (text filters change per keystroke). */
  debounceMs?: number;
  /** Saves the exported file; the browser download by default. */
  save?: (blob: Blob, filename: string) => void;
}

export interface PagedList<T> {
  items: Ref<T[]>;
  total: Ref<number>;
  /** 1-based; bind to a table's v-model:page. Changing it (or itemsPerPage) loads that page. */
  page: Ref<number>;
  itemsPerPage: Ref<number>;
  loading: Ref<boolean>;
  exporting: Ref<boolean>;
  error: Ref<ApiError | undefined>;
  load: () => Promise<void>;
  exportFile: () => Promise<void>;
}

/**
 * One server-paged, filtered list: loads the current page, goes back to the first page when the
 * filter changes (debounced), keeps only the newest answer when requests overlap, and exports
 * the filtered set. Loads the first page at once.
 */
export function usePagedList<F, T>(options: PagedListOptions<F, T>): PagedList<T> {
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const page = ref(1);
  const itemsPerPage = ref(options.itemsPerPage ?? 25);
  const loading = ref(false);
  const exporting = ref(false);
  const error = ref<ApiError>();
  let latest = 0;

  async function load(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    error.value = undefined;
    try {
      const result = await options.fetchPage(options.filter(), {
        limit: itemsPerPage.value,
        offset: (page.value - 1) * itemsPerPage.value,
      });
      if (ticket !== latest) return;
      items.value = result.items;
      total.value = result.total;
    } catch (err) {
      if (ticket !== latest) return;
      error.value = toApiError(err);
      items.value = [];
      total.value = 0;
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  watch([page, itemsPerPage], () => void load());

  let debounce: ReturnType<typeof setTimeout> | undefined;
  const filterChanged = () => {
    // Back to the first page; when already there, the page watcher does not fire, so load here.
    if (page.value === 1) void load();
    else page.value = 1;
  };
  // Compared by value: a new but equal filter object (a space typed and trimmed away) asks nothing.
  watch(
    () => JSON.stringify(options.filter()),
    () => {
      clearTimeout(debounce);
      if (options.debounceMs) debounce = setTimeout(filterChanged, options.debounceMs);
      else filterChanged();
    },
  );
  onScopeDispose(() => clearTimeout(debounce));

  async function exportFile(): Promise<void> {
    if (!options.exportFile) return;
    exporting.value = true;
    error.value = undefined;
    try {
      (options.save ?? saveBlob)(await options.exportFile.fetch(options.filter()), options.exportFile.filename());
    } catch (err) {
      error.value = toApiError(err);
    } finally {
      exporting.value = false;
    }
  }

  void load();
  return { items, total, page, itemsPerPage, loading, exporting, error, load, exportFile };
}
