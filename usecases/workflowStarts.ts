import { randomUUID } from 'node:crypto';
import type { AppDeps } from './deps';
import { startWorkflow } from './startWorkflow';
import type { goldenPath, GoldenPathInput } from '../workflows/goldenPath';
import type { predictionToMaintenance, PredictionToMaintenanceInput } from '../workflows/predictionToMaintenance';

type Deps = Pick<AppDeps, 'temporal' | 'config'>;

export interface GoldenPathOptions {
  sensor_events: number;
  scenario: 'normal' | 'drift' | 'anomaly';
  include_human_decision: boolean;
  decision_timeout_seconds: number;
  auto_decision: 'approved' | 'rejected' | 'escalated' | null;
  timeout_policy?: 'escalate' | 'auto_approve';
  sensor_id?: string;
  correlation_id?: string;
  /** Id of the API key that asked: counted against its workflow caps. */
  started_by?: string;
}

/** Starts a Golden Path run; its id is `golden-path-<correlation id>`. */
export async function startGoldenPath(deps: Deps, o: GoldenPathOptions) {
  const correlationId = o.correlation_id ?? randomUUID();
  const workflowId = `golden-path-${correlationId}`;
  const input: GoldenPathInput = {
    correlationId,
    sensorId: o.sensor_id ?? `gp-${o.scenario}-${correlationId.slice(0, 8)}`,
    scenario: o.scenario,
    sensorEvents: o.sensor_events,
    includeHumanDecision: o.include_human_decision,
    decisionTimeoutSeconds: o.decision_timeout_seconds,
    autoDecision: o.auto_decision,
    timeoutPolicy: o.timeout_policy ?? deps.config.DECISION_TIMEOUT_POLICY,
  };
  const links = await startWorkflow<typeof goldenPath>(deps, 'goldenPath', { workflowId, startedBy: o.started_by, args: [input] });
  // The demo's own status page follows a Golden Path run by its correlation id.
  return {
    correlation_id: correlationId,
    ...links,
    sensor_id: input.sensorId,
    status_url: `/api/v1/demo/golden-path/status/${correlationId}`,
  };
}

export interface PredictionToMaintenanceOptions {
  sensor_id: string;
  features: Record<string, number | string>;
  model_name: string;
  model_version: string;
  decision_timeout_seconds: number;
  timeout_policy?: 'escalate' | 'auto_approve';
  auto_decision: 'approved' | 'rejected' | 'escalated' | null;
  correlation_id?: string;
  /** Id of the API key that asked: counted against its workflow caps. */
  started_by?: string;
}

/** Starts prediction-to-maintenance; its id is `maintenance-<sensor>-<prediction id>`. */
export async function startPredictionToMaintenance(deps: Deps, o: PredictionToMaintenanceOptions) {
  const correlationId = o.correlation_id ?? randomUUID();
  const predictionId = randomUUID();
  const workflowId = `maintenance-${o.sensor_id}-${predictionId}`;
  const input: PredictionToMaintenanceInput = {
    correlationId,
    predictionId,
    sensorId: o.sensor_id,
    features: o.features,
    modelName: o.model_name,
    modelVersion: o.model_version,
    decisionTimeoutSeconds: o.decision_timeout_seconds,
    timeoutPolicy: o.timeout_policy ?? deps.config.DECISION_TIMEOUT_POLICY,
    autoDecision: o.auto_decision,
  };
  const links = await startWorkflow<typeof predictionToMaintenance>(deps, 'predictionToMaintenance', {
    workflowId,
    startedBy: o.started_by,
    args: [input],
  });
  return { correlation_id: correlationId, ...links, prediction_id: predictionId };
}
