import { computed, reactive, watch } from 'vue';
import { toApiError, type ApiError } from '../../api/apiError';
import { useIdentityStore } from '../settings/identity.store';
import { listPendingDecisions, type PendingDecision } from './decisions.api';

interface PendingState {
  items: PendingDecision[];
  loaded: boolean;
  error: ApiError | undefined;
}

const pending = reactive<PendingState>({ items: [], loaded: false, error: undefined });
let timer: ReturnType<typeof setInterval> | undefined;

/** Only a key that may read workflows can see the inbox; asking with another would log a 403. */
export const canRead = computed(() => {
  const scopes = useIdentityStore().whoami?.scopes ?? [];
  return scopes.includes('admin') || scopes.includes('workflows:read');
});

export async function refreshPending(): Promise<void> {
  if (!canRead.value) {
    Object.assign(pending, { items: [], loaded: false, error: undefined });
    return;
  }
  try {
    pending.items = await listPendingDecisions();
    pending.error = undefined;
  } catch (err) {
    pending.error = toApiError(err);
  } finally {
    pending.loaded = true;
  }
}

/**
 * One poller for the navigation badge, the inbox and the overview: a decision taken elsewhere
 * (another operator, the timeout policy) leaves the list within `intervalMs`.
 */
export function startPendingPolling(intervalMs = 15_000): void {
  if (timer) return;
  watch(canRead, () => void refreshPending(), { immediate: true });
  timer = setInterval(() => void refreshPending(), intervalMs);
}

/** Drops a request the moment it is decided here, before the next read confirms it. */
export function forgetPending(requestId: string): void {
  pending.items = pending.items.filter((p) => p.request_id !== requestId);
}

export function usePendingDecisions(): PendingState {
  return pending;
}

/** Seconds until an instant, negative once it has passed; `now` is a ticking clock in ms. */
export function secondsUntil(iso: string, now: number): number {
  return Math.round((Date.parse(iso) - now) / 1000);
}
