import { request } from '../../api/http';

export interface ModelMetrics {
  roc_auc?: number | null;
  pr_auc?: number | null;
  f1?: number | null;
  precision?: number | null;
  recall?: number | null;
}

export interface ModelVersion {
  version: string;
  stage: string;
  enabled: boolean;
  metrics: ModelMetrics;
  threshold: number | null;
  card_markdown?: string | null;
  created_at: string;
}

export interface RegisteredModel {
  name: string;
  versions: ModelVersion[];
}

export const metricKeys = ['roc_auc', 'pr_auc', 'f1', 'precision', 'recall'] as const;

export function listModels(): Promise<RegisteredModel[]> {
  return request<RegisteredModel[]>('/ml/models');
}

export function listModelVersions(name: string): Promise<ModelVersion[]> {
  return request<ModelVersion[]>(`/ml/models/${encodeURIComponent(name)}/versions`);
}
