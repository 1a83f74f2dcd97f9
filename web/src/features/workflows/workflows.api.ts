import { request, requestBlob } from '../../api/http';

export interface SearchAttributes {
  SensorId?: string | null;
  Stage?: string | null;
  BusinessStatus?: string | null;
  CorrelationId?: string | null;
}

export interface WorkflowSummary {
  workflow_id: string;
  run_id: string;
  type: string;
  status: string;
  start_time: string | null;
  close_time: string | null;
  search_attributes: SearchAttributes;
  temporal_url: string;
}

export interface WorkflowDetail extends WorkflowSummary {
  /** Free-form per workflow type; a number 0..1 or a document with stages/percent. */
  progress: unknown;
  result?: unknown;
}

export interface WorkflowFilter {
  type?: string;
  status?: string;
  sensor_id?: string;
  limit?: number;
  next_page_token?: string;
}

/** Temporal's execution statuses as the API reports them. */
export const workflowStatuses = ['RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'TERMINATED', 'TIMED_OUT', 'CONTINUED_AS_NEW'] as const;
export const workflowTypes = ['goldenPath', 'predictionToMaintenance', 'csvIngestion'] as const;

export function listWorkflows(filter: WorkflowFilter): Promise<{ items: WorkflowSummary[]; next_page_token?: string | null }> {
  return request('/workflows', { query: { ...filter } });
}

export function getWorkflow(id: string): Promise<WorkflowDetail> {
  return request<WorkflowDetail>(`/workflows/${encodeURIComponent(id)}`);
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
