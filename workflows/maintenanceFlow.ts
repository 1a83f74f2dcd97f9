import { CancellationScope, workflowInfo } from '@temporalio/workflow';
import { durableAgents, notifyAgents } from './agents';
import { SYSTEM_IDENTITY, type Identity } from '../domain/identity';
import type { DecisionGate, DecisionInput, DecisionSource, DecisionValue, RecordedDecision } from './humanDecision';

export interface MaintenanceFlowInput {
  correlationId: string;
  sensorId: string;
  sensorType: string;
  predictionId: string;
  probability: number;
  features: Record<string, string | number | boolean | null>;
  decisionTimeoutMs: number;
  timeoutPolicy: 'escalate' | 'auto_approve';
  autoDecision: DecisionValue | null;
  includeHumanDecision: boolean;
  startedBy?: Identity;
}

export interface MaintenanceFlowHooks {
  onProposed(order: { id: string; priority: string; status: string; planMessage: string }): void;
  onWaiting(
    requestId: string,
    deadline: Date,
    similar: { id: string; similarity: number; decision: string | null; outcome: string | null; summary: string }[],
  ): void;
  onDecided(decision: RecordedDecision): void;
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
  });
  hooks.onProposed({ id: order.id, priority: order.priority, status: order.status, planMessage: order.planMessage });

  try {
    if (!input.includeHumanDecision) return { orderId: order.id, orderStatus: order.status, decision: null };

    const similar = await durableAgents.findSimilarCases({ features: input.features, sensorId: input.sensorId, limit: 5 });
    const requestId = `dr-${workflowId}`;
    const deadline = new Date(Date.now() + input.decisionTimeoutMs);
    await durableAgents.openDecisionRequest({
      requestId,
      workflowId,
      orderId: order.id,
      correlationId: input.correlationId,
      deadline: deadline.toISOString(),
    });
    gate.requestId = requestId;
    hooks.onWaiting(requestId, deadline, similar);
    if (input.autoDecision) {
      gate.pending = {
        decision: input.autoDecision,
        operator_id: 'auto',
        justification: 'Automatic decision requested when the run was started',
        source: 'auto',
        identity: input.startedBy ?? SYSTEM_IDENTITY,
      };
    }

    const chosen: DecisionInput & { source: DecisionSource } = (await gate.wait(input.decisionTimeoutMs, async () => {
      await notifyAgents.sendNotification({
        recipient: 'maintenance-supervisors',
        subject: `Reminder: maintenance order ${order.id} awaits a decision`,
        body: { order_id: order.id, request_id: requestId, deadline: deadline.toISOString(), sensor_id: input.sensorId },
        dedupKey: `${workflowId}:reminder`,
        workflowId,
        correlationId: input.correlationId,
      });
    })) ?? {
      decision: input.timeoutPolicy === 'auto_approve' ? 'approved' : 'escalated',
      operator_id: 'system',
      justification: `No decision before the deadline (${deadline.toISOString()}); policy: ${input.timeoutPolicy}`,
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
    await durableAgents.closeDecisionRequest({ requestId, status: chosen.source === 'timeout_policy' ? 'expired' : 'decided' });
    hooks.onDecided(recorded);

    const applied = await durableAgents.applyMaintenanceDecision({
      orderId: order.id,
      decision: chosen.decision,
      actor: chosen.operator_id,
      workflowId,
      by: decidedBy,
    });
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
  await notifyAgents.sendNotification({
    recipient: 'maintenance-team',
    subject: `Maintenance order ${flow.orderId}: ${flow.orderStatus}`,
    body: { order_id: flow.orderId, status: flow.orderStatus, sensor_id: run.sensorId, decision: flow.decision?.decision ?? null },
    dedupKey: `${workflowId}:order-notice`,
    workflowId,
    correlationId: run.correlationId,
  });
}
