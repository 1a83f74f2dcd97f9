import { api, unwrap, type ApiBody, type ApiRequest } from '../../api/http';

export type SimulationKind = 'drift' | 'anomaly' | 'normal';
export type DriftRequest = ApiRequest<'/api/v1/simulate/drift-event', 'post'>;
export type AnomalyRequest = ApiRequest<'/api/v1/simulate/anomaly-event', 'post'>;
export type NormalRequest = ApiRequest<'/api/v1/simulate/normal-data', 'post'>;
export type SimulationResult = ApiBody<'/api/v1/simulate/normal-data', 'post', 200>;

/** The view holds one form per kind; `kind` says which of the three bodies this is. */
export async function simulate(kind: SimulationKind, body: DriftRequest | AnomalyRequest | NormalRequest): Promise<SimulationResult> {
  if (kind === 'drift') return (await unwrap(api.POST('/api/v1/simulate/drift-event', { body: body as DriftRequest }))).data;
  if (kind === 'anomaly') return (await unwrap(api.POST('/api/v1/simulate/anomaly-event', { body: body as AnomalyRequest }))).data;
  return (await unwrap(api.POST('/api/v1/simulate/normal-data', { body: body as NormalRequest }))).data;
}
