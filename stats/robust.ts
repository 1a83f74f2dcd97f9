/**
 * Robust location/scale and the robust z-score used by the statistical anomaly detector.
 * Median and MAD barely move when a few readings are wild, so the anomalies being scored do not
 * drag the baseline towards themselves the way a mean and standard deviation would.
 *
 * The learned, per-sensor baselines built on these live beside this file: ewmaBaseline.ts and
 * rollingRobustBaseline.ts (all exported together from stats/index.ts).
 */
import { zFromScale } from './zScore';

/** 1/Φ⁻¹(3/4): makes the MAD a consistent estimator of σ for normally distributed data. */
export const MAD_NORMAL_SCALE = 1.4826;
/** √(π/2): the same consistency factor for the mean absolute deviation, the fallback when MAD = 0. */
const MEAN_ABSOLUTE_DEVIATION_NORMAL_SCALE = 1.2533;

export function median(values: readonly number[]): number {
  assertUsable(values, 'median');
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median absolute deviation from the median, times `scale` (1.4826 by default, so ≈ σ for normal data). */
export function mad(values: readonly number[], scale: number = MAD_NORMAL_SCALE): number {
  const centre = median(values);
  return median(values.map((v) => Math.abs(v - centre))) * scale;
}

export interface RobustScale {
  median: number;
  /** The scale the z-score divides by: the scaled MAD, or the scaled mean absolute deviation when MAD is 0. */
  scale: number;
}

/**
 * Median and a σ-like scale of a sample. When more than half the values are equal the MAD is 0 and
 * every other value would score ±Infinity; the scaled mean absolute deviation (Iglewicz & Hoaglin's
 * fallback) still reflects the spread of the remaining values. Only a constant sample has scale 0.
 */
export function robustScale(values: readonly number[]): RobustScale {
  const centre = median(values);
  const deviations = values.map((v) => Math.abs(v - centre));
  const madScale = median(deviations) * MAD_NORMAL_SCALE;
  if (madScale > 0) return { median: centre, scale: madScale };
  const meanDeviation = deviations.reduce((sum, d) => sum + d, 0) / deviations.length;
  return { median: centre, scale: meanDeviation * MEAN_ABSOLUTE_DEVIATION_NORMAL_SCALE };
}

/**
 * (x − median) / scale against a reference sample or a precomputed {median, scale}.
 * With scale 0 (a constant reference), x equal to it scores 0 and anything else ±Infinity: a
 * change from a perfectly flat signal is as surprising as it gets, and callers threshold on |z|.
 */
export function robustZScore(x: number, reference: readonly number[] | RobustScale): number {
  if (!Number.isFinite(x)) throw new RangeError(`robustZScore: x must be finite, got ${x}`);
  const { median: centre, scale } = Array.isArray(reference) ? robustScale(reference) : (reference as RobustScale);
  return zFromScale(x, centre, scale);
}

function assertUsable(values: readonly number[], what: string): void {
  if (values.length === 0) throw new RangeError(`${what}: the sample is empty`);
  const badIndex = values.findIndex((value) => !Number.isFinite(value));
  if (badIndex >= 0) throw new RangeError(`${what}: non-finite value (${values[badIndex]}) at index ${badIndex}`);
}
