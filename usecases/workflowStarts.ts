import { randomUUID } from 'node:crypto';
import { demoSensorId, isDemoSensor } from '../domain/demoSensors';
import { InvalidInput, type FieldError } from '../domain/errors';
import { fieldError } from '../domain/fieldErrorText';
import type { Identity } from '../domain/identity';
import type { AppDeps } from './deps';
import { startWorkflow } from './startWorkflow';
import type { goldenPath, GoldenPathInput } from '../workflows/goldenPath';
import type { predictionToMaintenance, PredictionToMaintenanceInput } from '../workflows/predictionToMaintenance';

type Deps = Pick<AppDeps, 'temporal' | 'config'>;
type DecisionValue = 'approved' | 'rejected' | 'escalated';

export interface GoldenPathOptions {
  sensor_events: number;
  scenario: 'normal' | 'drift' | 'anomaly';
  include_human_decision: boolean;
  decision_timeout_seconds: number;
  auto_decision: DecisionValue | null;
  sensor_id?: string;
  correlation_id?: string;
  /** The key that starts the run; an automatic decision is recorded under it. */
  started_by: Identity;
  /** Demo pace: readings streamed per second; all at once when absent. */
  demo_pace?: number;
  /** Seeds the generated readings, so a run can be reproduced. */
  seed?: number;
}

/**
 * The decision gate's start-time rules (issue #22). The timeout policy is never a request's choice
 * (it comes from DECISION_TIMEOUT_POLICY); the deadline has a floor, so a start cannot make the
 * policy fire before a person could answer; and an automatic decision exists only when the
 * operator turned DEMO_AUTO_DECISIONS on, and then only on a demo sensor.
 */
function assertDecisionSettings(
  config: Deps['config'],
  o: { decision_timeout_seconds: number; auto_decision: DecisionValue | null; sensorId: string },
): void {
  const errors: FieldError[] = [];
  const min = config.DECISION_TIMEOUT_MIN_SECONDS;
  if (o.decision_timeout_seconds < min) {
    errors.push(
      fieldError(
        'decision_timeout_seconds',
        'decision_timeout_too_short',
        `must be at least ${min} seconds (DECISION_TIMEOUT_MIN_SECONDS)`,
        {
          minimum: min,
        },
      ),
    );
  }
  if (o.auto_decision !== null && !config.DEMO_AUTO_DECISIONS) {
    errors.push(
      fieldError('auto_decision', 'auto_decision_disabled', 'automatic decisions are disabled on this server (DEMO_AUTO_DECISIONS=false)'),
    );
  } else if (o.auto_decision !== null && !isDemoSensor(o.sensorId)) {
    errors.push({
      field: 'auto_decision',
      message: `is allowed only for the Golden Path's demo sensors (gp-<scenario>-<8 hex digits>), not ${o.sensorId}`,
    });
  }
  if (errors.length) throw new InvalidInput(errors, 'The decision settings are not allowed');
}

/** Starts a Golden Path run; its id is `golden-path-<correlation id>`. */
export async function startGoldenPath(deps: Deps, o: GoldenPathOptions) {
  const correlationId = o.correlation_id ?? randomUUID();
  const workflowId = `golden-path-${correlationId}`;
  const sensorId = o.sensor_id ?? demoSensorId(o.scenario, correlationId);
  assertDecisionSettings(deps.config, { ...o, sensorId });
  const input: GoldenPathInput = {
    correlationId,
    sensorId,
    scenario: o.scenario,
    sensorEvents: o.sensor_events,
    includeHumanDecision: o.include_human_decision,
    decisionTimeoutSeconds: o.decision_timeout_seconds,
    autoDecision: o.auto_decision,
    timeoutPolicy: deps.config.DECISION_TIMEOUT_POLICY,
    startedBy: o.started_by,
    ...(o.demo_pace ? { readingsPerSecond: o.demo_pace } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
  };
  const links = await startWorkflow<typeof goldenPath>(deps, 'goldenPath', {
    workflowId,
    startedBy: o.started_by.key_id ?? undefined,
    args: [input],
  });
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
  auto_decision: DecisionValue | null;
  correlation_id?: string;
  started_by: Identity;
}

/** Starts prediction-to-maintenance; its id is `maintenance-<sensor>-<prediction id>`. */
export async function startPredictionToMaintenance(deps: Deps, o: PredictionToMaintenanceOptions) {
  assertDecisionSettings(deps.config, { ...o, sensorId: o.sensor_id });
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
    timeoutPolicy: deps.config.DECISION_TIMEOUT_POLICY,
    autoDecision: o.auto_decision,
    startedBy: o.started_by,
  };
  const links = await startWorkflow<typeof predictionToMaintenance>(deps, 'predictionToMaintenance', {
    workflowId,
    startedBy: o.started_by.key_id ?? undefined,
    args: [input],
  });
  return { correlation_id: correlationId, ...links, prediction_id: predictionId };
}
