import { ingestionActivityRows } from '../../db/reports/ingestionActivity';
import type { Sql } from '../../db/sql';
import type { ReportBody, ReportPeriod } from '../../domain/report';
import { fillBuckets, iso, round } from './buckets';

/** The quality threshold of SPEC section 5 (ValidationAgent): below it a reading is low quality. */
export const LOW_QUALITY_BELOW = 0.8;

/**
 * Ingestion activity: what arrived when. Counted by `ingested_at` (when the platform received a
 * reading), not by the measurement time, because this report is about the pipeline.
 */
export async function buildIngestionActivity(sql: Sql, p: ReportPeriod): Promise<ReportBody> {
  const { from, to } = p;
  const [[figures], series, perSensor] = await ingestionActivityRows(p, LOW_QUALITY_BELOW, sql);
  const f = figures!;
  const points = fillBuckets(p, series);
  const peak = points.reduce<{ x: string; y: number } | undefined>((best, pt) => (!best || pt.y > best.y ? pt : best), undefined);
  const hours = (to.getTime() - from.getTime()) / 3_600_000;

  return {
    title: 'Ingestion activity',
    period: { from: from.toISOString(), to: to.toISOString() },
    summary: {
      readings: f.readings,
      sensors: f.sensors,
      readings_per_hour: round(f.readings / hours, 2),
      [`peak_${p.bucket}`]: peak && peak.y > 0 ? peak.x : null,
      [`peak_${p.bucket}_readings`]: peak?.y ?? 0,
      mean_quality: round(f.mean_quality),
      [`low_quality_below_${LOW_QUALITY_BELOW}`]: f.low_quality,
      median_ingestion_lag_seconds: round(f.median_lag_s, 1),
      p95_ingestion_lag_seconds: round(f.p95_lag_s, 1),
      csv_uploads: f.csv_uploads,
      csv_bytes: f.csv_bytes,
    },
    charts: [
      { id: 'ingested', title: `Readings ingested per ${p.bucket}`, type: 'line', series: [{ name: 'readings', points }] },
      {
        id: 'by_sensor',
        title: 'Readings by sensor (top 20)',
        type: 'bar',
        series: [{ name: 'readings', points: perSensor.slice(0, 20).map((s) => ({ x: s.sensor_id, y: s.n })) }],
      },
    ],
    tables: [
      {
        title: 'Readings by sensor',
        columns: ['sensor_id', 'sensor_type', 'readings', 'first_ts', 'last_ts', 'min', 'mean', 'max', 'mean_quality', 'low_quality'],
        rows: perSensor.map((s) => [
          s.sensor_id,
          s.sensor_type,
          s.n,
          iso(s.first_ts),
          iso(s.last_ts),
          round(s.min_value),
          round(s.mean_value),
          round(s.max_value),
          round(s.mean_quality),
          s.low_quality,
        ]),
      },
      { title: `Readings ingested per ${p.bucket}`, columns: [p.bucket, 'readings'], rows: points.map((pt) => [pt.x, pt.y]) },
    ],
  };
}
