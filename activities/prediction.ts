import type postgres from 'postgres';
import { recordPrediction } from '../db/predictions';
import { readingsOfRun } from '../db/quality';
import { getSensorType } from '../db/sensors';
import { demoMachineFeatureDerivation, demoMachineFeatures, type Scenario } from '../domain/scenarios';
import { parseFailureFeatures, predictFailure, type FailureFeatures } from '../models';
import { activityKey } from './activityKey';
import { withDomainFailures } from './failures';
import { InvalidInput } from '../domain/errors';
import type { PredictAndStoreInput } from '../workflows/activityContracts';

/** PredictionAgent: failure probability from the AI4I classifier, version resolved by the registry. */
export function createPredictionActivities(deps: { sql: postgres.Sql }) {
  async function predictAndRecord(input: {
    predictionId?: string;
    features: FailureFeatures;
    modelName?: string;
    modelVersion?: string;
    sensorId: string;
    sensorType: string;
    correlationId?: string;
    inputReadings?: { ids: bigint[]; from: Date; to: Date };
    featureDerivation?: Record<string, string>;
  }) {
    const { workflowId, key } = activityKey();
    const result = await predictFailure(input.features, { modelName: input.modelName, modelVersion: input.modelVersion });
    const predictionId = await recordPrediction(
      {
        id: input.predictionId,
        model: result.model.name,
        version: result.model.version,
        stage: result.model.stage,
        sensorId: input.sensorId,
        features: input.features,
        probability: result.probability,
        prediction: result.prediction,
        explanation: null,
        latencyMs: result.latency_ms,
        workflowId,
        correlationId: input.correlationId ?? null,
        dedupKey: key,
        threshold: result.threshold,
        artifactSha256: result.artifact_sha256,
        inputReadings: input.inputReadings ?? null,
        featureDerivation: input.featureDerivation ?? null,
      },
      deps.sql,
    );
    return {
      prediction_id: predictionId,
      probability: result.probability,
      prediction: result.prediction,
      confidence: result.confidence,
      threshold: result.threshold,
      risky: result.prediction === 1,
      sensor_type: input.sensorType,
      features: input.features as Record<string, string | number>,
      model_info: result.model,
      latency_ms: result.latency_ms,
    };
  }

  return withDomainFailures({
    /** Golden Path: the demo machine's features from this run's valid torque readings. */
    async predictForSensor(input: {
      sensorId: string;
      correlationId: string;
      scenario?: Scenario;
      anomalyCount?: number;
      driftDetected?: boolean;
      validReadings?: number;
    }) {
      const run = (await readingsOfRun(input.sensorId, input.correlationId, deps.sql)).filter((r) => !r.quarantine_reason);
      if (run.length === 0) throw new InvalidInput([], `no valid readings for ${input.sensorId}`);
      const scenario = input.scenario ?? 'normal';
      const features = demoMachineFeatures(
        scenario,
        run.map((r) => r.value),
      );
      return predictAndRecord({
        features,
        sensorId: input.sensorId,
        sensorType: run[0]!.sensor_type,
        correlationId: input.correlationId,
        inputReadings: { ids: run.map((r) => r.id), from: run[0]!.ts, to: run[run.length - 1]!.ts },
        featureDerivation: demoMachineFeatureDerivation(scenario, run.length),
      });
    },

    /** prediction-to-maintenance: the integrator's features, validated strictly (never padded). */
    async predictAndStore(input: PredictAndStoreInput) {
      const features: FailureFeatures = parseFailureFeatures(input.features);
      const sensorType = await getSensorType(input.sensorId, deps.sql);
      return predictAndRecord({
        ...input,
        features,
        sensorType: sensorType ?? 'torque',
        featureDerivation: Object.fromEntries(Object.keys(features).map((k) => [k, 'sent by the caller that started the workflow'])),
      });
    },
  });
}
