import { ref, type Ref } from 'vue';
import { toApiError, type ApiError } from '../api/apiError';

export interface AsyncAction {
  /** True while an action runs: disables the form's buttons and spins the submit one. */
  busy: Ref<boolean>;
  /** The last action's failure, cleared when the next one starts. */
  error: Ref<ApiError | undefined>;
  /** Runs one action, then `after` (a reload of what it changed); resolves whether both succeeded. */
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}

/**
 * The busy / error / run pattern of a form or a card whose buttons change something on the server:
 * one action at a time shows as busy, a failure shows once in `error` and never rejects, and
 * `after` (typically reloading the list the action changed) runs only when the action succeeded.
 */
export function useAsyncAction(after?: () => Promise<unknown>): AsyncAction {
  const busy = ref(false);
  const error = ref<ApiError>();

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    busy.value = true;
    error.value = undefined;
    try {
      await action();
      await after?.();
      return true;
    } catch (err) {
      error.value = toApiError(err);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
