import { api, unwrap, type ApiBody } from '../../api/http';

export type RegisteredModel = ApiBody<'/api/v1/ml/models', 'get'>['models'][number];
export type ModelVersion = RegisteredModel['versions'][number];

export const metricKeys = ['roc_auc', 'pr_auc', 'f1', 'precision', 'recall'] as const;

/** A test-set metric of a version, when the manifest recorded it as a number. */
export function metricOf(version: ModelVersion, key: (typeof metricKeys)[number]): number | undefined {
  const value = version.metrics?.[key];
  return typeof value === 'number' ? value : undefined;
}

export async function listModels(): Promise<RegisteredModel[]> {
  return (await unwrap(api.GET('/api/v1/ml/models'))).data.models;
}

export async function listModelVersions(name: string): Promise<ModelVersion[]> {
  return (await unwrap(api.GET('/api/v1/ml/models/{name}/versions', { params: { path: { name } } }))).data.versions;
}
