import { systemHealthRows } from '../../db/reports/systemHealth';
import type { Sql } from '../../db/sql';
import type { ReportBody, ReportPeriod } from '../../domain/report';
import { fillBuckets, iso, round } from './buckets';

/** System health: is data flowing, are sensors reporting, are the agents' outputs healthy. */
export async function buildSystemHealth(sql: Sql, p: ReportPeriod): Promise<ReportBody> {
  const { from, to } = p;
  const [[figures], readingSeries, anomalySeries, sensors, notifications] = await systemHealthRows(p, sql);
  const f = figures!;
  const attempts = f.notifications_sent + f.notifications_failed;
  const byStatus = new Map<string, number>();
  for (const n of notifications) byStatus.set(n.status, (byStatus.get(n.status) ?? 0) + n.n);

  return {
    title: 'System health',
    period: { from: from.toISOString(), to: to.toISOString() },
    summary: {
      readings: f.readings,
      sensors_reporting: f.sensors_reporting,
      sensors_registered: f.sensors_registered,
      sensors_stale_24h: f.sensors_stale,
      anomalies: f.anomalies,
      drift_checks: f.drift_checks,
      drift_detected: f.drift_detected,
      predictions: f.predictions,
      high_risk_predictions: f.high_risk_predictions,
      open_orders: f.open_orders,
      notifications_sent: f.notifications_sent,
      notifications_failed: f.notifications_failed,
      notification_failure_rate: attempts ? round(f.notifications_failed / attempts) : null,
      events: f.events,
      last_reading: iso(f.last_reading),
    },
    charts: [
      {
        id: 'readings',
        title: `Readings per ${p.bucket}`,
        type: 'line',
        series: [{ name: 'readings', points: fillBuckets(p, readingSeries) }],
      },
      {
        id: 'anomalies',
        title: `Anomalies per ${p.bucket}`,
        type: 'line',
        series: [{ name: 'anomalies', points: fillBuckets(p, anomalySeries) }],
      },
      {
        id: 'notification_outcomes',
        title: 'Notification attempts by outcome',
        type: 'bar',
        series: [{ name: 'attempts', points: [...byStatus].map(([x, y]) => ({ x, y })) }],
      },
    ],
    tables: [
      {
        title: 'Sensors',
        columns: ['sensor_id', 'type', 'readings', 'mean_quality', 'last_reading', 'anomalies', 'latest_drift_status'],
        rows: sensors.map((s) => [s.sensor_id, s.type, s.readings, round(s.mean_quality), iso(s.last_ts), s.anomalies, s.drift]),
      },
      {
        title: 'Notification attempts by channel and outcome',
        columns: ['channel', 'status', 'attempts'],
        rows: notifications.map((n) => [n.channel, n.status, n.n]),
      },
    ],
  };
}
