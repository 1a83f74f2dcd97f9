import { defineQuery, workflowInfo } from '@temporalio/workflow';
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
      const sent = await notifyAgents.sendNotification({
        recipient: 'maintenance-team',
        subject: incidentSubject(input),
        body: {
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
    },
  );
}
