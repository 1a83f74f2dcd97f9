import { anomaliesInRange, findSensorForSeries, readingSeries, type SeriesAnomaly, type SeriesPoint } from '../db/readingSeries';
import type { Sql } from '../db/sql';
import { NotFound } from '../domain/errors';

const DAY_MS = 86_400_000;
/** Anomaly marks drawn at most; a range with more is a wall of marks anyway. */
const MAX_ANOMALIES = 500;

export interface SensorSeries {
  sensor_id: string;
  sensor_type: string;
  unit: string | null;
  from: Date;
  to: Date;
  /** 0 when every reading is there; else the width of the buckets the points summarise. */
  bucket_seconds: number;
  /** Readings in the range (before downsampling). */
  total: number;
  /** Of those, the readings only the retention aggregates still hold (their raw rows rolled up). */
  aggregated: number;
  points: SeriesPoint[];
  anomalies: SeriesAnomaly[];
}

/**
 * One sensor's readings over a time range for a chart, downsampled to at most `maxPoints`, with
 * the anomalies recorded in that range. Without a range: the 24 h up to the sensor's latest
 * reading (so a sensor that went quiet still shows its last day, not an empty "now").
 */
export async function sensorSeries(sql: Sql, q: { sensorId: string; from?: Date; to?: Date; maxPoints: number }): Promise<SensorSeries> {
  const sensor = await findSensorForSeries(q.sensorId, sql);
  if (!sensor) throw new NotFound(`No sensor ${q.sensorId}`);
  const to = q.to ?? (q.from ? new Date(q.from.getTime() + DAY_MS) : (sensor.last_ts ?? new Date()));
  const from = q.from ?? new Date(to.getTime() - DAY_MS);
  const [series, anomalies] = await Promise.all([
    readingSeries({ sensorId: q.sensorId, from, to, maxPoints: q.maxPoints }, sql),
    anomaliesInRange({ sensorId: q.sensorId, from, to, limit: MAX_ANOMALIES }, sql),
  ]);
  return {
    sensor_id: q.sensorId,
    sensor_type: sensor.type,
    unit: sensor.unit,
    from,
    to,
    bucket_seconds: series.bucketSeconds,
    total: series.total,
    aggregated: series.aggregated,
    points: series.points,
    anomalies,
  };
}
