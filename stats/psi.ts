/**
 * Population Stability Index of a current sample against a reference sample.
 *
 *   PSI = Σ_bins (p_cur − p_ref) · ln(p_cur / p_ref)
 *
 * Bins: the reference sample's quantiles at k/bins (k = 1 … bins−1, linear interpolation as
 * numpy.quantile's default) are the inner edges; the outer bins are open-ended so current values
 * beyond the reference range still count. A bin is [lower, upper): a value equal to an edge goes to
 * the bin above it. When the reference has heavy ties, several quantiles coincide; duplicate edges
 * are merged, so fewer bins than requested may come back. Ties can still leave a bin with no
 * reference values (e.g. the one below the lowest edge); the epsilon floor covers it.
 *
 * Empty bins: a proportion of 0 makes ln(p_cur/p_ref) infinite, so each proportion is floored at
 * `epsilon` (default 1e-4) before the sum. The floor bounds one empty bin's contribution at about
 * p·ln(p/1e-4), i.e. a single fully-moved bin reads as "significant", not as Infinity.
 */
export interface PsiOptions {
  /** Requested number of quantile bins (default 10). */
  bins?: number;
  /** Floor for a bin proportion, so empty bins do not make PSI infinite (default 1e-4). */
  epsilon?: number;
}

export type PsiBand = 'stable' | 'moderate' | 'significant';

export interface PsiBin {
  /** Inclusive lower edge; -Infinity for the first bin. */
  lower: number;
  /** Exclusive upper edge; +Infinity for the last bin. */
  upper: number;
  referenceCount: number;
  currentCount: number;
  /** Proportions after the epsilon floor, i.e. the ones the sum used. */
  referenceProportion: number;
  currentProportion: number;
  /** This bin's term of the sum. */
  contribution: number;
}

export interface PsiResult {
  psi: number;
  band: PsiBand;
  bins: PsiBin[];
}

export const PSI_DEFAULT_BINS = 10;
export const PSI_DEFAULT_EPSILON = 1e-4;
/** Conventional reading: below 0.1 stable, 0.1 to 0.25 a moderate shift, above 0.25 significant. */
export const PSI_MODERATE_THRESHOLD = 0.1;
export const PSI_SIGNIFICANT_THRESHOLD = 0.25;

export function interpretPsi(value: number): PsiBand {
  if (value < PSI_MODERATE_THRESHOLD) return 'stable';
  if (value <= PSI_SIGNIFICANT_THRESHOLD) return 'moderate';
  return 'significant';
}

export function psi(reference: readonly number[], current: readonly number[], options: PsiOptions = {}): PsiResult {
  const binCount = options.bins ?? PSI_DEFAULT_BINS;
  const epsilon = options.epsilon ?? PSI_DEFAULT_EPSILON;
  if (!Number.isInteger(binCount) || binCount < 2) throw new RangeError(`psi: bins must be an integer >= 2, got ${binCount}`);
  if (!(epsilon > 0 && epsilon < 1)) throw new RangeError(`psi: epsilon must be in (0, 1), got ${epsilon}`);
  assertUsableSample(reference, 'reference');
  assertUsableSample(current, 'current');

  const sortedReference = Float64Array.from(reference).sort();
  const innerEdges = quantileEdges(sortedReference, binCount);
  const referenceCounts = countPerBin(reference, innerEdges);
  const currentCounts = countPerBin(current, innerEdges);

  const bins: PsiBin[] = [];
  let total = 0;
  for (let i = 0; i <= innerEdges.length; i++) {
    const referenceProportion = Math.max(referenceCounts[i] / reference.length, epsilon);
    const currentProportion = Math.max(currentCounts[i] / current.length, epsilon);
    const contribution = (currentProportion - referenceProportion) * Math.log(currentProportion / referenceProportion);
    total += contribution;
    bins.push({
      lower: i === 0 ? Number.NEGATIVE_INFINITY : innerEdges[i - 1],
      upper: i === innerEdges.length ? Number.POSITIVE_INFINITY : innerEdges[i],
      referenceCount: referenceCounts[i],
      currentCount: currentCounts[i],
      referenceProportion,
      currentProportion,
      contribution,
    });
  }
  return { psi: total, band: interpretPsi(total), bins };
}

/** numpy.quantile(method='linear') of an ascending sample at probability q. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

function quantileEdges(sortedReference: Float64Array, binCount: number): number[] {
  const edges: number[] = [];
  for (let k = 1; k < binCount; k++) {
    const edge = quantileSorted(sortedReference, k / binCount);
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}

function countPerBin(values: readonly number[], innerEdges: readonly number[]): number[] {
  const counts = new Array<number>(innerEdges.length + 1).fill(0);
  for (const value of values) {
    // Index of the first edge strictly greater than value = number of edges <= value.
    let lo = 0;
    let hi = innerEdges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (innerEdges[mid] <= value) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}

function assertUsableSample(sample: readonly number[], which: string): void {
  if (sample.length === 0) throw new RangeError(`psi: the ${which} sample is empty`);
  const badIndex = sample.findIndex((value) => !Number.isFinite(value));
  if (badIndex >= 0) throw new RangeError(`psi: the ${which} sample has a non-finite value (${sample[badIndex]}) at index ${badIndex}`);
}
