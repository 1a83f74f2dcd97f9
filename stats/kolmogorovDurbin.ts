/**
 * Pr(D_n <= d) by Durbin's matrix algorithm in the form of Marsaglia, Tsang & Wang (2003):
 * write d = (k − h)/n, build the (2k−1)×(2k−1) matrix H, and the answer is n!/n^n · (H^n)[k,k].
 * Cost O(m³ log n) with m = 2k − 1, so it is only used where n·d is small.
 * Powers are rescaled by 2^±128 and the exponent tracked separately, because H^n overflows.
 */
const SCALE_EXPONENT = 128;
const SCALE_UP = 2 ** SCALE_EXPONENT;
const SCALE_DOWN = 2 ** -SCALE_EXPONENT;

export function kolmogorovCdfDurbinMatrix(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;

  // First column v (and, reversed, the last row): v[j] = (1 − h^(j+1)) / (j+1)!, corrected last entry.
  // Above the first column, H[i][j] = 1/(i − j + 1)! on and below the super-diagonal.
  const v = new Float64Array(m);
  const inverseFactorials = new Float64Array(m); // 1/j!, j = 0 … m−1
  let factorial = 1;
  for (let j = 1; j <= m; j++) {
    inverseFactorials[j - 1] = factorial;
    factorial /= j;
    v[j - 1] = (1 - h ** j) * factorial;
  }
  const correction = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + correction) * factorial;

  let H: Float64Array = new Float64Array(m * m);
  for (let col = 1; col < m; col++) {
    for (let row = col - 1; row < m; row++) H[row * m + col] = inverseFactorials[row - col + 1];
  }
  for (let row = 0; row < m; row++) H[row * m] = v[row];
  for (let col = 0; col < m; col++) H[(m - 1) * m + col] = v[m - 1 - col];

  let power: Float64Array = identity(m);
  let powerExponent = 0;
  let hExponent = 0;
  let remaining = n;
  const centre = (k - 1) * m + (k - 1);
  while (remaining > 0) {
    if (remaining % 2 === 1) {
      power = multiply(power, H, m);
      powerExponent += hExponent;
    }
    H = multiply(H, H, m);
    hExponent *= 2;
    if (Math.abs(H[centre]) > SCALE_UP) {
      for (let i = 0; i < H.length; i++) H[i] /= SCALE_UP;
      hExponent += SCALE_EXPONENT;
    }
    remaining = Math.floor(remaining / 2);
  }

  let p = power[centre];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < SCALE_DOWN) {
      p *= SCALE_UP;
      powerExponent -= SCALE_EXPONENT;
    }
  }
  p = scaleByPowerOfTwo(p, powerExponent);
  return Math.min(1, Math.max(0, p));
}

function identity(m: number): Float64Array {
  const result = new Float64Array(m * m);
  for (let i = 0; i < m; i++) result[i * m + i] = 1;
  return result;
}

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const result = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const ail = a[i * m + l];
      if (ail === 0) continue;
      for (let j = 0; j < m; j++) result[i * m + j] += ail * b[l * m + j];
    }
  }
  return result;
}

/** p · 2^exponent without the intermediate 2^exponent under- or overflowing (a stepwise ldexp). */
export function scaleByPowerOfTwo(p: number, exponent: number): number {
  let result = p;
  let left = exponent;
  while (left > 1000) {
    result *= 2 ** 1000;
    left -= 1000;
  }
  while (left < -1000) {
    result *= 2 ** -1000;
    left += 1000;
  }
  return result * 2 ** left;
}
