import { createHash } from 'node:crypto';
import type postgres from 'postgres';
import { applyAlarmState, getAlarm, insertAlarm, readingsAround, recordAlarmEvent, unstartedAlarmsOfSensor } from '../db/alarms';
import { NotFound } from '../domain/errors';
import { demoMachineFeatures } from '../domain/scenarios';
import { DEFAULT_SCORING, scoreSensorReadings } from '../usecases/alarmScoring';
import type {
  AlarmMaintenanceFeatures,
  ApplyAlarmTransitionInput,
  RaiseMonitoringAlarmInput,
  RaisedAlarm,
  ScoreSensorReadingsResult,
} from '../workflows/activityContracts';
import { withDomainFailures } from './failures';

/** A stable UUID from a business key, so a retried activity names the same prediction. */
function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * AnomalyDetectionAgent's alarm side: scoring a sensor's new readings with its persisted streaming
 * detector, and the alarm lifecycle's writes. Every write is keyed (the scorer's cursor and the
 * alarm's dedup keys, the timeline's `dedupKey`), so a retry or a killed worker writes nothing twice.
 */
export function createAlarmActivities(deps: { sql: postgres.Sql; qualityThreshold: number }) {
  return withDomainFailures({
    async scoreSensorReadings(input: { sensorId: string }): Promise<ScoreSensorReadingsResult> {
      const r = await scoreSensorReadings(deps.sql, input.sensorId, { ...DEFAULT_SCORING, minQuality: deps.qualityThreshold });
      // Every live alarm of the sensor without a lifecycle, not only this call's: a start that failed
      // after an ingest, or alarms raised while scoring for another caller, get theirs from the sweep.
      const unstarted = await unstartedAlarmsOfSensor(input.sensorId, new Date(Date.now() - 7 * 86_400_000), deps.sql);
      return {
        scored: r.scored,
        anomalies: r.anomalies,
        historical: r.historical,
        opened: unstarted.map((a) => ({ id: a.id, sensor_id: a.sensor_id, severity: a.severity, start_ts: a.start_ts.toISOString() })),
      };
    },

    async applyAlarmTransition(input: ApplyAlarmTransitionInput): Promise<{ state: string }> {
      const row = await deps.sql.begin(async (tx) => {
        const updated = await applyAlarmState(
          input.alarmId,
          {
            state: input.state,
            assignedTo: input.assignedTo,
            acknowledgedBy: input.acknowledgedBy,
            resolvedBy: input.resolvedBy,
            resolutionCause: input.resolutionCause,
            escalationLevel: input.escalationLevel,
            maintenanceWorkflowId: input.maintenanceWorkflowId,
            workflowId: input.workflowId,
          },
          tx,
        );
        if (!updated) throw new NotFound(`alarm ${input.alarmId} does not exist`);
        await recordAlarmEvent(
          { alarmId: input.alarmId, type: input.type, actor: input.actor, details: input.details, dedupKey: input.dedupKey },
          tx,
        );
        return updated;
      });
      return { state: row.state };
    },

    /** A monitoring incident (drift, anomaly burst) as an alarm: one per incident workflow. */
    async raiseMonitoringAlarm(input: RaiseMonitoringAlarmInput): Promise<RaisedAlarm & { created: boolean }> {
      const at = new Date(input.detectedAt);
      return deps.sql.begin(async (tx) => {
        const { alarm, created } = await insertAlarm(
          {
            id: uuidFrom(`incident-alarm:${input.incidentWorkflowId}`),
            sensorId: input.sensorId,
            source: 'monitoring',
            kind: input.reasons.join('+'),
            severity: input.reasons.includes('anomaly_burst') ? 'high' : 'medium',
            state: 'open',
            startTs: at,
            endTs: null,
            lastAnomalousTs: at,
            peakScore: input.drift?.psi ?? 0,
            peakValue: null,
            peakTs: null,
            readings: input.recentAnomalies,
            historical: false,
            resolutionCause: null,
            dedupKey: `incident:${input.incidentWorkflowId}`,
            details: {
              reasons: input.reasons,
              drift: input.drift,
              recent_anomalies: input.recentAnomalies,
              incident_workflow_id: input.incidentWorkflowId,
            },
          },
          tx,
        );
        if (created)
          await recordAlarmEvent(
            {
              alarmId: alarm.id,
              type: 'raised',
              actor: 'monitoring',
              dedupKey: `${alarm.id}:raised`,
              at,
              details: { reasons: input.reasons },
            },
            tx,
          );
        return { id: alarm.id, sensor_id: alarm.sensor_id, severity: alarm.severity, start_ts: alarm.start_ts.toISOString(), created };
      });
    },

    async alarmLastAnomalousAt(input: { alarmId: string }): Promise<{ lastAnomalousAt: string }> {
      const alarm = await getAlarm(input.alarmId, deps.sql);
      if (!alarm) throw new NotFound(`alarm ${input.alarmId} does not exist`);
      return { lastAnomalousAt: alarm.last_anomalous_ts.toISOString() };
    },

    /**
     * The failure model's features for the machine behind an alarm: the demo machine's fixed state
     * with the torque of the alarm's stretch (its 95th percentile), at the wear of a worn tool.
     */
    async alarmMaintenanceFeatures(input: { alarmId: string }): Promise<AlarmMaintenanceFeatures> {
      const alarm = await getAlarm(input.alarmId, deps.sql);
      if (!alarm) throw new NotFound(`alarm ${input.alarmId} does not exist`);
      const end = alarm.end_ts ?? alarm.last_anomalous_ts;
      const around = await readingsAround(alarm.sensor_id, new Date(alarm.start_ts.getTime() - 30 * 60_000), end, 500, deps.sql);
      return {
        predictionId: uuidFrom(`alarm-prediction:${alarm.id}`),
        correlationId: uuidFrom(`alarm-correlation:${alarm.id}`),
        features: demoMachineFeatures(
          'anomaly',
          around.map((r) => r.value),
        ),
        modelName: 'ai4i_classifier_randomforest_baseline',
        modelVersion: 'auto',
      };
    },
  });
}
