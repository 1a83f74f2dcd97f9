import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { readEventStream } from '../../api/sse';
import { useIdentityStore } from '../settings/identity.store';
import { alarmSummary, type AlarmSummary } from './alarms.api';

/** The latest alarm summary (the navigation badge's open count); null until first known. */
export const alarmSummaryLive = shallowRef<AlarmSummary | null>(null);

let timer: ReturnType<typeof setInterval> | undefined;

/** Only a key that may read data sees the alarm count; asking with another would log a 403. */
const canRead = computed(() => {
  const scopes = useIdentityStore().whoami?.scopes ?? [];
  return scopes.includes('admin') || scopes.includes('data:read');
});

async function refreshSummary(): Promise<void> {
  if (!canRead.value) {
    alarmSummaryLive.value = null;
    return;
  }
  try {
    alarmSummaryLive.value = await alarmSummary();
  } catch {
    // The badge keeps its last count; the Alarms page shows errors itself.
  }
}

/**
 * Keeps the badge's count fresh: a summary every `intervalMs` for the whole session. A poll, not a
 * stream, so pages other than Alarms hold no long-lived request open.
 */
export function startAlarmSummaryPolling(intervalMs = 15_000): void {
  if (timer) return;
  watch(canRead, () => void refreshSummary(), { immediate: true });
  timer = setInterval(() => void refreshSummary(), intervalMs);
}

/**
 * While the calling component lives, follows GET /alarms/stream (SSE): every event updates the
 * badge at once and calls `onChange`, so the list reloads when an alarm is raised or moves on.
 * Reconnects after a pause if the stream drops.
 */
export function useAlarmStream(onChange: () => void) {
  const live = ref(false);
  const abort = new AbortController();
  let lastChange: string | null | undefined;
  const loop = async () => {
    while (!abort.signal.aborted) {
      try {
        await readEventStream(
          '/alarms/stream',
          (m) => {
            if (m.event !== 'alarms') return;
            live.value = true;
            const summary = JSON.parse(m.data) as AlarmSummary;
            alarmSummaryLive.value = summary;
            if (lastChange !== undefined && summary.changed_at !== lastChange) onChange();
            lastChange = summary.changed_at;
          },
          abort.signal,
        );
      } catch {
        // Dropped or aborted; retried below unless the page is gone.
      }
      live.value = false;
      if (!abort.signal.aborted) await new Promise((r) => setTimeout(r, 3000));
    }
  };
  void loop();
  onScopeDispose(() => abort.abort());
  return { live };
}
