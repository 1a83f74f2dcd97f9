import { reactive } from 'vue';
import { probeHealth, type ProbeResult } from './health.api';

export type BackendState = 'unknown' | 'ok' | 'degraded' | 'down';

interface HealthState {
  state: BackendState;
  last: ProbeResult | undefined;
  checkedAt: Date | undefined;
}

const health = reactive<HealthState>({ state: 'unknown', last: undefined, checkedAt: undefined });
let timer: ReturnType<typeof setInterval> | undefined;

export function stateOf(result: ProbeResult): BackendState {
  if (result.body?.status === 'ok') return 'ok';
  if (result.body?.status === 'degraded') return 'degraded';
  return 'down';
}

export async function refreshHealth(): Promise<void> {
  const result = await probeHealth('/health');
  health.last = result;
  health.state = stateOf(result);
  health.checkedAt = new Date();
}

/** Polls /health while the app is open; one poller no matter how many indicators mount. */
export function startHealthPolling(intervalMs = 15_000): void {
  if (timer) return;
  void refreshHealth();
  timer = setInterval(() => void refreshHealth(), intervalMs);
}

export function useHealthStore(): HealthState {
  return health;
}
