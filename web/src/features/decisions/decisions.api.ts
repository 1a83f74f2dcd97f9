import { request, requestBlob, requestWithHeaders } from '../../api/http';

export const decisionValues = ['approved', 'rejected', 'escalated'] as const;
export type DecisionValue = (typeof decisionValues)[number];

export interface DecisionRecord {
  id: string | number;
  request_id: string;
  decision: DecisionValue;
  operator_id: string;
  justification: string;
  workflow_id: string | null;
  correlation_id: string | null;
  created_at: string;
  superseded_by: string | number | null;
}

export interface DecisionFilter {
  operator_id?: string;
  request_id?: string;
  correlation_id?: string;
  from?: string;
  to?: string;
}

export interface DecisionSubmission {
  request_id: string;
  decision: DecisionValue;
  operator_id: string;
  justification: string;
  correlation_id?: string;
}

/** One page of decisions, newest first; the API sends a bare array and the filtered total in `X-Total-Count`. */
export async function listDecisions(
  filter: DecisionFilter & { limit: number; offset: number },
): Promise<{ items: DecisionRecord[]; total: number }> {
  const { data, headers } = await requestWithHeaders<DecisionRecord[]>('/decisions', { query: { ...filter } });
  const header = Number(headers.get('X-Total-Count'));
  return { items: data, total: Number.isFinite(header) && headers.has('X-Total-Count') ? header : data.length };
}

export function decisionsCsv(filter: DecisionFilter): Promise<Blob> {
  return requestBlob('/decisions', { query: { ...filter, format: 'csv', limit: 1000 } }, 'text/csv');
}

/** Records the decision and delivers it to the waiting workflow (the API does both). */
export function submitDecision(body: DecisionSubmission): Promise<DecisionRecord> {
  return request<DecisionRecord>('/decisions/submit', { body });
}
