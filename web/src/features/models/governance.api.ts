import { api, unwrap, type ApiBody } from '../../api/http';

export type PromotionOverview = ApiBody<'/api/v1/ml/models/{name}/promotions', 'get'>;
export type StageChange = PromotionOverview['history'][number];
export type PromotionRequest = PromotionOverview['requests'][number];
export type ShadowReport = ApiBody<'/api/v1/ml/models/{name}/versions/{version}/shadow-reports', 'get'>[number];

export async function getPromotionOverview(name: string): Promise<PromotionOverview> {
  return (await unwrap(api.GET('/api/v1/ml/models/{name}/promotions', { params: { path: { name } } }))).data;
}

export async function listShadowReports(name: string, version: string): Promise<ShadowReport[]> {
  return (await unwrap(api.GET('/api/v1/ml/models/{name}/versions/{version}/shadow-reports', { params: { path: { name, version } } }))).data;
}

/** Starts a shadow evaluation over the last 30 days (the API's default period). */
export async function startShadowEvaluation(name: string, version: string): Promise<void> {
  await unwrap(api.POST('/api/v1/ml/models/{name}/versions/{version}/shadow-evaluations', { params: { path: { name, version } }, body: {} }));
}

/** Asks for a promotion; resolves with the request id (the pending request's id in the overview). */
export async function requestPromotion(name: string, version: string, justification: string): Promise<string> {
  const started = await unwrap(
    api.POST('/api/v1/ml/models/{name}/versions/{version}/promotions', { params: { path: { name, version } }, body: { justification } }),
  );
  return started.data.request_id;
}

export async function decidePromotion(id: string, decision: 'approved' | 'rejected', justification: string): Promise<void> {
  await unwrap(api.POST('/api/v1/ml/promotions/{id}/decision', { params: { path: { id } }, body: { decision, justification } }));
}

export async function rollbackModel(name: string, justification: string): Promise<void> {
  await unwrap(api.POST('/api/v1/ml/models/{name}/rollback', { params: { path: { name } }, body: { justification } }));
}
