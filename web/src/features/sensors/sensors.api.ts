import { request, requestBlob, requestWithHeaders } from '../../api/http';

export const sensorTypes = [
  'temperature',
  'air_temperature',
  'process_temperature',
  'vibration',
  'pressure',
  'humidity',
  'voltage',
  'current',
  'power',
  'flow',
  'rotational_speed',
  'torque',
  'tool_wear',
  'acoustic',
] as const;
export type SensorType = (typeof sensorTypes)[number];

/** Same rule the API enforces, checked early so the user sees it before a round trip. */
export const sensorIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export interface SensorReading {
  id: string | number;
  sensor_id: string;
  timestamp: string;
  value: number;
  unit: string;
  quality: number;
  sensor_type: SensorType | string;
  metadata?: Record<string, unknown> | null;
  correlation_id?: string | null;
  ingested_at?: string;
}

export interface SensorSummary {
  sensor_id: string;
  sensor_type: string;
  unit: string;
  reading_count: number;
  first_reading: string | null;
  last_reading: string | null;
}

export interface ReadingFilter {
  sensor_id?: string;
  start_ts?: string;
  end_ts?: string;
}

export function listSensors(): Promise<SensorSummary[]> {
  return request<SensorSummary[]>('/sensors/sensors');
}

/** One page of readings, newest first, with the filtered total from `X-Total-Count`. */
export async function listReadings(
  filter: ReadingFilter & { limit: number; offset?: number },
): Promise<{ items: SensorReading[]; total: number }> {
  const { data, headers } = await requestWithHeaders<SensorReading[]>('/sensors/readings', { query: { ...filter } });
  const header = Number(headers.get('X-Total-Count'));
  return { items: data, total: Number.isFinite(header) && headers.has('X-Total-Count') ? header : data.length };
}

/** The whole filtered set as CSV, for download. */
export function readingsCsv(filter: ReadingFilter): Promise<Blob> {
  return requestBlob('/sensors/readings', { query: { ...filter, limit: 1000, format: 'csv' } }, 'text/csv');
}
