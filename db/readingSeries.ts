import { getSql, type Sql } from './sql';

export interface SeriesPoint {
  ts: Date;
  /** The mean of the bucket (the reading itself when not downsampled). */
  value: number;
  min: number;
  max: number;
  count: number;
}

export interface SeriesAnomaly {
  ts: Date;
  value: number;
  score: number;
  method: string;
  credible: boolean | null;
}

/** The sensor's unit, type and last reading, or undefined for an unknown sensor. */
export async function findSensorForSeries(
  sensorId: string,
  sql: Sql = getSql(),
): Promise<{ unit: string | null; type: string; last_ts: Date | null } | undefined> {
  const [row] = await sql<{ unit: string | null; type: string; last_ts: Date | null }[]>`
    select unit, type, last_ts from sensors where id = ${sensorId}`;
  return row;
}

/**
 * One sensor's readings in [from, to], oldest first: every reading when there are at most
 * `maxPoints`, else the mean, min and max of equal time buckets, so a week of one-second data
 * still comes back as a few hundred points that keep their spikes (the max) visible.
 *
 * Where retention has rolled the raw readings up, the aggregates stand in for them: the per-minute
 * buckets where they are complete, else the per-hour ones, merged with whatever is still raw (a
 * bucket half rolled up counts both halves once). Then the points are never finer than a minute.
 */
export async function readingSeries(
  f: { sensorId: string; from: Date; to: Date; maxPoints: number },
  sql: Sql = getSql(),
): Promise<{ points: SeriesPoint[]; total: number; bucketSeconds: number; aggregated: number }> {
  const [count] = await sql<{ n: number; aggregated: number }[]>`
    select (select count(*)::int from sensor_readings where sensor_id = ${f.sensorId} and ts >= ${f.from} and ts <= ${f.to}) as n,
           (select coalesce(sum(reading_count), 0)::int from (${rolledUpBuckets(sql, f)}) b) as aggregated`;
  const raw = count?.n ?? 0;
  const aggregated = count?.aggregated ?? 0;
  const total = raw + aggregated;
  if (aggregated === 0 && total <= f.maxPoints) {
    const rows = await sql<{ ts: Date; value: number }[]>`
      select ts, value from sensor_readings where sensor_id = ${f.sensorId} and ts >= ${f.from} and ts <= ${f.to} order by ts, id`;
    return {
      points: rows.map((r) => ({ ts: r.ts, value: r.value, min: r.value, max: r.value, count: 1 })),
      total,
      bucketSeconds: 0,
      aggregated,
    };
  }
  const spanSeconds = (f.to.getTime() - f.from.getTime()) / 1000;
  const bucketSeconds = Math.max(aggregated > 0 ? 60 : 1, Math.ceil(spanSeconds / f.maxPoints));
  const fromEpoch = f.from.getTime() / 1000;
  const rows = await sql<{ bucket: number; value: number; min: number; max: number; count: number }[]>`
    with parts as (
      select ts as t, value as sum_value, value as min_value, value as max_value, 1::bigint as reading_count
      from sensor_readings where sensor_id = ${f.sensorId} and ts >= ${f.from} and ts <= ${f.to}
      union all
      select bucket_start, sum_value, min_value, max_value, reading_count from (${rolledUpBuckets(sql, f)}) b
    )
    select floor((extract(epoch from t) - ${fromEpoch}) / ${bucketSeconds})::int as bucket,
           sum(sum_value) / sum(reading_count) as value, min(min_value) as min, max(max_value) as max, sum(reading_count)::int as count
    from parts group by 1 order by 1`;
  return {
    // Each bucket is drawn at its middle.
    points: rows.map((r) => ({
      ts: new Date((fromEpoch + (r.bucket + 0.5) * bucketSeconds) * 1000),
      value: r.value,
      min: r.min,
      max: r.max,
      count: r.count,
    })),
    total,
    bucketSeconds,
    aggregated,
  };
}

/**
 * The rolled-up buckets of a sensor starting in [from, to], each reading in exactly one: an hour's
 * minute buckets when together they count what the hour bucket counts (none purged yet), else the
 * hour bucket itself.
 */
function rolledUpBuckets(sql: Sql, f: { sensorId: string; from: Date; to: Date }) {
  return sql`
    with hours as (
      select bucket_start, sum_value, min_value, max_value, reading_count from reading_aggregates
      where sensor_id = ${f.sensorId} and bucket_width = 'hour' and bucket_start >= date_trunc('hour', ${f.from}::timestamptz) and bucket_start <= ${f.to}
    ),
    minutes as (
      select bucket_start, sum_value, min_value, max_value, reading_count from reading_aggregates
      where sensor_id = ${f.sensorId} and bucket_width = 'minute' and bucket_start >= date_trunc('hour', ${f.from}::timestamptz)
        and bucket_start < date_trunc('hour', ${f.to}::timestamptz) + interval '1 hour'
    ),
    complete as (
      select h.bucket_start from hours h
      join (select date_trunc('hour', bucket_start) as hour, sum(reading_count) as n from minutes group by 1) m
        on m.hour = h.bucket_start and m.n = h.reading_count
    )
    select * from (
      select * from minutes where date_trunc('hour', bucket_start) in (select bucket_start from complete)
      union all
      select * from hours where bucket_start not in (select bucket_start from complete)
    ) chosen
    where bucket_start >= ${f.from} and bucket_start <= ${f.to}`;
}

/** The anomalies recorded on the sensor in [from, to], oldest first, at most `limit`. */
export async function anomaliesInRange(
  f: { sensorId: string; from: Date; to: Date; limit: number },
  sql: Sql = getSql(),
): Promise<SeriesAnomaly[]> {
  return sql<SeriesAnomaly[]>`
    select ts, value, score, method, credible from anomalies
    where sensor_id = ${f.sensorId} and ts >= ${f.from} and ts <= ${f.to}
    order by ts, id limit ${f.limit}`;
}
