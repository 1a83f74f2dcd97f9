import { CancellationScope, condition, patched, workflowInfo } from '@temporalio/workflow';
import { durableAgents, notifyAgents } from './agents';
import { SYSTEM_IDENTITY, type Identity } from '../domain/identity';
import { notificationSubject, systemJustification } from '../domain/notificationText';
import type { DriftEvidence } from '../domain/assetHealth';
import type { SimilarCase } from './activityContracts';
import type { DecisionGate, DecisionInput, DecisionSource, DecisionValue, RecordedDecision } from './humanDecision';

export interface MaintenanceFlowInput {
  correlationId: string;
  sensorId: string;
  sensorType: string;
  predictionId: string | null;
  probability: number;
  /** The model's threshold, shown again to the person deciding (absent in old histories). */
  threshold?: number;
  /** An asset's RUL-derived time to failure, and the asset: set only by assetMaintenance. */
  daysToFailure?: number;
  equipment?: string;
  /**
   * Set when the prediction was made on drifted inputs (assetMaintenance): the decision request
   * shows it, and a timeout escalates even under the auto_approve policy.
   */
  drift?: DriftEvidence[];
  features: Record<string, string | number | boolean | null>;
  decisionTimeoutMs: number;
  timeoutPolicy: 'escalate' | 'auto_approve';
  autoDecision: DecisionValue | null;
  includeHumanDecision: boolean;
  startedBy?: Identity;
}

export interface MaintenanceFlowHooks {
  onProposed(order: {
    id: string;
    priority: string;
    status: string;
    planMessage: string;
    plan?: { technician_id: string; technician_name: string; window_start: string; window_end: string } | null;
    unassignedCode?: string | null;
  }): void;
  onWaiting(requestId: string, deadline: Date, similar: SimilarCase[]): void;
  onDecided(decision: RecordedDecision): void;
}

/**
 * Steps of the flow that do not depend on each other run side by side, each pair costing one
 * round trip through the server instead of two: closing the decision request while the decision is
 * applied to the order. Behind
 * patched(): runs recorded before it replay sequentially.
 */
export const MAINTENANCE_FLOW_PARALLEL_PATCH = 'maintenance-flow-parallel-steps';

/**
 * Four eyes (issue #18): an approval that needs a second person is recorded on its own and the flow
 * waits for the second decision until the same deadline. Only runs whose proposal carries an
 * approval policy can get here, and those are recorded after this patch; patched() all the same.
 */
export const FOUR_EYES_PATCH = 'maintenance-flow-four-eyes';

/**
 * A flow started from drifted inputs is never approved by its timeout policy. Only runs whose input
 * carries drift evidence reach it, and none were recorded before; the marker keeps a worker without
 * the rule from replaying such a run as an approval.
 */
export const ASSET_DRIFT_WAITS_FOR_HUMAN_PATCH = 'asset-drift-waits-for-human';

/** What a deadline without a decision becomes: drifted inputs never let the policy approve. */
function timeoutDecision(policy: 'escalate' | 'auto_approve', drifted: boolean): DecisionValue {
  if (drifted) return 'escalated';
  return policy === 'auto_approve' ? 'approved' : 'escalated';
}

export interface MaintenanceFlowResult {
  orderId: string;
  orderStatus: string;
  decision: RecordedDecision | null;
}

/**
 * Propose → request a human decision (reminder at half time, timeout policy) → record it →
 * schedule firmly only when approved, cancel and release the booking when rejected.
 * Shared by the Golden Path and predictionToMaintenance.
 */
export async function runMaintenanceFlow(
  gate: DecisionGate,
  input: MaintenanceFlowInput,
  hooks: MaintenanceFlowHooks,
): Promise<MaintenanceFlowResult> {
  const { workflowId } = workflowInfo();
  const order = await durableAgents.proposeMaintenanceOrder({
    workflowId,
    correlationId: input.correlationId,
    sensorId: input.sensorId,
    sensorType: input.sensorType,
    predictionId: input.predictionId,
    probability: input.probability,
    ...(input.daysToFailure !== undefined ? { daysToFailure: input.daysToFailure } : {}),
    ...(input.equipment !== undefined ? { equipment: input.equipment } : {}),
  });
  hooks.onProposed({
    id: order.id,
    priority: order.priority,
    status: order.status,
    planMessage: order.planMessage,
    plan: order.plan,
    unassignedCode: order.unassigned_code ?? null,
  });

  try {
    if (!input.includeHumanDecision) return { orderId: order.id, orderStatus: order.status, decision: null };

    // Across sensors, not within this one: each Golden Path run writes to a sensor of its own
    // (gp-<scenario>-<id>), so a same-sensor search never found an earlier identical run. The
    // features are the machine's condition, which is what makes a past case comparable.
    const parallel = patched(MAINTENANCE_FLOW_PARALLEL_PATCH);
    // The decision request stores the similar cases beside it, so those two run one after the other.
    const similar = await durableAgents.findSimilarCases({ features: input.features, limit: 5 });
    const requestId = `dr-${workflowId}`;
    const deadline = new Date(Date.now() + input.decisionTimeoutMs);
    await durableAgents.openDecisionRequest({
      requestId,
      workflowId,
      orderId: order.id,
      correlationId: input.correlationId,
      deadline: deadline.toISOString(),
      context: { similar_cases: similar, threshold: input.threshold ?? null, ...(input.drift?.length ? { drift: input.drift } : {}) },
    });
    gate.requestId = requestId;
    gate.policy = order.approval;
    hooks.onWaiting(requestId, deadline, similar);
    if (input.autoDecision) {
      gate.pending = {
        decision: input.autoDecision,
        operator_id: 'auto',
        justification: systemJustification('justificationAuto'),
        source: 'auto',
        identity: input.startedBy ?? SYSTEM_IDENTITY,
      };
    }

    const drifted = input.drift?.length ? patched(ASSET_DRIFT_WAITS_FOR_HUMAN_PATCH) : false;
    let first: (DecisionInput & { source: DecisionSource }) | null = await gate.wait(input.decisionTimeoutMs, async () => {
      const { subject, message } = notificationSubject('notificationReminder', { order: order.id });
      await notifyAgents.sendNotification({
        recipient: 'maintenance-supervisors',
        subject,
        body: {
          order_id: order.id,
          request_id: requestId,
          deadline: deadline.toISOString(),
          sensor_id: input.sensorId,
          subject_message: message,
        },
        dedupKey: `${workflowId}:reminder`,
        workflowId,
        correlationId: input.correlationId,
      });
    });
    if (first && gate.needsSecondApproval(first) && patched(FOUR_EYES_PATCH)) {
      const stored = await durableAgents.recordDecision({
        requestId,
        decision: first.decision,
        operatorId: first.operator_id,
        justification: first.justification,
        workflowId,
        correlationId: input.correlationId,
        orderId: order.id,
        source: first.source === 'update' ? 'api' : first.source,
        dedupKey: `${workflowId}:first-approval`,
        decidedBy: first.identity ?? null,
      });
      gate.holdFirst(first, {
        id: stored.id,
        request_id: requestId,
        decision: first.decision,
        operator_id: first.operator_id,
        justification: first.justification,
        source: first.source,
        created_at: stored.created_at,
        decided_by: first.identity ?? null,
        awaiting_second_approval: true,
      });
      first = (await condition(() => gate.pending !== null, Math.max(1, deadline.getTime() - Date.now()))) ? gate.pending : null;
    }
    const chosen: DecisionInput & { source: DecisionSource } = first ?? {
      decision: timeoutDecision(input.timeoutPolicy, drifted),
      operator_id: 'system',
      justification: systemJustification(drifted ? 'justificationTimeoutDrifted' : 'justificationTimeout', {
        deadline: deadline.toISOString(),
        policy: input.timeoutPolicy,
      }),
      source: 'timeout_policy',
      identity: SYSTEM_IDENTITY,
    };
    // A decision without an identity can only come from a client that bypassed the API.
    const decidedBy = chosen.identity ?? null;

    const stored = await durableAgents.recordDecision({
      requestId,
      decision: chosen.decision,
      operatorId: chosen.operator_id,
      justification: chosen.justification,
      workflowId,
      correlationId: input.correlationId,
      orderId: order.id,
      source: chosen.source === 'update' ? 'api' : chosen.source,
      dedupKey: `${workflowId}:decision`,
      decidedBy,
    });
    const recorded: RecordedDecision = {
      id: stored.id,
      request_id: requestId,
      decision: chosen.decision,
      operator_id: chosen.operator_id,
      justification: chosen.justification,
      source: chosen.source,
      created_at: stored.created_at,
      decided_by: decidedBy,
    };
    gate.recorded = recorded;
    const close = () =>
      durableAgents.closeDecisionRequest({ requestId, status: chosen.source === 'timeout_policy' ? 'expired' : 'decided' });
    const apply = () =>
      durableAgents.applyMaintenanceDecision({
        orderId: order.id,
        decision: chosen.decision,
        actor: chosen.operator_id,
        workflowId,
        by: decidedBy,
      });
    let applied: Awaited<ReturnType<typeof apply>>;
    if (parallel) {
      hooks.onDecided(recorded);
      [, applied] = await Promise.all([close(), apply()]);
    } else {
      await close();
      hooks.onDecided(recorded);
      applied = await apply();
    }
    return { orderId: order.id, orderStatus: applied.status, decision: recorded };
  } catch (err) {
    // Cancelled (or failed) while the order was live: release the technician's slot.
    await CancellationScope.nonCancellable(() =>
      durableAgents.cancelMaintenanceOrder({
        orderId: order.id,
        actor: 'system',
        reason: `workflow ended: ${(err as Error).message}`.slice(0, 300),
      }),
    );
    throw err;
  }
}

/** The flow's input from a risky prediction and the run's decision settings. */
export function maintenanceFlowInput(
  prediction: {
    prediction_id: string;
    probability: number;
    threshold?: number;
    sensor_type: string;
    features: Record<string, string | number | boolean | null>;
  },
  run: {
    correlationId: string;
    sensorId: string;
    decisionTimeoutSeconds: number;
    timeoutPolicy: 'escalate' | 'auto_approve';
    autoDecision: DecisionValue | null;
    includeHumanDecision: boolean;
    startedBy?: Identity;
  },
): MaintenanceFlowInput {
  return {
    correlationId: run.correlationId,
    sensorId: run.sensorId,
    sensorType: prediction.sensor_type,
    predictionId: prediction.prediction_id,
    probability: prediction.probability,
    threshold: prediction.threshold,
    features: prediction.features,
    decisionTimeoutMs: run.decisionTimeoutSeconds * 1000,
    timeoutPolicy: run.timeoutPolicy,
    autoDecision: run.autoDecision,
    includeHumanDecision: run.includeHumanDecision,
    startedBy: run.startedBy,
  };
}

/** Tells the maintenance team how the order ended up (scheduled, rejected, escalated…). */
export async function notifyOrderOutcome(flow: MaintenanceFlowResult, run: { sensorId: string; correlationId: string }): Promise<void> {
  const { workflowId } = workflowInfo();
  const { subject, message } = notificationSubject('notificationOrderOutcome', { order: flow.orderId, status: flow.orderStatus });
  await notifyAgents.sendNotification({
    recipient: 'maintenance-team',
    subject,
    body: {
      order_id: flow.orderId,
      status: flow.orderStatus,
      sensor_id: run.sensorId,
      decision: flow.decision?.decision ?? null,
      subject_message: message,
    },
    dedupKey: `${workflowId}:order-notice`,
    workflowId,
    correlationId: run.correlationId,
  });
}
