import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { AssetEvaluatorInput, AssetEvaluatorSettings, assetEvaluator } from '../workflows/assetEvaluator';
import type { AssetRunInput, assetRun } from '../workflows/assetRun';
import { findAsset } from '../db/assets';
import { listAssetOrders } from '../db/assetHealth';
import { listAssetDecisions } from '../db/decisions';
import type { AssetInput } from '../domain/assets';
import { NotFound, Unavailable } from '../domain/errors';
import type { AppDeps } from './deps';
import { ensureRoleSensors, cmapssEngine } from './assetRun';
import { attachSensorToAsset, createAsset, removeAsset, type AttachRequest } from './assets';
import { startWorkflow, workflowLinks } from './startWorkflow';

type Deps = Pick<AppDeps, 'temporal' | 'config' | 'sql'>;
type LifecycleDeps = Pick<AppDeps, 'temporal' | 'config' | 'sql' | 'logger'>;

/** `asset-evaluator-<asset id>` (the same rule as workflows/assetEvaluator.ts, which use cases may import as types only). */
export const evaluatorIdOf = (assetId: string) => `asset-evaluator-${assetId}`;

export interface EvaluatorOptions {
  intervalSeconds: number;
  decisionTimeoutSeconds: number;
  startedBy?: string;
}

/** What an evaluator started by the asset's own lifecycle (creation, a sensor attached) runs with: the API's defaults. */
export const DEFAULT_EVALUATOR: EvaluatorOptions = { intervalSeconds: 300, decisionTimeoutSeconds: 3600 };

function evaluatorInput(deps: Pick<AppDeps, 'config'>, assetId: string, o: EvaluatorOptions): AssetEvaluatorInput {
  return {
    assetId,
    intervalSeconds: o.intervalSeconds,
    decisionTimeoutSeconds: Math.max(o.decisionTimeoutSeconds, deps.config.DECISION_TIMEOUT_MIN_SECONDS),
    timeoutPolicy: deps.config.DECISION_TIMEOUT_POLICY,
  };
}

/**
 * Starts the asset's evaluator with these settings, or hands them to the one running (a
 * `configure` signal, which also wakes it): one per asset, whoever asks. An evaluator belongs to
 * the asset, not to the key that asked, so it never counts against a key's running-workflow cap.
 */
export async function startAssetEvaluator(deps: Deps, assetId: string, o: EvaluatorOptions) {
  if (!(await findAsset(assetId, deps.sql))) throw new NotFound(`No asset ${assetId}`);
  const input = evaluatorInput(deps, assetId, o);
  const settings: AssetEvaluatorSettings = {
    intervalSeconds: input.intervalSeconds,
    decisionTimeoutSeconds: input.decisionTimeoutSeconds,
    timeoutPolicy: input.timeoutPolicy,
  };
  try {
    await deps.temporal.client.workflow.signalWithStart<typeof assetEvaluator, [AssetEvaluatorSettings]>('assetEvaluator', {
      taskQueue: deps.temporal.taskQueue,
      workflowId: evaluatorIdOf(assetId),
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
      args: [input],
      signal: 'configure',
      signalArgs: [settings],
    });
  } catch (err) {
    throw new Unavailable('Temporal is unreachable; the evaluator was not started', 5, { cause: err });
  }
  return workflowLinks(deps, evaluatorIdOf(assetId));
}

/**
 * A new asset's evaluator. The asset id was free a moment ago, so an evaluator still running
 * under it watches a deleted asset of the same name: it is replaced (TERMINATE_EXISTING), never
 * joined. Temporal being down does not undo the asset: the evaluator starts with its first sensor
 * or by POST /assets/{id}/evaluator, and the answer says it did not start (null).
 */
async function startNewAssetEvaluator(deps: LifecycleDeps, assetId: string) {
  try {
    await deps.temporal.client.workflow.start<typeof assetEvaluator>('assetEvaluator', {
      taskQueue: deps.temporal.taskQueue,
      workflowId: evaluatorIdOf(assetId),
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.TERMINATE_EXISTING,
      args: [evaluatorInput(deps, assetId, DEFAULT_EVALUATOR)],
    });
    return workflowLinks(deps, evaluatorIdOf(assetId));
  } catch (err) {
    deps.logger.warn({ err, assetId }, 'asset created, but its evaluator did not start');
    return null;
  }
}

/** Registers an asset and starts its evaluator: every asset is watched from the moment it exists. */
export async function createAssetWithEvaluator(deps: LifecycleDeps, a: AssetInput) {
  const asset = await createAsset(a, deps.sql);
  return { ...asset, evaluator: await startNewAssetEvaluator(deps, asset.id) };
}

/**
 * Attaches a sensor and wakes the asset's evaluator (starting it with the defaults if none runs):
 * a new sensor is what makes an asset evaluable, so it is evaluated now rather than at its next
 * interval. A failed wake-up is logged, not the caller's failure: the attachment is stored.
 */
export async function attachSensorAndEvaluate(deps: LifecycleDeps, assetId: string, r: AttachRequest, now: Date) {
  const attached = await attachSensorToAsset(assetId, r, deps.sql, now);
  try {
    await deps.temporal.client.workflow.signalWithStart<typeof assetEvaluator, []>('assetEvaluator', {
      taskQueue: deps.temporal.taskQueue,
      workflowId: evaluatorIdOf(assetId),
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
      args: [evaluatorInput(deps, assetId, DEFAULT_EVALUATOR)],
      signal: 'readingsArrived',
      signalArgs: [],
    });
  } catch (err) {
    deps.logger.warn({ err, assetId }, 'sensor attached, but the asset evaluator could not be woken');
  }
  return attached;
}

/**
 * Deletes the asset and stops its evaluator (a `stop` signal: it ends after the evaluation in
 * flight; an evaluator that missed the signal stops by itself at its next evaluation, which finds
 * no asset).
 */
export async function removeAssetAndEvaluator(deps: LifecycleDeps, assetId: string) {
  const asset = await removeAsset(assetId, deps.sql);
  try {
    await deps.temporal.client.workflow.getHandle(evaluatorIdOf(assetId)).signal('stop');
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError))
      deps.logger.warn({ err, assetId }, 'asset deleted, but its evaluator was not told to stop');
  }
  return asset;
}

export interface AssetRunOptions {
  unit: number;
  fromCycle: number;
  toCycle?: number;
  cyclesPerBatch: number;
  batchIntervalSeconds: number;
  cycleSeconds: number;
  evaluator: EvaluatorOptions;
  startedBy?: string;
}

/**
 * The replay simulator: gives an engine-like asset sensors for its roles if it lacks them, makes
 * sure its evaluator runs, and starts a run that streams the engine's cycles into it.
 */
export async function startAssetRun(deps: Deps, assetId: string, o: AssetRunOptions, now = new Date()) {
  const engine = cmapssEngine(o.unit);
  const toCycle = Math.min(o.toCycle ?? engine.length, engine.length);
  const fromCycle = Math.min(o.fromCycle, toCycle);
  const firstReading = new Date(now.getTime() - (toCycle - fromCycle) * o.cycleSeconds * 1000);
  const attached = await ensureRoleSensors(assetId, deps.sql, now, firstReading);
  const evaluator = await startAssetEvaluator(deps, assetId, o.evaluator);
  const workflowId = `asset-run-${assetId}-${randomUUID()}`;
  const input: AssetRunInput = {
    assetId,
    unit: o.unit,
    fromCycle,
    toCycle,
    cyclesPerBatch: o.cyclesPerBatch,
    batchIntervalSeconds: o.batchIntervalSeconds,
    anchor: now.toISOString(),
    cycleSeconds: o.cycleSeconds,
    evaluatorWorkflowId: evaluator.workflow_id,
  };
  const links = await startWorkflow<typeof assetRun>(deps, 'assetRun', { workflowId, args: [input], startedBy: o.startedBy });
  return { ...links, evaluator, sensors_attached: attached, cycles: toCycle - fromCycle + 1, from_cycle: fromCycle, to_cycle: toCycle };
}

/** Maintenance orders proposed for the asset (orders name it as their equipment), newest first. */
export async function assetOrders(deps: Pick<AppDeps, 'sql'>, assetId: string) {
  if (!(await findAsset(assetId, deps.sql))) throw new NotFound(`No asset ${assetId}`);
  return listAssetOrders(assetId, deps.sql);
}

/** The human decisions on the asset's orders (same orders as assetOrders), newest first, at most 100. */
export async function assetDecisions(deps: Pick<AppDeps, 'sql'>, assetId: string) {
  if (!(await findAsset(assetId, deps.sql))) throw new NotFound(`No asset ${assetId}`);
  return (await listAssetDecisions(assetId, 100, deps.sql)).map((d) => ({
    id: d.id,
    order_id: d.order_id,
    decision: d.decision,
    operator_id: d.operator_id,
    decided_by: d.decided_by,
    justification: d.justification,
    source: d.source,
    superseded_by: d.superseded_by,
    workflow_id: d.workflow_id,
    created_at: d.created_at,
  }));
}

export { workflowLinks };
