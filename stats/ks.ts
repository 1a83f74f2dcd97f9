/**
 * Two-sample Kolmogorov–Smirnov test, two-sided, reproducing
 * `scipy.stats.ks_2samp(a, b, alternative='two-sided', method='auto')` (checked against scipy 1.17.1):
 *
 * - D = sup |F_a − F_b| over the pooled values, with both ECDFs evaluated right-continuously at
 *   every pooled value, so ties across samples are handled as scipy does (searchsorted 'right').
 * - 'auto' chooses the exact lattice-path p-value when max(n1, n2) <= 10000, otherwise the
 *   asymptotic one. (Not n1·n2 — that was the rule of older scipy releases.)
 * - Exact: D is snapped to h / lcm(n1, n2); the p-value is computed by path counting. If that
 *   computation does not produce a number in [0, 1] (it can overshoot 1 by rounding when D is tiny),
 *   scipy falls back to the asymptotic p-value, keeping the snapped D; so do we.
 * - Asymptotic: scipy does not use the limiting Kolmogorov distribution (kstwobign) here but the
 *   one-sample finite-n distribution kstwo.sf(D, round(n1·n2/(n1+n2))).
 */
import { kolmogorovSf } from './kolmogorovDistribution';
import { probabilityOutsideBand, probabilityOutsideSquare } from './ksTwoSampleExact';

export type KsMethod = 'exact' | 'asymp';

export interface KsTwoSampleResult {
  statistic: number;
  pValue: number;
  method: KsMethod;
  n1: number;
  n2: number;
}

/** scipy's MAX_AUTO_N: 'auto' attempts the exact p-value while both samples are at most this long. */
export const KS_EXACT_MAX_SAMPLE_SIZE = 10_000;

export function ksTwoSample(a: readonly number[], b: readonly number[]): KsTwoSampleResult {
  assertUsableSample(a, 'first');
  assertUsableSample(b, 'second');
  const sortedA = Float64Array.from(a).sort();
  const sortedB = Float64Array.from(b).sort();
  const n1 = sortedA.length;
  const n2 = sortedB.length;
  const rawStatistic = maxEcdfDistance(sortedA, sortedB);

  if (Math.max(n1, n2) <= KS_EXACT_MAX_SAMPLE_SIZE) {
    const exact = exactPValue(n1, n2, rawStatistic);
    if (exact.ok) return { statistic: exact.statistic, pValue: exact.pValue, method: 'exact', n1, n2 };
    return { statistic: exact.statistic, pValue: asymptoticPValue(n1, n2, exact.statistic), method: 'asymp', n1, n2 };
  }
  return { statistic: rawStatistic, pValue: asymptoticPValue(n1, n2, rawStatistic), method: 'asymp', n1, n2 };
}

function assertUsableSample(sample: readonly number[], which: string): void {
  if (sample.length === 0) throw new RangeError(`ksTwoSample: the ${which} sample is empty`);
  const badIndex = sample.findIndex((value) => typeof value !== 'number' || !Number.isFinite(value));
  if (badIndex >= 0) {
    throw new RangeError(`ksTwoSample: the ${which} sample has a non-finite value (${sample[badIndex]}) at index ${badIndex}`);
  }
}

/**
 * max over pooled values t of |F_a(t) − F_b(t)|, F = count(x <= t)/n. Walking both sorted arrays
 * one distinct value at a time evaluates exactly the pooled points scipy evaluates.
 */
function maxEcdfDistance(sortedA: Float64Array, sortedB: Float64Array): number {
  const n1 = sortedA.length;
  const n2 = sortedB.length;
  let i = 0;
  let j = 0;
  let maxAboveB = Number.NEGATIVE_INFINITY;
  let minBelowB = Number.POSITIVE_INFINITY;
  while (i < n1 || j < n2) {
    const next = j >= n2 || (i < n1 && sortedA[i] <= sortedB[j]) ? sortedA[i] : sortedB[j];
    while (i < n1 && sortedA[i] === next) i++;
    while (j < n2 && sortedB[j] === next) j++;
    // Same division order as scipy (count/n1 − count/n2) so D is bit-identical.
    const difference = i / n1 - j / n2;
    if (difference > maxAboveB) maxAboveB = difference;
    if (difference < minBelowB) minBelowB = difference;
  }
  const below = Math.min(Math.max(-minBelowB, 0), 1);
  return below > maxAboveB ? below : maxAboveB;
}

function exactPValue(n1: number, n2: number, d: number): { ok: boolean; statistic: number; pValue: number } {
  const g = gcd(n1, n2);
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const statistic = h / lcm;
  if (h === 0) return { ok: true, statistic, pValue: 1 };
  const pValue = n1 === n2 ? probabilityOutsideSquare(n1, h) : probabilityOutsideBand(n1, n2, g, h);
  return { ok: pValue >= 0 && pValue <= 1, statistic, pValue };
}

function asymptoticPValue(n1: number, n2: number, d: number): number {
  const effectiveN = (n1 * n2) / (n1 + n2);
  return Math.min(1, Math.max(0, kolmogorovSf(roundHalfEven(effectiveN), d)));
}

/** numpy's round: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
