import { getSql, type Sql } from '../sql';
import type { ReportWindow } from './window';

/** The rows of the anomaly-summary report: figures, anomalies per bucket, per sensor and method, drift per sensor. */
export async function anomalySummaryRows(p: ReportWindow, sql: Sql = getSql()) {
  const { from, to } = p;
  return Promise.all([
    sql<
      {
        anomalies: number;
        sensors_affected: number;
        credible: number;
        not_credible: number;
        unjudged: number;
        mean_score: number | null;
        max_score: number | null;
        drift_checks: number;
        drift_detected: number;
        insufficient_data: number;
      }[]
    >`
      with a as (select * from anomalies where ts >= ${from} and ts < ${to}),
           d as (select * from drift_checks where created_at >= ${from} and created_at < ${to})
      select
        (select count(*)::int from a) as anomalies,
        (select count(distinct sensor_id)::int from a) as sensors_affected,
        (select count(*)::int from a where credible) as credible,
        (select count(*)::int from a where credible = false) as not_credible,
        (select count(*)::int from a where credible is null) as unjudged,
        (select avg(score)::float8 from a) as mean_score,
        (select max(score)::float8 from a) as max_score,
        (select count(*)::int from d) as drift_checks,
        (select count(*)::int from d where drift_detected) as drift_detected,
        (select count(*)::int from d where status = 'insufficient_data') as insufficient_data`,
    sql<{ bucket: Date; n: number }[]>`
      select date_trunc(${p.bucket}, ts, 'UTC') as bucket, count(*)::int as n
      from anomalies where ts >= ${from} and ts < ${to} group by 1`,
    sql<
      {
        sensor_id: string;
        method: string;
        n: number;
        mean_score: number;
        max_score: number;
        credible: number;
        first_ts: Date;
        last_ts: Date;
      }[]
    >`
      select sensor_id, method, count(*)::int as n, avg(score)::float8 as mean_score, max(score)::float8 as max_score,
             count(*) filter (where credible)::int as credible, min(ts) as first_ts, max(ts) as last_ts
      from anomalies where ts >= ${from} and ts < ${to}
      group by sensor_id, method order by n desc, sensor_id, method
      limit 1000`,
    sql<
      {
        sensor_id: string;
        checks: number;
        detected: number;
        last_status: string;
        last_ks: number | null;
        last_p: number | null;
        last_psi: number | null;
        last_at: Date;
      }[]
    >`
      select sensor_id, count(*)::int as checks, count(*) filter (where drift_detected)::int as detected,
             (array_agg(status order by created_at desc))[1] as last_status,
             (array_agg(ks_statistic order by created_at desc))[1] as last_ks,
             (array_agg(p_value order by created_at desc))[1] as last_p,
             (array_agg(psi order by created_at desc))[1] as last_psi,
             max(created_at) as last_at
      from drift_checks where created_at >= ${from} and created_at < ${to}
      group by sensor_id order by detected desc, sensor_id
      limit 1000`,
  ]);
}
