import { api, requestBlob, totalCount, unwrap, type ApiBody } from '../../api/http';

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

export type SensorReading = ApiBody<'/api/v1/sensors/readings', 'get'>[number];
export type SensorSummary = ApiBody<'/api/v1/sensors/sensors', 'get'>[number];

export interface ReadingFilter {
  sensor_id?: string;
  start_ts?: string;
  end_ts?: string;
}

/** The registered sensors; archived (hidden) ones only when asked for. */
export async function listSensors(includeArchived = false): Promise<SensorSummary[]> {
  const query = includeArchived ? { include_archived: 'true' as const } : {};
  return (await unwrap(api.GET('/api/v1/sensors/sensors', { params: { query } }))).data;
}

/** Hides a sensor from the lists, or lists it again; its readings stay either way. */
export async function setSensorArchived(id: string, archived: boolean): Promise<void> {
  await unwrap(api.PATCH('/api/v1/sensors/{id}', { params: { path: { id } }, body: { archived } }));
}

/** One page of readings, newest first, with the filtered total from `X-Total-Count`. */
export async function listReadings(
  filter: ReadingFilter & { limit: number; offset?: number },
): Promise<{ items: SensorReading[]; total: number }> {
  const { data, response } = await unwrap(api.GET('/api/v1/sensors/readings', { params: { query: { ...filter } } }));
  return { items: data, total: totalCount(response.headers, data.length) };
}

/** The whole filtered set as CSV, for download. */
export function readingsCsv(filter: ReadingFilter): Promise<Blob> {
  return requestBlob('/sensors/readings', { query: { ...filter, limit: 1000, format: 'csv' } }, 'text/csv');
}

export type SensorSeries = ApiBody<'/api/v1/sensors/{id}/series', 'get'>;

/** One sensor's readings over a range for a chart, downsampled by the server, with its anomalies. */
export async function getSensorSeries(id: string, query: { from?: string; to?: string; max_points?: number }): Promise<SensorSeries> {
  return (await unwrap(api.GET('/api/v1/sensors/{id}/series', { params: { path: { id }, query } }))).data;
}
