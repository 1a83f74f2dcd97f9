import { getSql, type Sql } from '../sql';
import type { ReportWindow } from './window';

/** Orders in these states need nobody's attention any more. */
const SETTLED = ['completed', 'closed', 'cancelled', 'rejected'];

/** The rows of the system-health report: figures, readings and anomalies per bucket, sensors, notifications. */
export async function systemHealthRows(p: ReportWindow, sql: Sql = getSql()) {
  const { from, to } = p;
  return Promise.all([
    sql<
      {
        readings: number;
        sensors_reporting: number;
        sensors_registered: number;
        sensors_stale: number;
        anomalies: number;
        drift_checks: number;
        drift_detected: number;
        predictions: number;
        high_risk_predictions: number;
        open_orders: number;
        notifications_sent: number;
        notifications_failed: number;
        events: number;
        last_reading: Date | null;
      }[]
    >`
      select
        (select count(*)::int from sensor_readings where ts >= ${from} and ts < ${to}) as readings,
        (select count(distinct sensor_id)::int from sensor_readings where ts >= ${from} and ts < ${to}) as sensors_reporting,
        (select count(*)::int from sensors) as sensors_registered,
        (select count(*)::int from sensors s where not exists (
          select 1 from sensor_readings r where r.sensor_id = s.id and r.ts < ${to} and r.ts >= ${to}::timestamptz - interval '24 hours'
        )) as sensors_stale,
        (select count(*)::int from anomalies where ts >= ${from} and ts < ${to}) as anomalies,
        (select count(*)::int from drift_checks where created_at >= ${from} and created_at < ${to}) as drift_checks,
        (select count(*)::int from drift_checks where created_at >= ${from} and created_at < ${to} and drift_detected) as drift_detected,
        (select count(*)::int from predictions where created_at >= ${from} and created_at < ${to}) as predictions,
        (select count(*)::int from predictions where created_at >= ${from} and created_at < ${to} and prediction = 1) as high_risk_predictions,
        (select count(*)::int from maintenance_orders where status <> all(${SETTLED}::text[]) and created_at < ${to}) as open_orders,
        (select count(*)::int from notifications where created_at >= ${from} and created_at < ${to} and status = 'sent') as notifications_sent,
        (select count(*)::int from notifications where created_at >= ${from} and created_at < ${to} and status = 'failed') as notifications_failed,
        (select count(*)::int from events where ts >= ${from} and ts < ${to}) as events,
        (select max(ts) from sensor_readings where ts < ${to}) as last_reading`,
    sql<{ bucket: Date; n: number }[]>`
      select date_trunc(${p.bucket}, ts, 'UTC') as bucket, count(*)::int as n
      from sensor_readings where ts >= ${from} and ts < ${to} group by 1`,
    sql<{ bucket: Date; n: number }[]>`
      select date_trunc(${p.bucket}, ts, 'UTC') as bucket, count(*)::int as n
      from anomalies where ts >= ${from} and ts < ${to} group by 1`,
    sql<
      {
        sensor_id: string;
        type: string;
        readings: number;
        mean_quality: number | null;
        last_ts: Date | null;
        anomalies: number;
        drift: string | null;
      }[]
    >`
      select s.id as sensor_id, s.type,
        coalesce(r.readings, 0) as readings, r.mean_quality,
        (select max(x.ts) from sensor_readings x where x.sensor_id = s.id and x.ts < ${to}) as last_ts,
        coalesce(a.anomalies, 0) as anomalies,
        (select d.status from drift_checks d where d.sensor_id = s.id and d.created_at < ${to} order by d.created_at desc limit 1) as drift
      from sensors s
      left join (
        select sensor_id, count(*)::int as readings, avg(quality)::float8 as mean_quality
        from sensor_readings where ts >= ${from} and ts < ${to} group by sensor_id
      ) r on r.sensor_id = s.id
      left join (
        select sensor_id, count(*)::int as anomalies from anomalies where ts >= ${from} and ts < ${to} group by sensor_id
      ) a on a.sensor_id = s.id
      order by readings desc, s.id
      limit 500`,
    sql<{ channel: string; status: string; n: number }[]>`
      select channel, status, count(*)::int as n from notifications
      where created_at >= ${from} and created_at < ${to}
      group by channel, status order by channel, status`,
  ]);
}
