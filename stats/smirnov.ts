/**
 * One-sided Smirnov survival function Pr(D+_n >= x) for a sample of size n: the quantity
 * `scipy.special.smirnov(n, x)` returns. The two-sided Kolmogorov distribution falls back on
 * 2·smirnov where the two tails cannot overlap (x >= 0.5) or where their overlap is negligible.
 *
 * Birnbaum–Tingey / Smirnov (1944):
 *   Pr(D+_n >= x) = x · Σ_{v=0}^{⌊n(1−x)⌋} C(n,v) (1 − x − v/n)^(n−v) (x + v/n)^(v−1)
 * Every term is positive, so the sum is evaluated in log space (a log-sum-exp) instead of the
 * double-double arithmetic of scipy's C implementation; the two agree far below 1e-9.
 */

/** Below this, exp() underflows to 0 (cephes' MINLOG). */
const MIN_LOG = -708.3964185322641;
/** scipy switches to an approximation above this n because the exact sum takes too long. */
const MAX_EXACT_N = 1_000_000;

export function smirnovSf(n: number, x: number): number {
  if (!(n > 0) || !(x >= 0 && x <= 1) || !Number.isInteger(n)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;

  const nx = n * x;
  const nxFloor = Math.floor(nx);
  // x <= 1/n: only the v = 0 term survives, in closed form.
  if (nxFloor === 0 || (nxFloor === 1 && nx === 1)) return 1 - x * Math.pow(1 + x, n - 1);
  if (-2 * n * x * x < MIN_LOG) return 0;
  // x >= 1 − 1/n: only the last term survives.
  if (nxFloor >= n - 1) return Math.pow(1 - x, n);
  if (n > MAX_EXACT_N) {
    const logP = -Math.pow(6 * n * x + 1, 2) / 18 / n;
    return logP < -Math.LN2 ? Math.exp(logP) : -Math.expm1(logP);
  }

  // v runs while 1 − x − v/n > 0; when n(1−x) is an integer the last term is exactly 0.
  const lastV = Math.ceil(n - nx) - 1;
  const logTerms: number[] = [];
  let logBinomial = 0;
  let maxLog = Number.NEGATIVE_INFINITY;
  for (let v = 0; v <= lastV; v++) {
    if (v > 0) logBinomial += Math.log((n - v + 1) / v);
    const lower = (n - v - nx) / n; // 1 − x − v/n
    const upper = (v + nx) / n; // x + v/n
    const logTerm = logBinomial + (n - v) * Math.log(lower) + (v - 1) * Math.log(upper);
    logTerms.push(logTerm);
    if (logTerm > maxLog) maxLog = logTerm;
  }
  let scaledSum = 0;
  for (const logTerm of logTerms) scaledSum += Math.exp(logTerm - maxLog);
  const sf = x * scaledSum * Math.exp(maxLog);
  return Math.min(1, Math.max(0, sf));
}
