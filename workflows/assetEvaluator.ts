import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  ParentClosePolicy,
  setHandler,
  startChild,
  WorkflowIdReusePolicy,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { AssetEvaluation } from '../domain/assetHealth';
import { dataAgents, durableAgents } from './agents';
import { assetMaintenance, assetMaintenanceWorkflowId } from './assetMaintenance';

export interface AssetEvaluatorInput {
  assetId: string;
  /** Re-evaluate at least this often; a readingsArrived signal wakes it sooner. */
  intervalSeconds: number;
  decisionTimeoutSeconds: number;
  timeoutPolicy: 'escalate' | 'auto_approve';
  /** Evaluations per run before continue-as-new keeps the history short (default 200). */
  evaluationsPerRun?: number;
}

export interface AssetEvaluatorState {
  asset_id: string;
  evaluations: number;
  last: AssetEvaluation | null;
  /** Maintenance runs this evaluator started (this run only). */
  started: string[];
  stopped: boolean;
}

/** What a caller may change on a running evaluator (the API's start-or-configure, the simulator). */
export type AssetEvaluatorSettings = Pick<AssetEvaluatorInput, 'intervalSeconds' | 'decisionTimeoutSeconds' | 'timeoutPolicy'>;

/** New readings reached the asset's sensors: evaluate now instead of at the next interval. */
export const readingsArrivedSignal = defineSignal('readingsArrived');
/**
 * New settings for the evaluations and flows from now on, kept across continue-as-new; it also
 * wakes the evaluator (whoever configures it wants to see it evaluate). A signal handler is not a
 * command: histories without this signal replay as before.
 */
export const configureEvaluatorSignal = defineSignal<[AssetEvaluatorSettings]>('configure');
/** Ends the evaluator after the evaluation in flight (the asset is retired or deleted). */
export const stopEvaluatorSignal = defineSignal('stop');
export const assetEvaluatorState = defineQuery<AssetEvaluatorState>('state');

/** `asset-evaluator-<asset id>`: one evaluator per asset. */
export const assetEvaluatorWorkflowId = (assetId: string) => `asset-evaluator-${assetId}`;

const isNotFound = (err: unknown) =>
  err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === 'NotFound';

/**
 * One per asset: evaluates its health from its own streams on an interval (or when told readings
 * arrived) and, when the evaluation opens a degradation episode, starts that episode's maintenance
 * run as an abandoned child, named after asset and episode, so it is started once and outlives this
 * evaluator's continue-as-new. Drifted inputs still start it, carrying the drift evidence, and that
 * run then waits for a person (assetMaintenance).
 */
export async function assetEvaluator(input: AssetEvaluatorInput): Promise<AssetEvaluatorState> {
  const { workflowId, runId } = workflowInfo();
  const state: AssetEvaluatorState = { asset_id: input.assetId, evaluations: 0, last: null, started: [], stopped: false };
  const settings: AssetEvaluatorSettings = {
    intervalSeconds: input.intervalSeconds,
    decisionTimeoutSeconds: input.decisionTimeoutSeconds,
    timeoutPolicy: input.timeoutPolicy,
  };
  let wake = false;
  setHandler(assetEvaluatorState, () => state);
  setHandler(readingsArrivedSignal, () => {
    wake = true;
  });
  setHandler(configureEvaluatorSignal, (next) => {
    Object.assign(settings, next);
    wake = true;
  });
  setHandler(stopEvaluatorSignal, () => {
    state.stopped = true;
  });

  const perRun = input.evaluationsPerRun ?? 200;
  for (let i = 0; i < perRun && !state.stopped; i++) {
    let e: AssetEvaluation;
    try {
      e = await dataAgents.evaluateAssetHealth({ assetId: input.assetId, dedupKey: `${workflowId}:${runId}:${i}` });
    } catch (err) {
      // The asset was deleted: nothing left to watch.
      if (isNotFound(err)) {
        state.stopped = true;
        return state;
      }
      throw err;
    }
    state.evaluations++;
    state.last = e;
    if (e.start && e.episode_id) {
      const childId = assetMaintenanceWorkflowId(input.assetId, e.episode_id);
      try {
        await startChild(assetMaintenance, {
          workflowId: childId,
          parentClosePolicy: ParentClosePolicy.ABANDON,
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          args: [
            {
              assetId: input.assetId,
              episodeId: e.episode_id,
              correlationId: e.episode_id,
              sensorId: e.start.sensor_id,
              sensorType: e.start.sensor_type,
              probability: e.start.probability,
              daysToFailure: e.start.days_to_failure,
              features: e.start.features,
              // A payload field, not a command: evaluator histories replay unchanged.
              ...(e.start.drift?.length ? { drift: e.start.drift } : {}),
              decisionTimeoutSeconds: settings.decisionTimeoutSeconds,
              timeoutPolicy: settings.timeoutPolicy,
            },
          ],
        });
      } catch (err) {
        // Started by an earlier run of this evaluator: the episode has its flow already.
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
      await durableAgents.recordAssetEpisodeStart({ episodeId: e.episode_id, workflowId: childId });
      state.started.push(childId);
    }
    await condition(() => wake || state.stopped, settings.intervalSeconds * 1000);
    wake = false;
  }
  if (state.stopped) return state;
  return continueAsNew<typeof assetEvaluator>({ ...input, ...settings });
}
