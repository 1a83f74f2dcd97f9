import { api, requestBlob, unwrap, type ApiBody } from '../../api/http';
import type { paths } from '../../api/schema';

export type WorkflowSummary = ApiBody<'/api/v1/workflows', 'get'>['items'][number];
export type WorkflowDetail = ApiBody<'/api/v1/workflows/{id}', 'get'>;
export type WorkflowFilter = NonNullable<NonNullable<paths['/api/v1/workflows']['get']['parameters']['query']>>;

/** The execution statuses the list filters on (the API reports them in lower case). */
export const workflowStatuses = [
  'running',
  'completed',
  'failed',
  'canceled',
  'terminated',
  'timed_out',
] as const satisfies readonly NonNullable<WorkflowFilter['status']>[];
export const workflowTypes = ['goldenPath', 'predictionToMaintenance', 'csvIngestion'] as const satisfies readonly NonNullable<
  WorkflowFilter['type']
>[];

/** A search attribute the worker sets (SensorId, Stage, BusinessStatus, CorrelationId), as text. */
export function searchAttribute(workflow: WorkflowSummary, name: string): string | undefined {
  const value = workflow.search_attributes[name];
  return value === undefined || value === null ? undefined : String(value);
}

export async function listWorkflows(filter: WorkflowFilter): Promise<{ items: WorkflowSummary[] }> {
  return (await unwrap(api.GET('/api/v1/workflows', { params: { query: filter } }))).data;
}

export async function getWorkflow(id: string): Promise<WorkflowDetail> {
  return (await unwrap(api.GET('/api/v1/workflows/{id}', { params: { path: { id } } }))).data;
}

export function workflowHistory(id: string): Promise<Blob> {
  return requestBlob(`/workflows/${encodeURIComponent(id)}/history`, {}, 'application/json');
}

/** Reads a 0..1 fraction out of whatever progress shape the workflow exposes. */
export function progressFraction(progress: unknown): number | undefined {
  if (typeof progress === 'number') return progress > 1 ? progress / 100 : progress;
  if (progress && typeof progress === 'object') {
    const doc = progress as Record<string, unknown>;
    if (typeof doc.percent === 'number') return doc.percent / 100;
    if (typeof doc.fraction === 'number') return doc.fraction;
    if (Array.isArray(doc.stages) && doc.stages.length) {
      const done = doc.stages.filter((s) => ['complete', 'skipped', 'failed'].includes((s as { status?: string }).status ?? '')).length;
      return done / doc.stages.length;
    }
  }
  return undefined;
}

export function statusColor(status: string): string {
  const s = status.toUpperCase();
  if (s === 'RUNNING') return 'info';
  if (s === 'COMPLETED') return 'success';
  if (s === 'CONTINUED_AS_NEW') return 'secondary';
  return 'error';
}

/** The BusinessStatus a run shows while a person has to act on it. */
export const waitingForDecision = 'waiting_for_decision';

/**
 * What to call a run in a list: a running one that waits for a person says so (its BusinessStatus),
 * rather than the bare execution status "running", which hides that nothing moves without a person.
 */
export function displayStatus(workflow: Pick<WorkflowSummary, 'status' | 'search_attributes'>): {
  key: string;
  color: string;
  needsAction: boolean;
} {
  const business = workflow.search_attributes.BusinessStatus;
  if (workflow.status.toUpperCase() === 'RUNNING' && business === waitingForDecision) {
    return { key: `workflowStory.business.${waitingForDecision}`, color: 'warning', needsAction: true };
  }
  return { key: `workflows.status.${workflow.status.toUpperCase()}`, color: statusColor(workflow.status), needsAction: false };
}
