import { defineQuery, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { DriftEvidence } from '../domain/assetHealth';
import { DecisionGate, type RecordedDecision } from './humanDecision';
import { notifyOrderOutcome, runMaintenanceFlow } from './maintenanceFlow';
import { BUSINESS_STATUS, CORRELATION_ID, SENSOR_ID, STAGE } from './searchAttributes';

export interface AssetMaintenanceInput {
  assetId: string;
  episodeId: string;
  correlationId: string;
  /** The asset's sensor the order names (its first role's). */
  sensorId: string;
  sensorType: string;
  /** The classifier's probability, or for an RUL asset the probability its time to failure implies. */
  probability: number;
  /** From the RUL interval's lower bound; null for a failure-probability asset (derived from the probability). */
  daysToFailure: number | null;
  /** What the evaluation saw (RUL, interval, health), for the similar-case search and the record. */
  features: Record<string, number | string>;
  decisionTimeoutSeconds: number;
  timeoutPolicy: 'escalate' | 'auto_approve';
  /**
   * The drift checks that found the episode's inputs drifted: shown in the decision request, and
   * the flow waits for a person even when the timeout policy would approve.
   */
  drift?: DriftEvidence[];
}

export interface AssetMaintenanceProgress {
  status: 'proposing' | 'waiting_for_decision' | 'scheduling' | 'completed' | 'failed';
  maintenance_order_id: string | null;
  order_status: string | null;
  decision_request_id: string | null;
  decision_deadline: string | null;
  decision: RecordedDecision | null;
}

export const assetMaintenanceProgress = defineQuery<AssetMaintenanceProgress>('progress');

/**
 * The maintenance half of prediction-to-maintenance (runMaintenanceFlow: propose → human decision
 * with its SLA and timeout policy → schedule or cancel → notify) for a degradation episode an
 * asset's evaluator found. Its id names the asset and the episode, so an episode starts it once.
 * On drifted inputs the timeout escalates whatever the policy (runMaintenanceFlow).
 */
export async function assetMaintenance(input: AssetMaintenanceInput): Promise<AssetMaintenanceProgress> {
  const p: AssetMaintenanceProgress = {
    status: 'proposing',
    maintenance_order_id: null,
    order_status: null,
    decision_request_id: null,
    decision_deadline: null,
    decision: null,
  };
  setHandler(assetMaintenanceProgress, () => p);
  const gate = new DecisionGate();
  gate.install();
  const mark = (stage: string) =>
    upsertSearchAttributes([
      { key: STAGE, value: stage },
      { key: BUSINESS_STATUS, value: p.status },
    ]);
  upsertSearchAttributes([
    { key: SENSOR_ID, value: input.sensorId },
    { key: CORRELATION_ID, value: input.correlationId },
  ]);
  mark('maintenance');
  try {
    const flow = await runMaintenanceFlow(
      gate,
      {
        correlationId: input.correlationId,
        sensorId: input.sensorId,
        sensorType: input.sensorType,
        predictionId: null,
        probability: input.probability,
        features: input.features,
        decisionTimeoutMs: input.decisionTimeoutSeconds * 1000,
        timeoutPolicy: input.timeoutPolicy,
        // An asset's flow never decides by itself: a person does (or the deadline's policy).
        autoDecision: null,
        includeHumanDecision: true,
        equipment: input.assetId,
        ...(input.daysToFailure !== null ? { daysToFailure: input.daysToFailure } : {}),
        ...(input.drift?.length ? { drift: input.drift } : {}),
      },
      {
        onProposed: (order) => {
          p.maintenance_order_id = order.id;
          p.order_status = order.status;
        },
        onWaiting: (requestId, deadline) => {
          p.decision_request_id = requestId;
          p.decision_deadline = deadline.toISOString();
          p.status = 'waiting_for_decision';
          mark('human_decision');
        },
        onDecided: (d) => {
          p.decision = d;
          p.status = 'scheduling';
          mark('scheduling');
        },
      },
    );
    p.order_status = flow.orderStatus;
    await notifyOrderOutcome(flow, input);
    p.status = 'completed';
    mark('done');
    return p;
  } catch (err) {
    p.status = 'failed';
    mark('failed');
    throw err;
  }
}

/** The id of an episode's maintenance run: one per asset and episode. */
export const assetMaintenanceWorkflowId = (assetId: string, episodeId: string) => `asset-maintenance-${assetId}-${episodeId}`;
