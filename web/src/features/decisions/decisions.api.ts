import { api, requestBlob, totalCount, unwrap, type ApiBody, type ApiRequest } from '../../api/http';

export type DecisionRecord = ApiBody<'/api/v1/decisions', 'get'>[number];
export type DecisionValue = DecisionRecord['decision'];
export const decisionValues = ['approved', 'rejected', 'escalated'] as const satisfies readonly DecisionValue[];
export type DecisionSubmission = ApiRequest<'/api/v1/decisions/submit', 'post'>;
export type RecordedDecision = ApiBody<'/api/v1/decisions/submit', 'post', 201>;

export interface DecisionFilter {
  operator_id?: string;
  request_id?: string;
  correlation_id?: string;
  from?: string;
  to?: string;
}

/** One page of decisions, newest first; the API sends a bare array and the filtered total in `X-Total-Count`. */
export async function listDecisions(
  filter: DecisionFilter & { limit: number; offset: number },
): Promise<{ items: DecisionRecord[]; total: number }> {
  const { data, response } = await unwrap(api.GET('/api/v1/decisions', { params: { query: { ...filter } } }));
  return { items: data, total: totalCount(response.headers, data.length) };
}

export function decisionsCsv(filter: DecisionFilter): Promise<Blob> {
  return requestBlob('/decisions', { query: { ...filter, format: 'csv', limit: 1000 } }, 'text/csv');
}

/** Records the decision and delivers it to the waiting workflow (the API does both). */
export async function submitDecision(body: DecisionSubmission): Promise<RecordedDecision> {
  return (await unwrap(api.POST('/api/v1/decisions/submit', { body }))).data;
}

/** A workflow waiting for a person, with the order it is about (the decisions inbox). */
export type PendingDecision = ApiBody<'/api/v1/decisions/pending', 'get'>[number];

export async function listPendingDecisions(): Promise<PendingDecision[]> {
  return (await unwrap(api.GET('/api/v1/decisions/pending'))).data;
}
