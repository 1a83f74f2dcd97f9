import type postgres from 'postgres';
import { approvalPolicy, type PriorityLimit } from '../domain/approvalPolicy';
import { z } from 'zod';
import type { OrderStatus } from '../domain/orderLifecycle';
import type { ProposedOrder } from '../domain/maintenanceOrder';
import { applyDecision, cancelOrder, proposeOrder } from '../usecases/maintenanceOrders';
import { withDomainFailures } from './failures';
import { InvalidInput, NotFound } from '../domain/errors';
import { SYSTEM_IDENTITY } from '../domain/identity';
import { identitySchema } from '../domain/identitySchema';

export type { ProposedOrder } from '../domain/maintenanceOrder';

const text = (max: number) => z.string().trim().min(1).max(max);

const proposeInput = z.object({
  workflowId: text(300),
  correlationId: z.uuid(),
  sensorId: text(200),
  sensorType: text(64),
  predictionId: z.uuid().nullable(),
  probability: z.number().min(0).max(1),
  daysToFailure: z.number().min(0).max(36_500).optional(),
  equipment: text(200).optional(),
});

const decisionInput = z.object({
  orderId: z.uuid(),
  decision: z.enum(['approved', 'rejected', 'escalated']),
  actor: text(200),
  workflowId: text(300),
  by: identitySchema.nullable().optional(),
});

const cancelInput = z.object({
  orderId: z.uuid(),
  actor: text(200),
  reason: text(2000),
});

export type ProposeMaintenanceOrderInput = z.input<typeof proposeInput>;
export type ApplyMaintenanceDecisionInput = z.input<typeof decisionInput>;
export type CancelMaintenanceOrderInput = z.input<typeof cancelInput>;

export interface SchedulingDeps {
  sql: postgres.Sql;
  /** DECISION_ENGINEER_PRIORITY and DECISION_FOUR_EYES_PRIORITY; absent: no approval limits. */
  approvalLimits?: { engineer: PriorityLimit; fourEyes: PriorityLimit };
  /** The planning instant; injected so tests can plan against a fixed week. */
  now?: () => Date;
}

function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new InvalidInput([], `invalid input: ${z.prettifyError(r.error)}`);
  return r.data;
}

/** A row the input names (sensor, prediction) is missing: a fact about the input, which no retry changes. */
function missingReference(err: unknown): never {
  const e = err as { code?: string; message?: string };
  if (e?.code === '23503') throw new NotFound(`a referenced row does not exist: ${e.message}`);
  throw err;
}

/**
 * SchedulingAgent: turns a risky prediction into a maintenance order planned by the optimiser
 * (scheduling/), holds the technician's time with a tentative booking while a human decides, and
 * applies the decision: firm booking on approval, released booking on rejection, escalation or
 * cancellation. Each activity is one transaction; the order's dedup key (`<workflowId>:order`)
 * and the lifecycle make every one of them safe to retry.
 */
export function createSchedulingActivities(deps: SchedulingDeps) {
  const now = deps.now ?? (() => new Date());
  return withDomainFailures({
    async proposeMaintenanceOrder(raw: ProposeMaintenanceOrderInput): Promise<ProposedOrder> {
      const input = parseInput(proposeInput, raw);
      const result = await proposeOrder(
        deps.sql,
        {
          sensorId: input.sensorId,
          sensorType: input.sensorType,
          probability: input.probability,
          predictionId: input.predictionId,
          workflowId: input.workflowId,
          correlationId: input.correlationId,
          dedupKey: `${input.workflowId}:order`,
          daysToFailure: input.daysToFailure,
          equipment: input.equipment,
        },
        // The workflow proposes on its own account; who decides is recorded with the decision.
        { now: now(), actor: `workflow:${input.workflowId}`, by: SYSTEM_IDENTITY },
      ).catch(missingReference);
      return {
        id: result.order.id,
        status: result.order.status,
        priority: result.order.priority,
        planMessage: result.planMessage,
        plan: result.plan,
        unassigned_reason: result.unassignedReason,
        unassigned_code: result.unassignedCode ?? null,
        ...(deps.approvalLimits ? { approval: approvalPolicy(result.order.priority, deps.approvalLimits) } : {}),
      };
    },

    async applyMaintenanceDecision(raw: ApplyMaintenanceDecisionInput): Promise<{ status: OrderStatus }> {
      const input = parseInput(decisionInput, raw);
      const { status } = await applyDecision(deps.sql, input, now()).catch(missingReference);
      return { status };
    },

    async cancelMaintenanceOrder(raw: CancelMaintenanceOrderInput): Promise<{ status: OrderStatus }> {
      const input = parseInput(cancelInput, raw);
      const { status } = await cancelOrder(deps.sql, input, now()).catch(missingReference);
      return { status };
    },
  });
}
