import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../web/src/api/apiError';
import { useAsyncAction } from '../../../web/src/composables/useAsyncAction';

describe('useAsyncAction', () => {
  it('is busy while the action runs, then reloads and reports success', async () => {
    const after = vi.fn(async () => {});
    const { busy, error, run } = useAsyncAction(after);
    let release!: () => void;
    const pending = run(() => new Promise<void>((r) => (release = r)));
    expect(busy.value).toBe(true);
    release();
    expect(await pending).toBe(true);
    expect(busy.value).toBe(false);
    expect(error.value).toBeUndefined();
    expect(after).toHaveBeenCalledTimes(1);
  });

  it('keeps a failure in error without rejecting, skips the reload, and clears the error on the next run', async () => {
    const after = vi.fn(async () => {});
    const { busy, error, run } = useAsyncAction(after);
    expect(
      await run(async () => {
        throw new ApiError(409, { code: 'conflict' });
      }),
    ).toBe(false);
    expect(error.value?.status).toBe(409);
    expect(busy.value).toBe(false);
    expect(after).not.toHaveBeenCalled();
    expect(await run(async () => {})).toBe(true);
    expect(error.value).toBeUndefined();
  });
});
