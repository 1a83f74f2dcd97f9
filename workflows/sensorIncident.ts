import { defineQuery, patched, workflowInfo } from '@temporalio/workflow';
import { startAlarmLifecycles } from './alarmStarts';
import { durableAgents, notifyAgents } from './agents';
import { incidentSubject, type IncidentReason } from './sensorMonitoringRules';
import { withProgress } from './withProgress';

export type { IncidentReason } from './sensorMonitoringRules';

export interface SensorIncidentInput {
  sensorId: string;
  reasons: IncidentReason[];
  /** The drift check that found the change; null when only the anomaly burst triggered. */
  drift: { ks_statistic: number | null; p_value: number | null; psi: number | null; message: string } | null;
  recentAnomalies: number;
  burstThreshold: number;
  burstWindowMinutes: number;
  monitoringWorkflowId: string;
  detectedAt: string;
}

export interface SensorIncidentProgress {
  status: 'notifying' | 'recording' | 'notified' | 'failed';
  sensor_id: string;
  reasons: IncidentReason[];
  monitoring_workflow_id: string;
  notification: { dedup_key: string; outcomes: { channel: string; status: string }[] } | null;
  event_id: string | null;
  /** The alarm this incident is on the alarm list as (absent in runs from before alarms). */
  alarm_id?: string | null;
}

export const sensorIncidentProgress = defineQuery<SensorIncidentProgress>('progress');

/**
 * One incident for one sensor, opened by a monitoring run: tells the maintenance team and records
 * the business event. Its id (`incident-<sensor>-<yyyymmddHH>`) is what keeps a second monitoring
 * run in the same hour from opening it again.
 */
export async function sensorIncident(input: SensorIncidentInput): Promise<SensorIncidentProgress> {
  const { workflowId } = workflowInfo();
  const progress: SensorIncidentProgress = {
    status: 'notifying',
    sensor_id: input.sensorId,
    reasons: input.reasons,
    monitoring_workflow_id: input.monitoringWorkflowId,
    notification: null,
    event_id: null,
  };
  return withProgress(
    {
      query: sensorIncidentProgress,
      progress,
      sensorId: input.sensorId,
      stage: 'notification',
      businessStatus: 'open',
      completed: 'notified',
    },
    async () => {
      const { subject, message } = incidentSubject(input);
      const sent = await notifyAgents.sendNotification({
        recipient: 'maintenance-team',
        subject,
        body: {
          subject_message: message,
          sensor_id: input.sensorId,
          reasons: input.reasons,
          drift: input.drift,
          recent_anomalies: input.recentAnomalies,
          burst_threshold: input.burstThreshold,
          detected_at: input.detectedAt,
          monitoring_workflow_id: input.monitoringWorkflowId,
        },
        dedupKey: `${workflowId}:notice`,
        workflowId,
      });
      progress.notification = { dedup_key: sent.dedupKey, outcomes: sent.outcomes.map((o) => ({ channel: o.channel, status: o.status })) };
      progress.status = 'recording';
      const event = await durableAgents.recordBusinessEvent({
        type: 'incident.opened',
        payload: {
          sensor_id: input.sensorId,
          reasons: input.reasons,
          drift: input.drift,
          recent_anomalies: input.recentAnomalies,
          monitoring_workflow_id: input.monitoringWorkflowId,
          detected_at: input.detectedAt,
        },
        workflowId,
        dedupKey: `${workflowId}:opened`,
      });
      progress.event_id = event.eventId;
      // An incident is an alarm too, so a person has one list to work (runs from before alarms are not).
      if (patched('incident-alarm')) {
        const alarm = await durableAgents.raiseMonitoringAlarm({
          incidentWorkflowId: workflowId,
          sensorId: input.sensorId,
          reasons: input.reasons,
          detectedAt: input.detectedAt,
          recentAnomalies: input.recentAnomalies,
          drift: input.drift,
        });
        progress.alarm_id = alarm.id;
        if (alarm.created) await startAlarmLifecycles([alarm]);
      }
    },
  );
}
