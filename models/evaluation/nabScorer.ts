/**
 * The Numenta Anomaly Benchmark scoring rules (NAB v1.1, `nab/sweeper.py`), written from the rules
 * in `models/data/nab/README.md` and the datasets README. Pure: no I/O, no clock.
 *
 * Rows are identified by index. A window is an inclusive `[start, end]` row range. A row is a
 * detection when its score is `>= threshold`.
 */

export interface CostProfile {
  readonly tpWeight: number;
  readonly fpWeight: number;
  readonly fnWeight: number;
}

export type ProfileName = 'standard' | 'reward_low_FP_rate' | 'reward_low_FN_rate';

/** The three profiles of NAB's `config/profiles.json` (tnWeight is unused by the scorer). */
export const NAB_PROFILES: Readonly<Record<ProfileName, CostProfile>> = {
  standard: { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 },
  reward_low_FP_rate: { tpWeight: 1, fpWeight: 0.22, fnWeight: 1 },
  reward_low_FN_rate: { tpWeight: 1, fpWeight: 0.11, fnWeight: 2 },
};

export const PROFILE_NAMES: readonly ProfileName[] = ['standard', 'reward_low_FP_rate', 'reward_low_FN_rate'];

export interface Window {
  /** First row of the window (inclusive). */
  readonly start: number;
  /** Last row of the window (inclusive). */
  readonly end: number;
}

export interface LabelledFile {
  readonly length: number;
  /** Sorted, non-overlapping. */
  readonly windows: readonly Window[];
}

/** NAB's probationary period: the first `min(floor(0.15·N), 750)` rows never count. */
export function probationaryLength(n: number): number {
  return Math.min(Math.floor(0.15 * n), 750);
}

/** `2·sigmoid(−5x) − 1`, and exactly −1 from x = 3 on (NAB's `scaledSigmoid`). */
export function scaledSigmoid(x: number): number {
  if (x >= 3) return -1;
  return 2 / (1 + Math.exp(5 * x)) - 1;
}

/** Reward of the leftmost row of a window before scaling: scaledSigmoid(−1) ≈ 0.98661. */
export const MAX_TP = scaledSigmoid(-1);

/** Per-row scoring tables, independent of profile and threshold. */
export interface RowTable {
  /** Index of the window the row lies in; −1 outside windows; −2 in the probationary period. */
  readonly windowOf: Int32Array;
  /**
   * Inside a window: scaledSigmoid(position)/MAX_TP (the TP reward with tpWeight 1).
   * Outside: the FP cost factor in [−1, 0) (multiply by fpWeight): −1 before the first window,
   * scaledSigmoid(d/(width−1)) at d rows past the previous window's end.
   */
  readonly weight: Float64Array;
  readonly windowCount: number;
}

export function buildRowTable(file: LabelledFile): RowTable {
  const n = file.length;
  const windowOf = new Int32Array(n).fill(-1);
  const weight = new Float64Array(n);
  const prob = probationaryLength(n);
  let w = 0;
  let prevEnd = -1;
  let prevWidth = 0;
  for (let i = 0; i < n; i++) {
    while (w < file.windows.length && file.windows[w].end < i) {
      prevEnd = file.windows[w].end;
      prevWidth = file.windows[w].end - file.windows[w].start + 1;
      w++;
    }
    const win = w < file.windows.length ? file.windows[w] : undefined;
    if (win && i >= win.start) {
      const width = win.end - win.start + 1;
      weight[i] = scaledSigmoid(-(win.end - i + 1) / width) / MAX_TP;
      windowOf[i] = w;
    } else if (prevEnd < 0) {
      weight[i] = -1;
    } else {
      weight[i] = prevWidth > 1 ? scaledSigmoid((i - prevEnd) / (prevWidth - 1)) : -1;
    }
    if (i < prob) windowOf[i] = -2;
  }
  return { windowOf, weight, windowCount: file.windows.length };
}

export interface FileScore {
  readonly raw: number;
  readonly tp: number;
  readonly fn: number;
  readonly fp: number;
}

/** Raw NAB score of one file for a set of detections (`detected[i]` true = row i fired). */
export function scoreDetections(table: RowTable, detected: ArrayLike<boolean>, profile: CostProfile): FileScore {
  const best = new Float64Array(table.windowCount).fill(Number.NaN);
  let fpCost = 0;
  let fp = 0;
  for (let i = 0; i < table.windowOf.length; i++) {
    if (!detected[i]) continue;
    const w = table.windowOf[i];
    if (w === -2) continue;
    if (w === -1) {
      fpCost += table.weight[i] * profile.fpWeight;
      fp++;
    } else if (Number.isNaN(best[w])) {
      best[w] = table.weight[i] * profile.tpWeight; // earliest detection in the window
    }
  }
  let raw = fpCost;
  let tp = 0;
  for (const b of best) {
    if (Number.isNaN(b)) raw -= profile.fnWeight;
    else {
      raw += b;
      tp++;
    }
  }
  return { raw, tp, fn: table.windowCount - tp, fp };
}

/** Raw score of one file at a threshold. */
export function scoreAtThreshold(table: RowTable, scores: ArrayLike<number>, threshold: number, profile: CostProfile): FileScore {
  const detected = Array.from({ length: scores.length }, (_, i) => scores[i] >= threshold);
  return scoreDetections(table, detected, profile);
}

/** NAB's per-corpus normalisation: 100·(raw − null)/(perfect − null); null never fires, perfect hits every window first. */
export function normalisedScore(raw: number, windowCount: number, profile: CostProfile): number {
  const nullScore = -windowCount * profile.fnWeight;
  const perfect = windowCount * profile.tpWeight;
  return (100 * (raw - nullScore)) / (perfect - nullScore);
}

export interface ScoredFile {
  readonly table: RowTable;
  readonly scores: ArrayLike<number>;
}

export interface ThresholdResult {
  readonly threshold: number;
  readonly raw: number;
  readonly normalised: number;
}

/**
 * NAB's convention: the one threshold that maximises the corpus score for a profile. Exact sweep
 * over every distinct score (rows sorted by score, descending; the total updated incrementally),
 * O(N log N). Ties keep the higher threshold (fewer detections).
 */
export function optimiseThreshold(files: readonly ScoredFile[], profile: CostProfile): ThresholdResult {
  let windowTotal = 0;
  let count = 0;
  for (const f of files) {
    windowTotal += f.table.windowCount;
    count += f.scores.length;
  }
  const score = new Float64Array(count);
  const weight = new Float64Array(count);
  const globalWindow = new Int32Array(count);
  let k = 0;
  let windowOffset = 0;
  for (const f of files) {
    for (let i = 0; i < f.scores.length; i++) {
      const w = f.table.windowOf[i];
      if (w === -2) continue;
      score[k] = f.scores[i];
      weight[k] = f.table.weight[i];
      globalWindow[k] = w < 0 ? -1 : windowOffset + w;
      k++;
    }
    windowOffset += f.table.windowCount;
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => score[b] - score[a]);
  const best = new Float64Array(windowTotal).fill(Number.NaN);
  let raw = -windowTotal * profile.fnWeight;
  let bestResult: ThresholdResult = { threshold: Number.POSITIVE_INFINITY, raw, normalised: 0 };
  for (let j = 0; j < order.length; j++) {
    const r = order[j];
    const w = globalWindow[r];
    if (w < 0) raw += weight[r] * profile.fpWeight;
    else {
      const reward = weight[r] * profile.tpWeight;
      if (Number.isNaN(best[w])) {
        raw += profile.fnWeight + reward;
        best[w] = reward;
      } else if (reward > best[w]) {
        raw += reward - best[w];
        best[w] = reward;
      }
    }
    const next = j + 1 < order.length ? score[order[j + 1]] : Number.NEGATIVE_INFINITY;
    if (next !== score[r] && raw > bestResult.raw + 1e-12) {
      bestResult = { threshold: score[r], raw, normalised: 0 };
    }
  }
  return { ...bestResult, normalised: normalisedScore(bestResult.raw, windowTotal, profile) };
}
