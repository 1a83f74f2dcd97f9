/**
 * Survival function of the two-sided one-sample Kolmogorov–Smirnov statistic D_n, i.e. scipy's
 * `kstwo.sf(x, n)`. ks_2samp's asymptotic branch evaluates it at n = round(n1·n2/(n1+n2)).
 *
 * The algorithm selection is Simard & L'Ecuyer (2011), as scipy's `_kolmogn` implements it, so
 * that the p-values agree with scipy: Ruben–Gambino closed forms at the extremes, the
 * Durbin matrix (Marsaglia–Tsang–Wang) or Pomeranz recursion for small n·x², Pelz–Good for large n,
 * and 2·smirnov in the upper tail.
 */
import { smirnovSf } from './smirnov';
import { kolmogorovCdfDurbinMatrix } from './kolmogorovDurbin';
import { kolmogorovCdfPomeranz } from './kolmogorovPomeranz';
import { kolmogorovCdfPelzGood } from './kolmogorovPelzGood';

const clip01 = (p: number) => Math.min(1, Math.max(0, p));

export function kolmogorovSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0) return Number.NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    // Ruben–Gambino: for 1/(2n) <= x <= 1/n, Pr(D_n <= x) = n!/n^n · (2t − 1)^n.
    if (t <= 0.5) return 1;
    const cdf = n <= 140 ? productRubenGambino(n, t) : Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    return clip01(1 - cdf);
  }
  if (t >= n - 1) return clip01(2 * Math.pow(1 - x, n));
  if (x >= 0.5) return clip01(2 * smirnovSf(n, x));

  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) return clip01(1 - kolmogorovCdfDurbinMatrix(n, x));
    if (nxSquared <= 4) return clip01(1 - kolmogorovCdfPomeranz(n, x));
    return clip01(2 * smirnovSf(n, x));
  }
  if (nxSquared >= 370) return 0;
  if (nxSquared >= 2.2) return clip01(2 * smirnovSf(n, x));
  let cdf: number;
  if (nxSquared >= 18) cdf = 1;
  else if (n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4) cdf = kolmogorovCdfDurbinMatrix(n, x);
  else cdf = kolmogorovCdfPelzGood(n, x);
  return clip01(1 - clip01(cdf));
}

function productRubenGambino(n: number, t: number): number {
  let product = 1;
  for (let i = 1; i <= n; i++) product *= i * (1 / n) * (2 * t - 1);
  return product;
}

/** log(n!/n^n) by Stirling's series with n·log(n) removed up front to avoid cancellation. */
function logFactorialOverPower(n: number): number {
  // Stirling coefficients B_2j / (2j(2j−1)), j = 8 … 1 (highest first, for Horner).
  const coefficients = [
    -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4,
    7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
  ];
  const inverse = 1 / n;
  const inverseSquared = inverse / n;
  let series = 0;
  for (const c of coefficients) series = series * inverseSquared + c;
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + inverse * series;
}
