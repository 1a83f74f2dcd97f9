import { WorkflowExecutionAlreadyStartedError, type WorkflowStartOptions } from '@temporalio/client';
import { WorkflowIdConflictPolicy, type Workflow } from '@temporalio/common';
import { Conflict, Unavailable } from '../domain/errors';
import { temporalWorkflowUrl } from '../temporal/links';
import type { AppDeps } from './deps';

type Deps = Pick<AppDeps, 'temporal' | 'config'>;

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
 * Starts a workflow on the API's task queue and returns its links. "Already started" becomes a
 * Conflict (`workflow_exists`) and an unreachable server Unavailable, unless `joinRunning` is set:
 * then a request for a run that is in flight joins it (the id names the work, so that run is the answer).
 */
export async function startWorkflow<W extends Workflow>(
  deps: Deps,
  workflowType: string,
  o: { workflowId: string; args: Parameters<W>; joinRunning?: boolean },
): Promise<ReturnType<typeof workflowLinks>> {
  // TypeScript cannot resolve the SDK's conditional `args` type for a generic W; `o.args` is
  // already checked against the workflow's parameters at each call.
  const options = {
    taskQueue: deps.temporal.taskQueue,
    workflowId: o.workflowId,
    ...(o.joinRunning ? { workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING } : {}),
    args: o.args,
  } as unknown as WorkflowStartOptions<W>;
  try {
    await deps.temporal.client.workflow.start<W>(workflowType, options);
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError)
      throw new Conflict(`Workflow ${o.workflowId} already exists`, 'workflow_exists');
    throw new Unavailable('Temporal is unreachable; the workflow was not started', 5, { cause: err });
  }
  return workflowLinks(deps, o.workflowId);
}
