import { randomUUID } from 'node:crypto';
import type { PredictionToMaintenanceInput } from '../../workflows/predictionToMaintenance';

/** A prediction-to-maintenance start for a worn tool (a failure the baseline model predicts), waiting for a person. */
export function maintenanceInput(sensorId: string, overrides: Partial<PredictionToMaintenanceInput> = {}): PredictionToMaintenanceInput {
  return {
    correlationId: randomUUID(),
    predictionId: randomUUID(),
    sensorId,
    features: {
      Air_temperature_K: 300,
      Process_temperature_K: 310,
      Rotational_speed_rpm: 1300,
      Torque_Nm: 65,
      Tool_wear_min: 220,
      Type: 'L',
    },
    modelName: 'ai4i_classifier_randomforest_baseline',
    modelVersion: 'auto',
    decisionTimeoutSeconds: 3600,
    timeoutPolicy: 'escalate',
    autoDecision: null,
    ...overrides,
  };
}
