import type postgres from 'postgres';
import { closeDecisionRequest, openDecisionRequest } from '../db/decisionRequests';
import { confidenceBand, estimatedDaysToFailure, priorityFor, requiredSkill, shouldProposeMaintenance } from '../domain/routing';
import { withDomainFailures } from './failures';
import type { DecisionRequestContext } from '../workflows/activityContracts';

/**
 * OrchestratorAgent: the routing rules (pure, in domain/routing.ts, used by workflows directly)
 * exposed as an activity, and the bookkeeping of human-decision requests that lets the REST API
 * find the workflow waiting for a decision.
 */
export function createOrchestratorActivities(deps: { sql: postgres.Sql }) {
  return withDomainFailures({
    async routePrediction(input: { probability: number; threshold: number; confidence: number; sensorType: string }) {
      const days = estimatedDaysToFailure(input.probability);
      const priority = priorityFor(days);
      return {
        propose: shouldProposeMaintenance(input.probability, input.threshold),
        days_to_failure: Number.isFinite(days) ? days : null,
        priority,
        confidence_band: confidenceBand(input.confidence),
        ...requiredSkill(input.sensorType, priority),
      };
    },

    async openDecisionRequest(input: {
      requestId: string;
      workflowId: string;
      orderId: string | null;
      correlationId: string | null;
      deadline: string;
      context?: DecisionRequestContext;
    }) {
      const r = await openDecisionRequest(
        { ...input, deadline: new Date(input.deadline), context: input.context as Record<string, unknown> | undefined },
        deps.sql,
      );
      return { request_id: r.request_id, status: r.status, deadline: r.deadline.toISOString() };
    },

    async closeDecisionRequest(input: { requestId: string; status: 'decided' | 'expired' }) {
      await closeDecisionRequest(input.requestId, input.status, deps.sql);
    },
  });
}
