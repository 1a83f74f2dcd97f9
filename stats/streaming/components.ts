/**
 * The per-reading evidence the streaming detector combines. Every component scores reading t from
 * readings 0..t−1 of the same sensor (then learns reading t) and keeps plain-JSON state.
 */

/** Upper tail of the standard normal, Q(z) = P(Z > z) (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
export function normalTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/** HTM's log scale for a tail probability: 0 for p = 1, 0.5 for p = 1e-5, 1 for p <= 1e-10. */
export function logSurprise(tail: number): number {
  return Math.max(0, Math.min(1, Math.log(tail + 1e-10) / Math.log(1e-10)));
}

export interface LikelihoodState {
  short: number[];
  mean: number;
  variance: number;
  count: number;
}

export function newLikelihood(): LikelihoodState {
  return { short: [], mean: 0, variance: 0, count: 0 };
}

/**
 * Anomaly likelihood in the spirit of HTM's (Ahmad et al. 2017): the average of the last
 * `shortWindow` raw scores against the exponentially weighted distribution of that average
 * (memory ≈ 2/longAlpha readings); the Gaussian upper tail on HTM's log scale.
 */
export function updateLikelihood(st: LikelihoodState, raw: number, shortWindow: number, longAlpha: number, warmup: number): number {
  st.short.push(raw);
  if (st.short.length > shortWindow) st.short.shift();
  let avg = 0;
  for (const r of st.short) avg += r;
  avg /= st.short.length;
  let out = 0;
  if (st.count > warmup) out = logSurprise(normalTail((avg - st.mean) / (Math.sqrt(st.variance) + 1e-4)));
  const a = Math.max(longAlpha, 1 / (st.count + 1));
  const d = avg - st.mean;
  st.mean += a * d;
  st.variance = (1 - a) * (st.variance + a * d * d);
  st.count++;
  return out;
}
