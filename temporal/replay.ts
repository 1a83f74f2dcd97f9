import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import type { temporal } from '@temporalio/proto';

export interface ReplayOutcome {
  workflowId: string;
  ok: boolean;
  error?: string;
}

/**
 * Replays histories against the current workflow code. A non-determinism (a changed command
 * sequence not guarded by patched()) comes back as ok=false with the SDK's explanation.
 */
export async function replayHistories(
  histories: { workflowId: string; history: temporal.api.history.v1.IHistory | unknown }[],
  workflowBundle: { code: string } | { codePath: string },
): Promise<ReplayOutcome[]> {
  const outcomes: ReplayOutcome[] = [];
  const iterable = histories.map((h) => ({
    workflowId: h.workflowId,
    history: isProto(h.history) ? h.history : historyFromJSON(h.history),
  }));
  for await (const r of Worker.runReplayHistories({ workflowBundle, replayName: 'smart-maintenance-replay' }, iterable)) {
    outcomes.push({ workflowId: r.workflowId, ok: !r.error, error: r.error ? `${r.error.name}: ${r.error.message}` : undefined });
  }
  return outcomes;
}

function isProto(h: unknown): h is temporal.api.history.v1.IHistory {
  return (
    typeof h === 'object' &&
    h !== null &&
    Array.isArray((h as { events?: unknown[] }).events) &&
    typeof (h as { events: { eventType?: unknown }[] }).events[0]?.eventType === 'number'
  );
}
