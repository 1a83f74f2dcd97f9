import { Unavailable } from '../domain/errors';
import { summarizeFleet, type FleetWorker, type PollerSample, type QueueKind } from '../domain/workerFleet';
import type { AppDeps } from './deps';

export interface WorkerFleetView {
  task_queue: string;
  checked_at: string;
  /** Workers that polled within the staleness bound. */
  active_workers: number;
  workers: FleetWorker[];
}

/** DescribeTaskQueue's TaskQueueType values. */
const QUEUE_TYPES: Record<QueueKind, number> = { workflow: 1, activity: 2 };

type Timestamp = { seconds?: { toNumber(): number } | number | null; nanos?: number | null } | null | undefined;

function toDate(ts: Timestamp): Date | null {
  if (!ts?.seconds) return null;
  const seconds = typeof ts.seconds === 'number' ? ts.seconds : ts.seconds.toNumber();
  return new Date(seconds * 1000 + Math.floor((ts.nanos ?? 0) / 1e6));
}

/** The workers polling the main task queue (workflow and activity tasks), from Temporal itself. */
export async function describeWorkerFleet(deps: Pick<AppDeps, 'temporal' | 'config'>, now = new Date()): Promise<WorkerFleetView> {
  const { taskQueue } = deps.temporal;
  const samples: PollerSample[] = [];
  try {
    for (const [kind, type] of Object.entries(QUEUE_TYPES) as [QueueKind, number][]) {
      const res = await deps.temporal.client.workflowService.describeTaskQueue({
        namespace: deps.config.TEMPORAL_NAMESPACE,
        taskQueue: { name: taskQueue },
        taskQueueType: type,
      });
      for (const p of res.pollers ?? []) samples.push({ kind, identity: p.identity ?? '?', lastPollAt: toDate(p.lastAccessTime) });
    }
  } catch (err) {
    throw new Unavailable(`Temporal did not describe the task queue: ${(err as Error).message.slice(0, 200)}`);
  }
  const workers = summarizeFleet(samples, now);
  return { task_queue: taskQueue, checked_at: now.toISOString(), active_workers: workers.filter((w) => w.active).length, workers };
}
