import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  ActivityFailure,
  ParentClosePolicy,
  WorkflowIdReusePolicy,
  defineQuery,
  patched,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { startAlarmLifecycles } from './alarmStarts';
import { dataAgents } from './agents';
import { sensorIncident } from './sensorIncident';
import {
  forEachBounded,
  incidentReasons,
  incidentWorkflowId,
  monitoringSettings,
  type MonitoringSettings,
  type SensorMonitoringInput,
} from './sensorMonitoringRules';
import { withProgress } from './withProgress';

export type { SensorMonitoringInput } from './sensorMonitoringRules';

export interface SensorCheck {
  sensor_id: string;
  drift: 'ok' | 'insufficient_data' | 'no_data' | 'failed';
  drift_detected: boolean;
  p_value: number | null;
  recent_anomalies: number;
  incident_id: string | null;
  /** `opened` by this run, or `existing` when this hour's incident was already there. */
  incident: 'opened' | 'existing' | null;
  /** Readings the streaming detector scored in this pass (catching up on what the ingest path left). */
  scored?: number;
  /** Alarm lifecycles this pass started for alarms its scoring raised. */
  alarms_started?: string[];
  error?: string;
}

export interface SensorMonitoringProgress {
  status: 'listing' | 'checking' | 'completed' | 'failed';
  settings: MonitoringSettings;
  sensors_total: number;
  sensors_checked: number;
  /** Active sensors not checked because their source announced it went offline (Sparkplug death). */
  sensors_offline?: number;
  drifting: number;
  bursts: number;
  incidents_opened: string[];
  incidents_existing: string[];
  checks: SensorCheck[];
}

export const sensorMonitoringProgress = defineQuery<SensorMonitoringProgress>('progress');

/**
 * One monitoring pass over the fleet (the Schedule runs it every 15 minutes): a drift check per
 * active sensor, a count of its recent anomalies, and an incident workflow for each sensor with
 * drift or a burst. A sensor whose check fails after its retries is reported, not fatal: the
 * other sensors still get checked.
 */
export async function sensorMonitoring(input: SensorMonitoringInput = {}): Promise<SensorMonitoringProgress> {
  const { workflowId } = workflowInfo();
  const settings = monitoringSettings(input);
  const progress: SensorMonitoringProgress = {
    status: 'listing',
    settings,
    sensors_total: 0,
    sensors_checked: 0,
    drifting: 0,
    bursts: 0,
    incidents_opened: [],
    incidents_existing: [],
    checks: [],
  };
  return withProgress({ query: sensorMonitoringProgress, progress, stage: 'listing', completed: 'completed' }, async (mark) => {
    const { sensors, offline } = await dataAgents.listActiveSensors({
      activeWithinHours: settings.activeWithinHours,
      anomalyWindowMinutes: settings.burstWindowMinutes,
      maxSensors: settings.maxSensors,
    });
    progress.sensors_total = sensors.length;
    if (offline) progress.sensors_offline = offline.length;
    progress.status = 'checking';
    mark('checking', 'running');

    await forEachBounded(sensors, settings.concurrency, async (sensor) => {
      const check: SensorCheck = {
        sensor_id: sensor.sensor_id,
        drift: 'failed',
        drift_detected: false,
        p_value: null,
        recent_anomalies: sensor.recent_anomalies,
        incident_id: null,
        incident: null,
      };
      progress.checks.push(check);
      // Runs recorded before streaming detection did not score here.
      if (patched('streaming-scoring')) {
        try {
          const scored = await dataAgents.scoreSensorReadings({ sensorId: sensor.sensor_id });
          check.scored = scored.scored;
          check.alarms_started = await startAlarmLifecycles(scored.opened);
        } catch (err) {
          if (!(err instanceof ActivityFailure)) throw err;
          check.error = err.cause?.message ?? err.message;
        }
      }
      let drift: Awaited<ReturnType<typeof dataAgents.checkDrift>> | null = null;
      try {
        drift = await dataAgents.checkDrift({
          sensorId: sensor.sensor_id,
          workflowId,
          windowMinutes: settings.windowMinutes,
          pValueThreshold: settings.pValueThreshold,
          minSamples: settings.minSamples,
        });
        check.drift = drift.status;
        check.drift_detected = drift.drift_detected;
        check.p_value = drift.p_value;
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        check.error = err.cause?.message ?? err.message;
      }
      progress.sensors_checked += 1;
      const reasons = incidentReasons(check.drift_detected, sensor.recent_anomalies, settings.burstThreshold);
      if (reasons.includes('drift')) progress.drifting += 1;
      if (reasons.includes('anomaly_burst')) progress.bursts += 1;
      if (reasons.length === 0) return;

      const incidentId = incidentWorkflowId(sensor.sensor_id, new Date());
      check.incident_id = incidentId;
      try {
        await startChild(sensorIncident, {
          workflowId: incidentId,
          args: [
            {
              sensorId: sensor.sensor_id,
              reasons,
              drift:
                drift && drift.drift_detected
                  ? { ks_statistic: drift.ks_statistic, p_value: drift.p_value, psi: drift.psi, message: drift.message }
                  : null,
              recentAnomalies: sensor.recent_anomalies,
              burstThreshold: settings.burstThreshold,
              burstWindowMinutes: settings.burstWindowMinutes,
              monitoringWorkflowId: workflowId,
              detectedAt: new Date().toISOString(),
            },
          ],
          // The incident outlives this run; a failed one may be reopened within the hour, a completed one not.
          parentClosePolicy: ParentClosePolicy.ABANDON,
          workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
        });
        check.incident = 'opened';
        progress.incidents_opened.push(incidentId);
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        check.incident = 'existing';
        progress.incidents_existing.push(incidentId);
      }
    });
  });
}
