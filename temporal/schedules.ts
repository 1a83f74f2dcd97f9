import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptionsStartWorkflowAction,
} from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import type { sensorMonitoring } from '../workflows/sensorMonitoring';

/** How often the fleet is checked for drift and anomaly bursts (SPEC 4.3). */
export const MONITORING_INTERVAL: Duration = '15 minutes';

/**
 * One schedule per task queue: the queue prefix separates deployments (and test runs) sharing a
 * Temporal namespace, so each one's schedule starts workflows only where its own workers poll.
 */
export function monitoringScheduleId(taskQueue: string): string {
  return `sensor-monitoring-${taskQueue}`;
}

function monitoringAction(taskQueue: string): ScheduleOptionsStartWorkflowAction<typeof sensorMonitoring> {
  return {
    type: 'startWorkflow',
    workflowType: 'sensorMonitoring',
    taskQueue,
    // Temporal appends the scheduled time, e.g. monitoring-scheduled-2025-01-01T10:15:00Z.
    workflowId: 'monitoring-scheduled',
    args: [{}],
  };
}

/**
 * Creates the monitoring schedule, or brings an existing one up to date with this code's spec and
 * action. Safe to call from every worker at start-up; a pause set by an operator is kept.
 */
export async function ensureMonitoringSchedule(
  client: Client,
  taskQueue: string,
  opts: { every?: Duration } = {},
): Promise<{ scheduleId: string; created: boolean }> {
  const scheduleId = monitoringScheduleId(taskQueue);
  const spec = { intervals: [{ every: opts.every ?? MONITORING_INTERVAL }] };
  // A run still going when the next is due makes the next one pointless; after an outage, one
  // catch-up run is enough rather than one per missed interval.
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' };
  try {
    await client.schedule.create({ scheduleId, spec, action: monitoringAction(taskQueue), policies });
    return { scheduleId, created: true };
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  await client.schedule.getHandle(scheduleId).update<typeof sensorMonitoring>((previous) => ({
    spec,
    action: monitoringAction(taskQueue),
    policies,
    state: { paused: previous.state.paused, note: previous.state.note },
  }));
  return { scheduleId, created: false };
}

export interface MonitoringScheduleView {
  schedule_id: string;
  interval_seconds: number[];
  paused: boolean;
  note: string | null;
  next_action_times: string[];
  recent_actions: { scheduled_at: string; taken_at: string; workflow_id: string }[];
  running_workflow_ids: string[];
  actions_taken: number;
  actions_skipped_overlap: number;
  created_at: string;
}

/** The schedule as the API shows it; null when no worker has created it yet. */
export async function describeMonitoringSchedule(client: Client, taskQueue: string): Promise<MonitoringScheduleView | null> {
  const scheduleId = monitoringScheduleId(taskQueue);
  try {
    const d = await client.schedule.getHandle(scheduleId).describe();
    return {
      schedule_id: scheduleId,
      interval_seconds: d.spec.intervals?.map((i) => Math.round(Number(i.every) / 1000)) ?? [],
      paused: d.state.paused,
      note: d.state.note || null,
      next_action_times: d.info.nextActionTimes.map((t) => t.toISOString()),
      recent_actions: d.info.recentActions.map((a) => ({
        scheduled_at: a.scheduledAt.toISOString(),
        taken_at: a.takenAt.toISOString(),
        workflow_id: a.action.workflow.workflowId,
      })),
      running_workflow_ids: d.info.runningActions.map((a) => a.workflow.workflowId),
      actions_taken: d.info.numActionsTaken,
      actions_skipped_overlap: d.info.numActionsSkippedOverlap,
      created_at: d.info.createdAt.toISOString(),
    };
  } catch (err) {
    if (err instanceof ScheduleNotFoundError) return null;
    throw err;
  }
}
