import { WorkflowNotFoundError, type Client, type WorkflowExecutionDescription } from '@temporalio/client';
import { NotFoundError, UnavailableError } from '../api/errors';
import type { Config } from '../config';
import { temporalWorkflowUrl } from '../temporal/links';

export interface WorkflowView {
  workflow_id: string;
  run_id: string;
  type: string;
  status: string;
  start_time: string | null;
  close_time: string | null;
  search_attributes: Record<string, unknown>;
  progress: unknown;
  result?: unknown;
  temporal_url: string;
}

function searchAttributes(d: WorkflowExecutionDescription): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of d.typedSearchAttributes.getAll()) out[pair.key.name] = pair.value;
  return out;
}

/** Describes a workflow and asks it for its progress (every workflow of ours answers `progress`). */
export async function describeWorkflow(client: Client, config: Config, workflowId: string): Promise<WorkflowView> {
  const handle = client.workflow.getHandle(workflowId);
  let d: WorkflowExecutionDescription;
  try {
    d = await handle.describe();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new NotFoundError(`No workflow ${workflowId}`);
    throw new UnavailableError('Temporal is unreachable', 5, err);
  }
  let progress: unknown = null;
  try {
    progress = await handle.query('progress');
  } catch {
    // A closed workflow whose worker is not running cannot answer queries; the status still tells.
  }
  let result: unknown;
  if (d.status.name === 'COMPLETED') result = await handle.result().catch(() => undefined);
  return {
    workflow_id: d.workflowId,
    run_id: d.runId,
    type: d.type,
    status: d.status.name.toLowerCase(),
    start_time: d.startTime?.toISOString() ?? null,
    close_time: d.closeTime?.toISOString() ?? null,
    search_attributes: searchAttributes(d),
    progress: progress ?? (result as { progress?: unknown } | undefined) ?? null,
    ...(result !== undefined ? { result } : {}),
    temporal_url: temporalWorkflowUrl(config, d.workflowId, d.runId),
  };
}
