import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, reactive } from 'vue';
import { ApiError } from '../../../web/src/api/apiError';
import { usePagedList, type PageRequest } from '../../../web/src/composables/usePagedList';

type Filter = { q?: string };

function setup(options: { debounceMs?: number; fail?: boolean } = {}) {
  const filter = reactive<{ q: string }>({ q: '' });
  const calls: { filter: Filter; page: PageRequest }[] = [];
  const fetchPage = vi.fn(async (f: Filter, page: PageRequest) => {
    calls.push({ filter: f, page });
    if (options.fail) throw new ApiError(503, { code: 'unavailable' });
    return { items: [`${f.q ?? ''}@${page.offset}`], total: 120 };
  });
  const save = vi.fn();
  const exportFetch = vi.fn(async () => new Blob(['a,b']));
  const scope = effectScope();
  const list = scope.run(() =>
    usePagedList<Filter, string>({
      filter: () => ({ q: filter.q.trim() || undefined }),
      fetchPage,
      exportFile: { fetch: exportFetch, filename: () => 'x.csv' },
      debounceMs: options.debounceMs,
      save,
    }),
  )!;
  return { filter, calls, fetchPage, list, scope, save, exportFetch };
}

const settle = async () => {
  await nextTick();
  await Promise.resolve();
  await nextTick();
};

describe('usePagedList', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('loads the first page at once, with the total from the server', async () => {
    const { list, calls } = setup();
    await settle();
    expect(calls).toEqual([{ filter: {}, page: { limit: 25, offset: 0 } }]);
    expect(list.items.value).toEqual(['@0']);
    expect(list.total.value).toBe(120);
    expect(list.loading.value).toBe(false);
  });

  it('loads the page and size the table asks for', async () => {
    const { list, calls } = setup();
    await settle();
    list.page.value = 3;
    await settle();
    list.itemsPerPage.value = 50;
    await settle();
    expect(calls.map((c) => c.page)).toEqual([
      { limit: 25, offset: 0 },
      { limit: 25, offset: 50 },
      { limit: 50, offset: 100 },
    ]);
  });

  it('waits for a pause in filter changes, then asks once from the first page', async () => {
    const { list, calls, filter } = setup({ debounceMs: 300 });
    await settle();
    list.page.value = 2;
    await settle();
    filter.q = 'p';
    await settle();
    filter.q = 'pu';
    await settle();
    filter.q = 'pum';
    await settle();
    expect(calls).toHaveLength(2);
    vi.advanceTimersByTime(300);
    await settle();
    expect(calls).toHaveLength(3);
    expect(calls[2]).toEqual({ filter: { q: 'pum' }, page: { limit: 25, offset: 0 } });
    expect(list.page.value).toBe(1);
  });

  it('does not ask again when the filter changes to an equal value', async () => {
    const { calls, filter } = setup();
    await settle();
    filter.q = '   ';
    await settle();
    expect(calls).toHaveLength(1);
  });

  it('keeps only the newest answer when requests overlap', async () => {
    const filter = reactive({ q: 'old' });
    const answers: ((v: { items: string[]; total: number }) => void)[] = [];
    const scope = effectScope();
    const list = scope.run(() =>
      usePagedList<Filter, string>({
        filter: () => ({ q: filter.q }),
        fetchPage: () => new Promise((resolve) => answers.push(resolve)),
      }),
    )!;
    filter.q = 'new';
    await settle();
    answers[1]!({ items: ['new'], total: 1 });
    await settle();
    answers[0]!({ items: ['old'], total: 9 });
    await settle();
    expect(list.items.value).toEqual(['new']);
    expect(list.total.value).toBe(1);
    scope.stop();
  });

  it('shows a failure as an ApiError and empties the list', async () => {
    const { list } = setup({ fail: true });
    await settle();
    expect(list.error.value?.messageKey).toBe('errors.unavailable');
    expect(list.items.value).toEqual([]);
    expect(list.total.value).toBe(0);
  });

  it('exports the filtered list under its file name', async () => {
    const { list, filter, save, exportFetch } = setup();
    filter.q = 'pump';
    await settle();
    await list.exportFile();
    expect(exportFetch).toHaveBeenCalledWith({ q: 'pump' });
    expect(save).toHaveBeenCalledWith(expect.any(Blob), 'x.csv');
    expect(list.exporting.value).toBe(false);
  });

  it('stops a pending debounced reload when its scope ends', async () => {
    const { calls, filter, scope } = setup({ debounceMs: 300 });
    await settle();
    filter.q = 'x';
    await settle();
    scope.stop();
    vi.advanceTimersByTime(1000);
    await settle();
    expect(calls).toHaveLength(1);
  });
});
