import { interpretPsi, ksTwoSample, psi } from '../stats';
import { insertDriftCheck } from '../db/driftChecks';
import { latestValidReadingTs, validValuesBetween } from '../db/quality';
import type { Sql } from '../db/sql';
import type { DriftResult } from '../domain/drift';

export type { DriftResult } from '../domain/drift';

export interface DriftParams {
  sensorId: string;
  windowMinutes: number;
  pValueThreshold: number;
  minSamples: number;
  /** Pinned reference window; without it the reference is the window just before the recent one. */
  referenceStart?: Date;
  referenceEnd?: Date;
  /** End of the recent window; defaults to the sensor's latest reading (not the wall clock). */
  endTs?: Date;
}

/**
 * DriftDetectionAgent's check for ONE sensor: two-sample Kolmogorov–Smirnov (exact for small
 * samples, asymptotic for large, as scipy's ks_2samp 'auto') of the recent window against the
 * reference window, plus PSI. Quarantined readings are excluded.
 */
export async function runDriftCheck(sql: Sql, p: DriftParams): Promise<DriftResult> {
  const base = { sensor_id: p.sensorId, window_minutes: p.windowMinutes, p_value_threshold: p.pValueThreshold, min_samples: p.minSamples };
  const end = p.endTs ?? (await latestValidReadingTs(p.sensorId, sql));
  if (!end) {
    return {
      ...base,
      status: 'no_data',
      drift_detected: false,
      ks_statistic: null,
      p_value: null,
      ks_method: null,
      psi: null,
      psi_band: null,
      recent: null,
      reference: null,
      message: `sensor ${p.sensorId} has no readings`,
    };
  }
  const windowMs = p.windowMinutes * 60_000;
  // Inclusive of `end`: the latest reading belongs to the recent window.
  const recentStart = new Date(end.getTime() - windowMs);
  const refEnd = p.referenceEnd ?? recentStart;
  const refStart = p.referenceStart ?? new Date(refEnd.getTime() - windowMs);
  const values = (from: Date, to: Date, includeEnd: boolean) => validValuesBetween(p.sensorId, from, to, includeEnd, sql);
  const [recentRows, refRows] = await Promise.all([values(recentStart, end, true), values(refStart, refEnd, p.referenceEnd !== undefined)]);
  const recent = recentRows.map((r) => r.value);
  const reference = refRows.map((r) => r.value);
  const windows = {
    recent: { start: recentStart.toISOString(), end: end.toISOString(), count: recent.length },
    reference: {
      start: refStart.toISOString(),
      end: refEnd.toISOString(),
      count: reference.length,
      pinned: p.referenceStart !== undefined,
    },
  };
  if (recent.length < p.minSamples || reference.length < p.minSamples) {
    return {
      ...base,
      ...windows,
      status: 'insufficient_data',
      drift_detected: false,
      ks_statistic: null,
      p_value: null,
      ks_method: null,
      psi: null,
      psi_band: null,
      message: `need at least ${p.minSamples} readings per window; recent has ${recent.length}, reference has ${reference.length}`,
    };
  }
  const ks = ksTwoSample(reference, recent);
  const stability = psi(reference, recent);
  const drift = ks.pValue < p.pValueThreshold;
  return {
    ...base,
    ...windows,
    status: 'ok',
    drift_detected: drift,
    ks_statistic: ks.statistic,
    p_value: ks.pValue,
    ks_method: ks.method,
    psi: stability.psi,
    psi_band: interpretPsi(stability.psi),
    message: drift
      ? `distribution changed: KS D=${ks.statistic.toFixed(3)}, p=${ks.pValue.toExponential(2)} < ${p.pValueThreshold}`
      : `no significant change: KS p=${ks.pValue.toPrecision(3)} ≥ ${p.pValueThreshold}`,
  };
}

/** Stores a drift check; with a dedup key a retried activity stores it once. */
export async function recordDriftCheck(sql: Sql, r: DriftResult, workflowId: string | null, dedupKey: string | null): Promise<void> {
  await insertDriftCheck(
    {
      sensorId: r.sensor_id,
      windowMinutes: r.window_minutes,
      referenceCount: r.reference?.count ?? 0,
      recentCount: r.recent?.count ?? 0,
      ksStatistic: r.ks_statistic,
      pValue: r.p_value,
      psi: r.psi,
      driftDetected: r.drift_detected,
      status: r.status,
      workflowId,
      dedupKey,
    },
    sql,
  );
}
