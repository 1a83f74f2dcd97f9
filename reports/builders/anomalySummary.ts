import { anomalySummaryRows } from '../../db/reports/anomalySummary';
import type { Sql } from '../../db/sql';
import type { ReportBody, ReportPeriod } from '../../domain/report';
import { fillBuckets, iso, round } from './buckets';

/** Anomaly summary: what was flagged, where, by which method, how credible, and what drifted. */
export async function buildAnomalySummary(sql: Sql, p: ReportPeriod): Promise<ReportBody> {
  const { from, to } = p;
  const [[figures], series, bySensorMethod, drift] = await anomalySummaryRows(p, sql);
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
