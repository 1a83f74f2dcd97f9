import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { AppDeps } from './deps';
import { Conflict, Unavailable } from '../domain/errors';
import { temporalWorkflowUrl } from '../temporal/links';
import type { goldenPath, GoldenPathInput } from '../workflows/goldenPath';
import type { predictionToMaintenance, PredictionToMaintenanceInput } from '../workflows/predictionToMaintenance';

type Deps = Pick<AppDeps, 'temporal' | 'config'>;

/** Starts a workflow, turning "already started" into 409 and an unreachable server into 503. */
export async function guarded<T>(start: () => Promise<T>, workflowId: string): Promise<T> {
  try {
    return await start();
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) throw new Conflict(`Workflow ${workflowId} already exists`, 'workflow_exists');
    throw new Unavailable('Temporal is unreachable; the workflow was not started', 5, { cause: err });
  }
}

/** Where a client follows a started workflow. */
export function workflowLinks(deps: Pick<AppDeps, 'config'>, workflowId: string) {
  return {
    workflow_id: workflowId,
    status_url: `/api/v1/workflows/${workflowId}`,
    events_url: `/api/v1/workflows/${workflowId}/events`,
    temporal_url: temporalWorkflowUrl(deps.config, workflowId),
  };
}

export interface GoldenPathOptions {
  sensor_events: number;
  scenario: 'normal' | 'drift' | 'anomaly';
  include_human_decision: boolean;
  decision_timeout_seconds: number;
  auto_decision: 'approved' | 'rejected' | 'escalated' | null;
  timeout_policy?: 'escalate' | 'auto_approve';
  sensor_id?: string;
  correlation_id?: string;
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
  await guarded(
    () =>
      deps.temporal.client.workflow.start<typeof goldenPath>('goldenPath', {
        taskQueue: deps.temporal.taskQueue,
        workflowId,
        args: [input],
      }),
    workflowId,
  );
  return {
    correlation_id: correlationId,
    workflow_id: workflowId,
    sensor_id: input.sensorId,
    status_url: `/api/v1/demo/golden-path/status/${correlationId}`,
    events_url: `/api/v1/workflows/${workflowId}/events`,
    temporal_url: temporalWorkflowUrl(deps.config, workflowId),
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
  await guarded(
    () =>
      deps.temporal.client.workflow.start<typeof predictionToMaintenance>('predictionToMaintenance', {
        taskQueue: deps.temporal.taskQueue,
        workflowId,
        args: [input],
      }),
    workflowId,
  );
  return {
    correlation_id: correlationId,
    workflow_id: workflowId,
    prediction_id: predictionId,
    status_url: `/api/v1/workflows/${workflowId}`,
    events_url: `/api/v1/workflows/${workflowId}/events`,
    temporal_url: temporalWorkflowUrl(deps.config, workflowId),
  };
}
