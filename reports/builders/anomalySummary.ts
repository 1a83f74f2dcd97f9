import type { Sql } from '../../db/sql';
import type { ReportBody, ReportPeriod } from '../types';
import { fillBuckets, iso, round } from './buckets';

/** Anomaly summary: what was flagged, where, by which method, how credible, and what drifted. */
export async function buildAnomalySummary(sql: Sql, p: ReportPeriod): Promise<ReportBody> {
  const { from, to } = p;
  const [[figures], series, bySensorMethod, drift] = await Promise.all([
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
  const f = figures!;
  const total = (key: 'sensor_id' | 'method') => {
    const m = new Map<string, number>();
    for (const r of bySensorMethod) m.set(r[key], (m.get(r[key]) ?? 0) + r.n);
    return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([x, y]) => ({ x, y }));
  };

  return {
    title: 'Anomaly summary',
    period: { from: from.toISOString(), to: to.toISOString() },
    summary: {
      anomalies: f.anomalies,
      sensors_affected: f.sensors_affected,
      credible: f.credible,
      not_credible: f.not_credible,
      unjudged: f.unjudged,
      mean_score: round(f.mean_score),
      max_score: round(f.max_score),
      drift_checks: f.drift_checks,
      drift_detected: f.drift_detected,
      drift_insufficient_data: f.insufficient_data,
    },
    charts: [
      {
        id: 'anomalies',
        title: `Anomalies per ${p.bucket}`,
        type: 'line',
        series: [{ name: 'anomalies', points: fillBuckets(p, series) }],
      },
      {
        id: 'by_sensor',
        title: 'Anomalies by sensor (top 20)',
        type: 'bar',
        series: [{ name: 'anomalies', points: total('sensor_id').slice(0, 20) }],
      },
      { id: 'by_method', title: 'Anomalies by method', type: 'bar', series: [{ name: 'anomalies', points: total('method') }] },
    ],
    tables: [
      {
        title: 'Anomalies by sensor and method',
        columns: ['sensor_id', 'method', 'anomalies', 'mean_score', 'max_score', 'credible', 'first', 'last'],
        rows: bySensorMethod.map((r) => [
          r.sensor_id,
          r.method,
          r.n,
          round(r.mean_score),
          round(r.max_score),
          r.credible,
          iso(r.first_ts),
          iso(r.last_ts),
        ]),
      },
      {
        title: 'Drift checks by sensor',
        columns: ['sensor_id', 'checks', 'drift_detected', 'last_status', 'last_ks_statistic', 'last_p_value', 'last_psi', 'last_checked'],
        rows: drift.map((r) => [
          r.sensor_id,
          r.checks,
          r.detected,
          r.last_status,
          round(r.last_ks, 4),
          round(r.last_p, 4),
          round(r.last_psi, 4),
          iso(r.last_at),
        ]),
      },
    ],
  };
}
