import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { readingsRetention, ReadingsRetentionInput } from '../workflows/readingsRetention';

/** One per task queue, like the monitoring schedule (temporal/schedules.ts). */
export function retentionScheduleId(taskQueue: string): string {
  return `readings-retention-${taskQueue}`;
}

/**
 * Creates the hourly roll-up schedule, or updates its action to this code's settings (a pause set
 * by an operator is kept). Overlap SKIP: a run still working through a backlog is not joined by a
 * second one.
 */
export async function ensureRetentionSchedule(
  client: Client,
  taskQueue: string,
  input: ReadingsRetentionInput,
): Promise<{ scheduleId: string; created: boolean }> {
  const scheduleId = retentionScheduleId(taskQueue);
  const spec = { intervals: [{ every: '1 hour' as const }] };
  const action: ScheduleOptionsStartWorkflowAction<typeof readingsRetention> = {
    type: 'startWorkflow',
    workflowType: 'readingsRetention',
    taskQueue,
    // Temporal appends the scheduled time.
    workflowId: 'readings-retention',
    args: [input],
  };
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' };
  try {
    await client.schedule.create({ scheduleId, spec, action, policies });
    return { scheduleId, created: true };
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  await client.schedule.getHandle(scheduleId).update<typeof readingsRetention>((previous) => ({ ...previous, spec, action, policies }));
  return { scheduleId, created: false };
}
