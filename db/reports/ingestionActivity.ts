import { getSql, type Sql } from '../sql';
import type { ReportWindow } from './window';

/** The rows of the ingestion-activity report: figures, readings per bucket, readings per sensor. */
export async function ingestionActivityRows(p: ReportWindow, lowQualityBelow: number, sql: Sql = getSql()) {
  const { from, to } = p;
  return Promise.all([
    sql<
      {
        readings: number;
        sensors: number;
        mean_quality: number | null;
        low_quality: number;
        median_lag_s: number | null;
        p95_lag_s: number | null;
        csv_uploads: number;
        csv_bytes: number;
      }[]
    >`
      with r as (select * from sensor_readings where ingested_at >= ${from} and ingested_at < ${to})
      select
        (select count(*)::int from r) as readings,
        (select count(distinct sensor_id)::int from r) as sensors,
        (select avg(quality)::float8 from r) as mean_quality,
        (select count(*)::int from r where quality < ${lowQualityBelow}) as low_quality,
        (select percentile_cont(0.5) within group (order by extract(epoch from ingested_at - ts))::float8 from r) as median_lag_s,
        (select percentile_cont(0.95) within group (order by extract(epoch from ingested_at - ts))::float8 from r) as p95_lag_s,
        (select count(*)::int from csv_uploads where created_at >= ${from} and created_at < ${to}) as csv_uploads,
        (select coalesce(sum(size_bytes), 0)::float8 from csv_uploads where created_at >= ${from} and created_at < ${to}) as csv_bytes`,
    sql<{ bucket: Date; n: number }[]>`
      select date_trunc(${p.bucket}, ingested_at, 'UTC') as bucket, count(*)::int as n
      from sensor_readings where ingested_at >= ${from} and ingested_at < ${to} group by 1`,
    sql<
      {
        sensor_id: string;
        sensor_type: string;
        n: number;
        first_ts: Date;
        last_ts: Date;
        min_value: number;
        mean_value: number;
        max_value: number;
        mean_quality: number;
        low_quality: number;
      }[]
    >`
      -- The mean in numeric: a float8 sum overflows on values near the type's limit (1e308), which
      -- a sensor may legitimately send; the mean itself always fits.
      select sensor_id, min(sensor_type) as sensor_type, count(*)::int as n, min(ts) as first_ts, max(ts) as last_ts,
             min(value) as min_value, avg(value::numeric)::float8 as mean_value, max(value) as max_value,
             avg(quality)::float8 as mean_quality, count(*) filter (where quality < ${lowQualityBelow})::int as low_quality
      from sensor_readings where ingested_at >= ${from} and ingested_at < ${to}
      group by sensor_id order by n desc, sensor_id
      limit 1000`,
  ]);
}
