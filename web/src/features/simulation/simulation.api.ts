import { request } from '../../api/http';

export type SimulationKind = 'drift' | 'anomaly' | 'normal';

export interface DriftRequest {
  sensor_id: string;
  drift_magnitude: number;
  num_samples: number;
}
export interface AnomalyRequest {
  sensor_id: string;
  anomaly_magnitude: number;
  num_anomalies: number;
}
export interface NormalRequest {
  sensor_id: string;
  num_samples: number;
}

export interface SimulationResult {
  status: string;
  sensor_id: string;
  readings_ingested: number;
  correlation_id: string;
  [extra: string]: unknown;
}

const paths: Record<SimulationKind, string> = {
  drift: '/simulate/drift-event',
  anomaly: '/simulate/anomaly-event',
  normal: '/simulate/normal-data',
};

export function simulate(kind: SimulationKind, body: DriftRequest | AnomalyRequest | NormalRequest): Promise<SimulationResult> {
  return request<SimulationResult>(paths[kind], { body });
}
