/**
 * Scale-free window features of a univariate sensor stream: the TypeScript twin of
 * models/training/window_features.py (the formulas are documented there and in the model card).
 * Sums run left to right, as in the Python, so both produce the same float64 values up to the
 * last bit of a logarithm (V8's Math.log and the C library's may round differently), far below
 * the float32 rounding of the model input.
 */

export const WINDOW = 20;
export const SHORT_WINDOW = 5;
const SCALE_FLOOR = 1e-6;
const CLIP = 50;
const LOG_CLIP = 10;
/** 1.4826 × MAD estimates the standard deviation of Gaussian data. */
const MAD_TO_SD = 1.4826;

export const WINDOW_FEATURE_NAMES = ['robust_z', 'z', 'diff_z', 'log_sd_ratio'] as const;

export interface WindowFeatures {
  robust_z: number;
  z: number;
  diff_z: number;
  log_sd_ratio: number;
}

function mean(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}

function populationStd(values: readonly number[]): number {
  const m = mean(values);
  let total = 0;
  for (const v of values) total += (v - m) * (v - m);
  return Math.sqrt(total / values.length);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Features of series[t] against the WINDOW readings before it; t must be ≥ WINDOW. */
export function pointFeatures(series: readonly number[], t: number): WindowFeatures {
  const window = series.slice(t - WINDOW, t);
  const x = series[t]!;
  const med = median(window);
  const mad = median(window.map((v) => Math.abs(v - med)));
  const m = mean(window);
  const sd = populationStd(window);
  const diffs: number[] = [];
  for (let i = 1; i < WINDOW; i++) diffs.push(window[i]! - window[i - 1]!);
  const sdDiff = populationStd(diffs);
  const sdShort = populationStd(series.slice(t - SHORT_WINDOW + 1, t + 1));
  const floor = SCALE_FLOOR * (Math.abs(med) + 1);
  const logRatio = Math.log(Math.max(sdShort, floor) / Math.max(sd, floor));
  return {
    robust_z: Math.min(Math.abs(x - med) / Math.max(MAD_TO_SD * mad, floor), CLIP),
    z: Math.min(Math.abs(x - m) / Math.max(sd, floor), CLIP),
    diff_z: Math.min(Math.abs(x - series[t - 1]!) / Math.max(sdDiff, floor), CLIP),
    log_sd_ratio: Math.max(-LOG_CLIP, Math.min(LOG_CLIP, logRatio)),
  };
}

/** Features of every scorable point (index WINDOW onwards), in order. */
export function seriesFeatures(series: readonly number[]): WindowFeatures[] {
  const out: WindowFeatures[] = [];
  for (let t = WINDOW; t < series.length; t++) out.push(pointFeatures(series, t));
  return out;
}
