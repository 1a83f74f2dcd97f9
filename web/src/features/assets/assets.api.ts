import { api, unwrap, type ApiBody } from '../../api/http';

export type AssetListItem = ApiBody<'/api/v1/assets', 'get'>[number];
export type Asset = ApiBody<'/api/v1/assets/{id}', 'get'>;
export type AssetType = ApiBody<'/api/v1/asset-types', 'get'>[number];
export type AssetHealth = ApiBody<'/api/v1/assets/{id}/health', 'get'>;
export type HealthRecord = AssetHealth['history'][number];
export type Episode = ApiBody<'/api/v1/assets/{id}/episodes', 'get'>[number];
export type AssetOrder = ApiBody<'/api/v1/assets/{id}/orders', 'get'>[number];
export type AssetDecision = ApiBody<'/api/v1/assets/{id}/decisions', 'get'>[number];

export interface AssetFilter {
  site?: string;
  type_id?: string;
  criticality?: number;
}

export async function listAssets(query: AssetFilter): Promise<AssetListItem[]> {
  return (await unwrap(api.GET('/api/v1/assets', { params: { query } }))).data;
}

export async function listAssetTypes(): Promise<AssetType[]> {
  return (await unwrap(api.GET('/api/v1/asset-types'))).data;
}

export async function getAsset(id: string): Promise<Asset> {
  return (await unwrap(api.GET('/api/v1/assets/{id}', { params: { path: { id } } }))).data;
}

export async function getAssetHealth(id: string): Promise<AssetHealth> {
  return (await unwrap(api.GET('/api/v1/assets/{id}/health', { params: { path: { id }, query: { limit: 500 } } }))).data;
}

export async function getEpisodes(id: string): Promise<Episode[]> {
  return (await unwrap(api.GET('/api/v1/assets/{id}/episodes', { params: { path: { id } } }))).data;
}

export async function getAssetOrders(id: string): Promise<AssetOrder[]> {
  return (await unwrap(api.GET('/api/v1/assets/{id}/orders', { params: { path: { id } } }))).data;
}

export async function getAssetDecisions(id: string): Promise<AssetDecision[]> {
  return (await unwrap(api.GET('/api/v1/assets/{id}/decisions', { params: { path: { id } } }))).data;
}

/** The health band a value falls in, for its colour. */
export function healthColor(health: number | null | undefined): string {
  if (health === null || health === undefined) return 'default';
  if (health >= 70) return 'success';
  if (health >= 40) return 'warning';
  return 'error';
}

/** The evaluator's id, as the API names it: its page in Workflows. */
export const evaluatorWorkflowId = (assetId: string) => `asset-evaluator-${assetId}`;

export type Correlations = ApiBody<'/api/v1/assets/{id}/correlations', 'get'>;

/** Pearson and Spearman matrices over the last week in one-minute buckets. */
export async function getCorrelations(id: string): Promise<Correlations> {
  return (await unwrap(api.GET('/api/v1/assets/{id}/correlations', { params: { path: { id }, query: { window: '7d', step: '60s' } } })))
    .data;
}
