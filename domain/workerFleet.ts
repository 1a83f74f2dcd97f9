/**
 * The worker fleet as Temporal sees it: which worker processes poll the task queue, and when each
 * last did. Temporal keeps a poller in DescribeTaskQueue's answer for minutes after its last poll
 * (a SIGKILLed worker never says goodbye), so "active" is decided here from the last poll time.
 */

export type QueueKind = 'workflow' | 'activity';

/** One poller entry of DescribeTaskQueue, reduced to what the fleet view needs. */
export interface PollerSample {
  kind: QueueKind;
  identity: string;
  lastPollAt: Date | null;
}

export interface FleetWorker {
  /** The SDK's worker identity, `<pid>@<host>` unless configured. */
  identity: string;
  /** The queue kinds this worker polls. */
  queues: QueueKind[];
  /** The latest poll over all its queues. */
  last_poll_at: string | null;
  /** Polled within the staleness bound. */
  active: boolean;
}

/**
 * An idle worker's long poll is answered empty after about 60 s and renewed at once, so a live
 * worker has polled within the last minute; 75 s leaves a margin for a busy machine.
 */
export const POLLER_STALE_AFTER_MS = 75_000;

/** Merges the per-queue pollers into one entry per worker, most recent poll first. */
export function summarizeFleet(samples: readonly PollerSample[], now: Date, staleAfterMs = POLLER_STALE_AFTER_MS): FleetWorker[] {
  const byIdentity = new Map<string, { queues: Set<QueueKind>; last: number | null }>();
  for (const s of samples) {
    const entry = byIdentity.get(s.identity) ?? { queues: new Set<QueueKind>(), last: null };
    entry.queues.add(s.kind);
    const t = s.lastPollAt?.getTime() ?? null;
    if (t !== null && (entry.last === null || t > entry.last)) entry.last = t;
    byIdentity.set(s.identity, entry);
  }
  return [...byIdentity]
    .map(([identity, { queues, last }]) => ({
      identity,
      queues: (['workflow', 'activity'] as const).filter((k) => queues.has(k)),
      last_poll_at: last === null ? null : new Date(last).toISOString(),
      active: last !== null && now.getTime() - last <= staleAfterMs,
    }))
    .sort((a, b) => (b.last_poll_at ?? '').localeCompare(a.last_poll_at ?? '') || a.identity.localeCompare(b.identity));
}
