import { request } from '../../api/http';
import type { SensorReading } from '../sensors/sensors.api';

export interface IngestRequest {
  sensor_id: string;
  value: number;
  sensor_type: string;
  unit: string;
  quality: number;
  timestamp?: string;
}

export interface IngestResponse {
  status: 'success';
  message: string;
  reading: SensorReading;
  idempotency_key: string;
}

/** One reading; the key makes a double-click or a retry after a timeout store it only once. */
export function ingestReading(body: IngestRequest, idempotencyKey: string): Promise<IngestResponse> {
  return request<IngestResponse>('/data/ingest', { body, headers: { 'Idempotency-Key': idempotencyKey } });
}
