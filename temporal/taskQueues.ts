import type { Config } from '../config';

/** Workflows and agents share one queue; the prefix keeps test runs off a live system's queue. */
export function mainTaskQueue(config: Pick<Config, 'TEMPORAL_TASK_QUEUE_PREFIX'>): string {
  return `${config.TEMPORAL_TASK_QUEUE_PREFIX}-main`;
}
