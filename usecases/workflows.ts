import { WorkflowNotFoundError, type Client, type WorkflowExecutionDescription } from '@temporalio/client';
import { NotFound, Unavailable } from '../domain/errors';
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
    if (err instanceof WorkflowNotFoundError) throw new NotFound(`No workflow ${workflowId}`);
    throw new Unavailable('Temporal is unreachable', 5, { cause: err });
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

export interface WorkflowListFilter {
  type?: string;
  status?: string;
  sensorId?: string;
  correlationId?: string;
  /** The BusinessStatus search attribute, e.g. `waiting_for_decision` for runs that need a person. */
  businessStatus?: string;
  limit: number;
}

const STATUS_NAMES: Record<string, string> = {
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  canceled: 'Canceled',
  cancelled: 'Canceled',
  terminated: 'Terminated',
  timed_out: 'TimedOut',
  continued_as_new: 'ContinuedAsNew',
};

/**
 * The visibility query for a filter; undefined lists everything. Asking for a business status
 * also asks for running executions: a closed run keeps the last BusinessStatus it set (a run
 * that failed while it waited still says waiting_for_decision), but nobody can act on it.
 */
export function workflowListQuery(f: Omit<WorkflowListFilter, 'limit'>): string | undefined {
  const clauses: string[] = [];
  if (f.type) clauses.push(`WorkflowType = '${f.type}'`);
  if (f.status) clauses.push(`ExecutionStatus = '${STATUS_NAMES[f.status] ?? f.status}'`);
  else if (f.businessStatus) clauses.push(`ExecutionStatus = 'Running'`);
  if (f.sensorId) clauses.push(`SensorId = '${f.sensorId}'`);
  if (f.correlationId) clauses.push(`CorrelationId = '${f.correlationId}'`);
  if (f.businessStatus) clauses.push(`BusinessStatus = '${f.businessStatus}'`);
  return clauses.join(' AND ') || undefined;
}

/**
 * Lists workflows through Temporal's visibility store. Filter values are validated against
 * identifier patterns by the route, so they can be quoted into the query safely.
 */
export async function listWorkflows(client: Client, config: Config, f: WorkflowListFilter) {
  const query = workflowListQuery(f);
  const items: Omit<WorkflowView, 'progress'>[] = [];
  try {
    for await (const w of client.workflow.list({ query, pageSize: Math.min(100, f.limit) })) {
      const sa: Record<string, unknown> = {};
      for (const pair of w.typedSearchAttributes.getAll()) sa[pair.key.name] = pair.value;
      items.push({
        workflow_id: w.workflowId,
        run_id: w.runId,
        type: w.type,
        status: w.status.name.toLowerCase(),
        start_time: w.startTime?.toISOString() ?? null,
        close_time: w.closeTime?.toISOString() ?? null,
        search_attributes: sa,
        temporal_url: temporalWorkflowUrl(config, w.workflowId, w.runId),
      });
      if (items.length >= f.limit) break;
    }
  } catch (err) {
    throw new Unavailable('Temporal is unreachable', 5, { cause: err });
  }
  return { items };
}

/** The event history as JSON that `npm run replay` and Worker.runReplayHistory accept. */
export async function workflowHistoryJson(client: Client, workflowId: string): Promise<string> {
  const { historyToJSON } = await import('@temporalio/common/lib/proto-utils');
  try {
    return historyToJSON(await client.workflow.getHandle(workflowId).fetchHistory());
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new NotFound(`No workflow ${workflowId}`);
    throw new Unavailable('Temporal is unreachable', 5, { cause: err });
  }
}
