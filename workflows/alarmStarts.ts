import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, WorkflowIdReusePolicy, startChild } from '@temporalio/workflow';
import type { RaisedAlarm } from './activityContracts';
import { alarmLifecycle } from './alarmLifecycle';

/** The lifecycle workflow id of an alarm: one per alarm, never reused. */
export const alarmWorkflowId = (alarmId: string) => `alarm-${alarmId}`;

/**
 * Starts the lifecycle of each raised alarm as an abandoned child (it outlives the run that found
 * it). One already started elsewhere (the API after an ingest, a retried run) is left as it is.
 */
export async function startAlarmLifecycles(alarms: readonly RaisedAlarm[]): Promise<string[]> {
  const started: string[] = [];
  for (const a of alarms) {
    try {
      await startChild(alarmLifecycle, {
        workflowId: alarmWorkflowId(a.id),
        args: [{ alarmId: a.id, sensorId: a.sensor_id, severity: a.severity, raisedAt: a.start_ts }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      started.push(alarmWorkflowId(a.id));
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
  return started;
}
