/**
 * Exact null distribution of the two-sided two-sample KS statistic, by counting lattice paths
 * (Hodges 1958, after Drion/Gnedenko/Korolyuk). With D = h / lcm(n1, n2), the p-value is the
 * share of the C(n1+n2, n1) monotone paths from (0,0) to (n1,n2) that touch |x/n1 − y/n2| >= D.
 */

/**
 * n1 = n2 = n: Pr(D >= h/n) = 2 Σ_k (−1)^(k−1) C(2n, n−kh) / C(2n, n), evaluated Horner-style with
 * each ratio of binomials expanded into h simple factors, which avoids the cancellation of the
 * alternating sum. Rounding can push the result a hair above 1; the caller treats that as failure.
 */
export function probabilityOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    p = ratio * (1 - p);
  }
  return 2 * p;
}

/**
 * n1 != n2: 1 − (share of paths staying strictly inside the band |n·x/g − m·y/g| < h), computed
 * column by column with Viehmann's (2021) recursion that carries 1 − p directly, so entries stay in
 * [0, 1] instead of growing like binomial coefficients. Only a sliding window of one column is kept.
 */
export function probabilityOutsideBand(n1: number, n2: number, g: number, h: number): number {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const mg = m / g;
  const ng = n / g;

  let minJ = 0;
  let maxJ = Math.min(Math.ceil(h / mg), n + 1);
  let currentLength = maxJ - minJ;
  const window = new Float64Array(Math.min(2 * maxJ + 2, n + 1)).fill(1);
  window.fill(0, minJ, maxJ);
  for (let i = 1; i <= m; i++) {
    const lastMinJ = minJ;
    const lastLength = currentLength;
    minJ = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxJ = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxJ <= minJ) return 1;
    let value = minJ === 0 ? 0 : 1;
    for (let jj = 0; jj < maxJ - minJ; jj++) {
      const j = jj + minJ;
      value = (window[jj + minJ - lastMinJ] * i + value * j) / (i + j);
      window[jj] = value;
    }
    currentLength = maxJ - minJ;
    if (lastLength > currentLength) window.fill(1, maxJ - minJ, maxJ - minJ + (lastLength - currentLength));
  }
  return window[maxJ - minJ - 1];
}
