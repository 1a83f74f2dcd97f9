import type postgres from 'postgres';
import { recordAnomalies } from '../db/anomalies';
import { readingsOfRun, sensorHistory } from '../db/quality';
import { BASELINE_WINDOW, detectAnomaliesInSeries } from '../usecases/anomalyDetection';
import { activityKey } from './activityKey';
import { withDomainFailures } from './failures';
import { InvalidInput } from '../domain/errors';

/**
 * AnomalyDetectionAgent: Isolation Forest (ONNX) on window features plus a rolling robust baseline
 * learned from the sensor's own history, combined with documented weights
 * (usecases/anomalyDetection.ts). Anomalies are stored once per workflow and reading.
 */
export function createAnomalyActivities(deps: { sql: postgres.Sql }) {
  return withDomainFailures({
    async detectAnomalies(input: { sensorId: string; correlationId: string; workflowId?: string }) {
      const run = (await readingsOfRun(input.sensorId, input.correlationId, deps.sql)).filter((r) => !r.quarantine_reason);
      if (run.length === 0) throw new InvalidInput([], `no valid readings for ${input.sensorId} in run ${input.correlationId}`);
      const history = (await sensorHistory(input.sensorId, run[0]!.ts, BASELINE_WINDOW, deps.sql)).reverse();
      const result = await detectAnomaliesInSeries(
        run.map((r) => r.value),
        history.map((h) => h.value),
      );
      const { workflowId, key } = activityKey();
      const stored = await recordAnomalies(
        result.anomalies.map((a) => ({
          sensorId: input.sensorId,
          readingId: run[a.index]!.id,
          ts: run[a.index]!.ts,
          value: a.value,
          score: a.score,
          method: a.method,
          reason: a.reason,
          workflowId,
          correlationId: input.correlationId,
          dedupKey: `${key}:${run[a.index]!.id}`,
        })),
        deps.sql,
      );
      const idByKey = new Map(stored.map((s) => [s.dedupKey, s.id]));
      return {
        analyzed: result.analyzed,
        method: result.method,
        fallback_reason: result.fallback_reason,
        model_info: result.model_info,
        history_used: result.baseline.history_used,
        anomalies: result.anomalies.map((a) => ({
          id: idByKey.get(`${key}:${run[a.index]!.id}`)!,
          ts: run[a.index]!.ts.toISOString(),
          value: a.value,
          score: a.score,
          method: a.method,
          reason: a.reason,
        })),
      };
    },
  });
}
