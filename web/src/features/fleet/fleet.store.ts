import { computed, reactive, watch } from 'vue';
import { useIdentityStore } from '../settings/identity.store';
import { fetchWorkerFleet, type WorkerFleet } from './fleet.api';

interface FleetState {
  fleet: WorkerFleet | undefined;
  /** True when the last refresh failed (no key, no scope, Temporal down). */
  failed: boolean;
}

const state = reactive<FleetState>({ fleet: undefined, failed: false });
let timer: ReturnType<typeof setInterval> | undefined;

/** Only a key that may read workflows sees the fleet; asking with another would log a 403. */
const canRead = computed(() => {
  const scopes = useIdentityStore().whoami?.scopes ?? [];
  return scopes.includes('admin') || scopes.includes('workflows:read');
});

export async function refreshFleet(): Promise<void> {
  if (!canRead.value) return;
  try {
    state.fleet = await fetchWorkerFleet();
    state.failed = false;
  } catch {
    state.failed = true;
  }
}

/**
 * Polls the fleet while the app is open; one poller however many indicators mount. Every 5 s, so
 * a worker that comes back after a crash shows within seconds (one DescribeTaskQueue per queue
 * kind: cheap for Temporal).
 */
export function startFleetPolling(intervalMs = 5_000): void {
  if (timer) return;
  watch(canRead, () => void refreshFleet(), { immediate: true });
  timer = setInterval(() => void refreshFleet(), intervalMs);
}

export function useFleetStore(): FleetState {
  return state;
}
