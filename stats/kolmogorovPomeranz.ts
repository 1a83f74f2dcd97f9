/**
 * Pr(D_n <= d) by the Pomeranz (1974) recursion: 2n+1 rows, each the convolution of the previous
 * row with (unnormalised) Poisson weights; n! times the last entry is the CDF. Only a short band of
 * each row is non-zero, so two rows of length 2(⌊nd⌋+1) and their start offsets are kept.
 * Used for n <= 140 where 0.754693 < n·d² <= 4, as in Simard & L'Ecuyer's selection.
 */
import { scaleByPowerOfTwo } from './kolmogorovDurbin';

const SCALE_EXPONENT = 128;
const SCALE_UP = 2 ** SCALE_EXPONENT;
const SCALE_DOWN = 2 ** -SCALE_EXPONENT;

export function kolmogorovCdfPomeranz(n: number, d: number): number {
  const t = n * d;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilF = f > 0 ? 1 : 0;
  const roundF = f > 0.5 ? 1 : 0;
  const width = 2 * (ll + 1);

  // Three families of weights w^m/m! with w = g/n, 2g/n and (1 − 2g)/n.
  const gPowers = new Float64Array(width);
  const twoGPowers = new Float64Array(width);
  const oneMinusTwoGPowers = new Float64Array(width);
  gPowers[0] = twoGPowers[0] = oneMinusTwoGPowers[0] = 1;
  for (let m = 1; m < width; m++) {
    gPowers[m] = (gPowers[m - 1] * (g / n)) / m;
    twoGPowers[m] = (twoGPowers[m - 1] * ((2 * g) / n)) / m;
    oneMinusTwoGPowers[m] = (oneMinusTwoGPowers[m - 1] * ((1 - 2 * g) / n)) / m;
  }

  let previous = new Float64Array(width);
  let current = new Float64Array(width);
  current[0] = 1;
  let previousStart = 0;
  let currentStart = 0;
  let exponent = 0;
  let [j1] = rowBand(0, n, ll, ceilF, roundF);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
    current.fill(0);
    const band = rowBand(i, n, ll, ceilF, roundF);
    j1 = band[0];
    const j2 = band[1];
    const weights = i === 1 || i === 2 * n + 1 ? gPowers : i % 2 === 1 ? twoGPowers : oneMinusTwoGPowers;
    const length = j2 - k1 + 1;
    if (length > 0) {
      const source = previous.subarray(k1 - previousStart, Math.min(k1 - previousStart + length, width));
      const firstUsed = j1 - k1;
      const usedCount = j2 - j1 + 1;
      for (let out = 0; out < usedCount; out++) {
        const index = firstUsed + out; // index into the full convolution of source and weights[0..length)
        let sum = 0;
        const lo = Math.max(0, index - (length - 1));
        const hi = Math.min(index, source.length - 1);
        for (let s = lo; s <= hi; s++) sum += source[s] * weights[index - s];
        current[out] = sum;
      }
      let max = Number.NEGATIVE_INFINITY;
      for (const value of current) if (value > max) max = value;
      if (max > 0 && max < SCALE_DOWN) {
        for (let q = 0; q < width; q++) current[q] *= SCALE_UP;
        exponent -= SCALE_EXPONENT;
      }
      currentStart = previousStart + j1 - k1;
    }
  }

  let answer = current[n - currentStart];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > SCALE_UP) {
      answer *= SCALE_DOWN;
      exponent += SCALE_EXPONENT;
    }
    answer *= m;
  }
  answer = scaleByPowerOfTwo(answer, exponent);
  return Math.min(1, Math.max(0, answer));
}

/** The [first, last] non-zero indices of row i of the recursion. */
function rowBand(i: number, n: number, ll: number, ceilF: number, roundF: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilF - 1;
    j2 = ll + ceilF - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilF - 1;
        j2 = n + ll + ceilF - 1;
      } else {
        j1 = half - 1 - ll - roundF - 1;
        j2 = half + ll - 1 + ceilF - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundF - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
