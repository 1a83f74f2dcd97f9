import type postgres from 'postgres';
import { unstartedAlarmsOfSensor } from '../db/alarms';
import { claimStreamingAnomalies } from '../db/anomalies';
import { readingsOfRun } from '../db/quality';
import { DEFAULT_SCORING, scoreSensorReadings } from '../usecases/alarmScoring';
import type { DetectAnomaliesResult } from '../workflows/activityContracts';
import { activityKey } from './activityKey';
import { withDomainFailures } from './failures';
import { InvalidInput } from '../domain/errors';

/**
 * AnomalyDetectionAgent: the causal streaming detector (stats/streaming), with the sensor's state
 * persisted between calls, scores every reading of the sensor not scored yet (this run's among
 * them, skipping the quarantined ones); the run's anomalous readings are returned and claimed for
 * this workflow, and the alarms they raised are named so the workflow starts their lifecycles.
 */
export function createAnomalyActivities(deps: { sql: postgres.Sql; qualityThreshold?: number }) {
  return withDomainFailures({
    async detectAnomalies(input: { sensorId: string; correlationId: string; workflowId?: string }): Promise<DetectAnomaliesResult> {
      const run = (await readingsOfRun(input.sensorId, input.correlationId, deps.sql)).filter((r) => !r.quarantine_reason);
      if (run.length === 0) throw new InvalidInput([], `no valid readings for ${input.sensorId} in run ${input.correlationId}`);
      await scoreSensorReadings(deps.sql, input.sensorId, {
        ...DEFAULT_SCORING,
        minQuality: deps.qualityThreshold ?? DEFAULT_SCORING.minQuality,
      });
      const { workflowId } = activityKey();
      const found = await claimStreamingAnomalies(
        run.map((r) => r.id),
        workflowId,
        deps.sql,
      );
      // Read back rather than taken from the scoring call: a retry after a committed scoring still names them.
      const opened = await unstartedAlarmsOfSensor(input.sensorId, new Date(run[0]!.ts.getTime() - 60_000), deps.sql);
      return {
        analyzed: run.length,
        method: 'streaming',
        fallback_reason: null,
        model_info: null,
        history_used: 0,
        anomalies: found
          .sort((a, b) => a.ts.getTime() - b.ts.getTime())
          .map((a) => ({
            id: a.id.toString(),
            ts: a.ts.toISOString(),
            value: a.value,
            score: a.score,
            method: 'streaming' as const,
            reason: a.reason,
          })),
        alarms_opened: opened.map((a) => ({ id: a.id, sensor_id: a.sensor_id, severity: a.severity, start_ts: a.start_ts.toISOString() })),
      };
    },
  });
}
