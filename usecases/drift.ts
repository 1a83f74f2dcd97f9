import { interpretPsi, ksTwoSample, psi } from '../stats';
import { insertDriftCheck } from '../db/driftChecks';
import { latestValidReadingTs, validValuesBetween } from '../db/quality';
import type { Sql } from '../db/sql';
import type { DriftResult } from '../domain/drift';

export type { DriftResult } from '../domain/drift';
import { InvalidInput } from '../domain/errors';
import { fieldError } from '../domain/fieldErrorText';

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
  /** Longest pinned reference window, in days (DRIFT_MAX_REFERENCE_DAYS); longer is InvalidInput. */
  maxReferenceDays?: number;
  /** Most readings read per window (DRIFT_MAX_ROWS_PER_WINDOW): the latest ones. */
  maxRows?: number;
}

/** Bounds when the caller gives none (the monitoring activity): the same as the config defaults. */
export const DRIFT_DEFAULT_MAX_REFERENCE_DAYS = 30;
export const DRIFT_DEFAULT_MAX_ROWS = 50_000;

/**
 * DriftDetectionAgent's check for ONE sensor: two-sample Kolmogorov–Smirnov (exact for small
 * samples, asymptotic for large, as scipy's ks_2samp 'auto') of the recent window against the
 * reference window, plus PSI. Quarantined readings are excluded.
 */
export async function runDriftCheck(sql: Sql, p: DriftParams): Promise<DriftResult> {
  const maxRows = p.maxRows ?? DRIFT_DEFAULT_MAX_ROWS;
  assertReferenceSpan(p);
  const base = {
    sensor_id: p.sensorId,
    window_minutes: p.windowMinutes,
    p_value_threshold: p.pValueThreshold,
    min_samples: p.minSamples,
    row_limit: maxRows,
  };
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
  // One row beyond the limit tells whether the window had more; that row is not used.
  const values = async (from: Date, to: Date, includeEnd: boolean) =>
    (await validValuesBetween(p.sensorId, from, to, includeEnd, sql, maxRows + 1)).map((r) => r.value);
  const [recentRows, refRows] = await Promise.all([values(recentStart, end, true), values(refStart, refEnd, p.referenceEnd !== undefined)]);
  const recent = recentRows.slice(0, maxRows);
  const reference = refRows.slice(0, maxRows);
  const windows = {
    recent: { start: recentStart.toISOString(), end: end.toISOString(), count: recent.length, truncated: recentRows.length > maxRows },
    reference: {
      start: refStart.toISOString(),
      end: refEnd.toISOString(),
      count: reference.length,
      pinned: p.referenceStart !== undefined,
      truncated: refRows.length > maxRows,
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

/**
 * A pinned reference window may not span more than `maxReferenceDays`: a 1970–2100 window would
 * read a sensor's whole history (and the row limit alone would silently compare against only its
 * latest slice).
 */
function assertReferenceSpan(p: DriftParams): void {
  if (!p.referenceStart || !p.referenceEnd) return;
  const maxDays = p.maxReferenceDays ?? DRIFT_DEFAULT_MAX_REFERENCE_DAYS;
  const spanDays = (p.referenceEnd.getTime() - p.referenceStart.getTime()) / 86_400_000;
  if (spanDays > maxDays) {
    throw new InvalidInput(
      [
        fieldError(
          'reference_end',
          'reference_window_too_long',
          `the reference window spans ${spanDays.toFixed(1)} days; at most ${maxDays} are allowed`,
          { days: Number(spanDays.toFixed(1)), maximum: maxDays },
        ),
      ],
      'The reference window is too long',
    );
  }
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
