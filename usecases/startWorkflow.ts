import { WorkflowExecutionAlreadyStartedError, type WorkflowStartOptions } from '@temporalio/client';
import {
  defineSearchAttributeKey,
  SearchAttributeType,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  type Workflow,
} from '@temporalio/common';
import { Conflict, LimitExceeded, Unavailable } from '../domain/errors';
import { temporalWorkflowUrl } from '../temporal/links';
import type { AppDeps } from './deps';

type Deps = Pick<AppDeps, 'temporal' | 'config'>;

// Same definition as workflows/searchAttributes.ts STARTED_BY_KEY_ID (use cases may import
// workflows as types only); test/security/workflowLimits.test.ts checks that they agree.
export const STARTED_BY_KEY_ID = defineSearchAttributeKey('StartedByKeyId', SearchAttributeType.KEYWORD);

/** Where a client follows a started workflow. */
export function workflowLinks(deps: Pick<AppDeps, 'config'>, workflowId: string) {
  return {
    workflow_id: workflowId,
    status_url: `/api/v1/workflows/${workflowId}`,
    events_url: `/api/v1/workflows/${workflowId}/events`,
    temporal_url: temporalWorkflowUrl(deps.config, workflowId),
  };
}

/**
 * Refuses a start when the key already has WORKFLOW_MAX_RUNNING_PER_KEY workflows running. The
 * count comes from Temporal's visibility store, which lags a start by up to about a second, so a
 * burst may overshoot by what starts within that lag; the per-hour start limit bounds the burst.
 */
async function assertBelowRunningCap(deps: Deps, keyId: string): Promise<void> {
  const cap = deps.config.WORKFLOW_MAX_RUNNING_PER_KEY;
  let running: number;
  try {
    const query = `${STARTED_BY_KEY_ID.name} = '${keyId.replace(/'/g, '')}' AND ExecutionStatus = 'Running'`;
    running = (await deps.temporal.client.workflow.count(query)).count;
  } catch (err) {
    throw new Unavailable('Temporal is unreachable; the workflow was not started', 5, { cause: err });
  }
  if (running >= cap) {
    throw new LimitExceeded(`This API key already has ${running} workflows running (limit ${cap}); wait for some to finish`, 60, {
      code: 'too_many_running_workflows',
      details: { running, limit: cap },
    });
  }
}

/** The 409 for an id that is taken, naming the run that holds it so the caller can follow it instead. */
async function existingRunConflict(deps: Deps, workflowId: string): Promise<Conflict> {
  const existing: Record<string, unknown> = { ...workflowLinks(deps, workflowId) };
  try {
    const d = await deps.temporal.client.workflow.getHandle(workflowId).describe();
    existing.run_id = d.runId;
    existing.status = d.status.name.toLowerCase();
  } catch {
    // The links alone still name it.
  }
  return new Conflict(`Workflow ${workflowId} already exists; a workflow id is never reused`, 'workflow_exists', {
    existing_run: existing,
  });
}

/**
 * Starts a workflow on the API's task queue and returns its links. "Already started" becomes a
 * Conflict (`workflow_exists`, naming the existing run) and an unreachable server Unavailable,
 * unless `joinRunning` is set: then a request for a run that is in flight joins it (the id names
 * the work, so that run is the answer).
 *
 * A closed run's id is refused too (REJECT_DUPLICATE): ids can come from the caller (a Golden
 * Path's X-Correlation-ID), and re-running finished work under the same id would replace what
 * its run recorded. Only `joinRunning` starts may run again once closed: their re-run is
 * designed to be repeated (an explanation already stored computes nothing; a report is a new row).
 *
 * With `startedBy` (the API key's id) the start counts against that key's running-workflow cap,
 * and the run carries the key in the StartedByKeyId search attribute; a start-time search
 * attribute is not a workflow command, so histories and replay are unaffected.
 */
export async function startWorkflow<W extends Workflow>(
  deps: Deps,
  workflowType: string,
  o: { workflowId: string; args: Parameters<W>; joinRunning?: boolean; startedBy?: string },
): Promise<ReturnType<typeof workflowLinks>> {
  if (o.startedBy) await assertBelowRunningCap(deps, o.startedBy);
  // TypeScript cannot resolve the SDK's conditional `args` type for a generic W; `o.args` is
  // already checked against the workflow's parameters at each call.
  const options = {
    taskQueue: deps.temporal.taskQueue,
    workflowId: o.workflowId,
    ...(o.joinRunning
      ? { workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING, workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE }
      : { workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE }),
    ...(o.startedBy ? { typedSearchAttributes: [{ key: STARTED_BY_KEY_ID, value: o.startedBy }] } : {}),
    args: o.args,
  } as unknown as WorkflowStartOptions<W>;
  try {
    await deps.temporal.client.workflow.start<W>(workflowType, options);
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) throw await existingRunConflict(deps, o.workflowId);
    throw new Unavailable('Temporal is unreachable; the workflow was not started', 5, { cause: err });
  }
  return workflowLinks(deps, o.workflowId);
}
