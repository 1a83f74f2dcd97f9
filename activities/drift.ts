import { activityKey } from './activityKey';
import type postgres from 'postgres';
import { recordDriftCheck, runDriftCheck } from '../usecases/drift';
import { withDomainFailures } from './failures';

/** DriftDetectionAgent: KS + PSI of a sensor's recent window against its reference window. */
export function createDriftActivities(deps: { sql: postgres.Sql }) {
  return withDomainFailures({
    async checkDrift(input: {
      sensorId: string;
      workflowId?: string;
      windowMinutes?: number;
      pValueThreshold?: number;
      minSamples?: number;
    }) {
      const result = await runDriftCheck(deps.sql, {
        sensorId: input.sensorId,
        windowMinutes: input.windowMinutes ?? 60,
        pValueThreshold: input.pValueThreshold ?? 0.05,
        minSamples: input.minSamples ?? 30,
      });
      const { workflowId, key } = activityKey();
      await recordDriftCheck(deps.sql, result, workflowId, key);
      return result;
    },
  });
}
