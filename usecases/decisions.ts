import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type postgres from 'postgres';
import { Conflict, NotFound, Unavailable } from '../domain/errors';
import { findDecisionRequest } from '../db/decisionRequests';
import type { Identity } from '../domain/identity';
import type { DecisionInput, RecordedDecision } from '../workflows/humanDecision';

/** A decision as the API delivers it: the identity is the authenticated caller's, always present. */
type AuthenticatedDecision = DecisionInput & { identity: Identity };

/**
 * Delivers a human decision to the workflow waiting for it, through the `submitDecision` update,
 * which validates it, has the audit agent record it, and returns the recorded row.
 * 404: no such request; 409: it was already decided or expired.
 */
export async function submitDecision(
  deps: { sql: postgres.Sql; client: Client },
  input: AuthenticatedDecision & { request_id: string },
): Promise<RecordedDecision & { workflow_id: string }> {
  const request = await findDecisionRequest(input.request_id, deps.sql);
  if (!request) throw new NotFound(`No workflow waits for decision request ${input.request_id}`);
  if (request.status !== 'open') throw new Conflict(`Decision request ${input.request_id} is already ${request.status}`, 'already_decided');
  const handle = deps.client.workflow.getHandle(request.workflow_id);
  try {
    const recorded = await handle.executeUpdate<RecordedDecision, [DecisionInput]>('submitDecision', { args: [input] });
    return { ...recorded, workflow_id: request.workflow_id };
  } catch (err) {
    throw asDomainError(err, request.workflow_id);
  }
}

/** The design's signal, for clients that prefer it: validated against the workflow's progress first. */
export async function signalDecision(client: Client, workflowId: string, input: AuthenticatedDecision): Promise<void> {
  const handle = client.workflow.getHandle(workflowId);
  try {
    const progress = (await handle.query('progress')) as { decision_request_id?: string | null; decision?: unknown };
    if (!progress.decision_request_id) throw new Conflict(`Workflow ${workflowId} is not waiting for a decision`, 'no_decision_requested');
    if (progress.decision) throw new Conflict(`Workflow ${workflowId} was already decided`, 'already_decided');
    await handle.signal('decision', { ...input, request_id: progress.decision_request_id });
  } catch (err) {
    throw asDomainError(err, workflowId);
  }
}

function asDomainError(err: unknown, workflowId: string): Error {
  if (err instanceof Conflict) return err;
  if (err instanceof WorkflowNotFoundError) return new NotFound(`No running workflow ${workflowId}`);
  if (err instanceof WorkflowUpdateFailedError) {
    const message = err.cause?.message ?? err.message;
    const code = /^(\w+):/.exec(message)?.[1] ?? 'decision_refused';
    return new Conflict(message.replace(/^\w+:\s*/, ''), code);
  }
  const e = err as { name?: string; message?: string };
  if (e?.name === 'WorkflowNotFoundError' || /not found|already completed/i.test(e?.message ?? '')) {
    return new NotFound(`Workflow ${workflowId} is not running`);
  }
  return new Unavailable('Temporal is unreachable; the decision was not delivered', 5, { cause: err });
}

/** The audit trail of decisions, for the decisions screen and exports. */
export { DECISIONS, listDecisions, type DecisionView } from '../db/decisions';
