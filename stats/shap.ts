/**
 * Exact interventional Shapley values of one prediction against a background sample.
 *
 * Players are features, or groups of features (one raw input that feeds several engineered
 * features, or the columns of a one-hot category), so that attributions are per group. For a
 * coalition S of players,
 *   v(S) = mean over background rows b of f(row with the features of S taken from x, the rest from b)
 * and player i gets
 *   φ_i = Σ_{S ⊆ N∖{i}} |S|!(G − |S| − 1)!/G! · (v(S ∪ {i}) − v(S)).
 * All 2^G coalitions are enumerated, so the values are exact for this game (no sampling), and they
 * satisfy efficiency Σφ = v(N) − v(∅) = f(x) − E_b f(b), symmetry and dummy by construction.
 *
 * Cost: (2^G − 1)·B + 1 model rows (the full coalition is x itself, evaluated once). The rows are
 * built up front and sent in as few `predictBatch` calls as possible — one by default — because an
 * ONNX session scores one large batch far faster than many small ones. G is capped at 12
 * (4095·B + 1 rows); beyond that, group features.
 */
export type PredictBatch = (rows: number[][]) => Promise<ArrayLike<number>> | ArrayLike<number>;

export interface ExactShapOptions {
  /** A partition of the feature indices 0 … M−1; one Shapley value per group, in this order. */
  featureGroups?: number[][];
  /** Split the model calls so no call gets more rows than this (default: one call for everything). */
  maxRowsPerCall?: number;
}

export interface ExactShapResult {
  /** v(∅): the mean prediction over the background sample. */
  baseValue: number;
  /** One value per feature, or per group when featureGroups is given; they sum to prediction − baseValue. */
  values: number[];
  /** f(x). */
  prediction: number;
}

export const EXACT_SHAP_MAX_PLAYERS = 12;
/** Relative tolerance on Σφ = prediction − baseValue; a larger residual means a bug, so it throws. */
const EFFICIENCY_TOLERANCE = 1e-9;

export async function exactShap(
  predictBatch: PredictBatch,
  x: readonly number[],
  background: readonly (readonly number[])[],
  options: ExactShapOptions = {},
): Promise<ExactShapResult> {
  const featureCount = x.length;
  assertFiniteRow(x, 'x', featureCount);
  if (background.length === 0) throw new RangeError('exactShap: the background sample is empty');
  background.forEach((row, i) => assertFiniteRow(row, `background row ${i}`, featureCount));
  const groups = options.featureGroups ?? x.map((_, i) => [i]);
  assertPartition(groups, featureCount);
  const maxRowsPerCall = options.maxRowsPerCall ?? Number.POSITIVE_INFINITY;
  if (!(maxRowsPerCall >= 1)) throw new RangeError(`exactShap: maxRowsPerCall must be >= 1, got ${maxRowsPerCall}`);

  const playerCount = groups.length;
  const fullMask = (1 << playerCount) - 1;
  const backgroundSize = background.length;

  // Coalitions 0 … fullMask−1 contribute B rows each, in mask order; the full coalition one row (x).
  const rows: number[][] = [];
  for (let mask = 0; mask < fullMask; mask++) {
    for (const backgroundRow of background) {
      const row = backgroundRow.slice();
      for (let player = 0; player < playerCount; player++) {
        if (mask & (1 << player)) for (const feature of groups[player]) row[feature] = x[feature];
      }
      rows.push(row);
    }
  }
  rows.push(x.slice());

  const predictions = await predictInChunks(predictBatch, rows, maxRowsPerCall);
  const coalitionValue = new Float64Array(fullMask + 1);
  for (let mask = 0; mask < fullMask; mask++) {
    let sum = 0;
    for (let b = 0; b < backgroundSize; b++) sum += predictions[mask * backgroundSize + b];
    coalitionValue[mask] = sum / backgroundSize;
  }
  coalitionValue[fullMask] = predictions[rows.length - 1];

  const weights = shapleyWeights(playerCount);
  const values = new Array<number>(playerCount).fill(0);
  for (let player = 0; player < playerCount; player++) {
    const bit = 1 << player;
    let total = 0;
    for (let mask = 0; mask <= fullMask; mask++) {
      if (mask & bit) continue;
      total += weights[popcount(mask)] * (coalitionValue[mask | bit] - coalitionValue[mask]);
    }
    values[player] = total;
  }

  const baseValue = coalitionValue[0];
  const prediction = coalitionValue[fullMask];
  assertEfficiency(values, prediction, baseValue);
  return { baseValue, values, prediction };
}

/** w(s) = s!(G − s − 1)!/G! for s = 0 … G−1; exact in doubles for G <= 12 (12! < 2^53). */
function shapleyWeights(playerCount: number): number[] {
  const factorial = [1];
  for (let k = 1; k <= playerCount; k++) factorial.push(factorial[k - 1] * k);
  return Array.from({ length: playerCount }, (_, s) => (factorial[s] * factorial[playerCount - s - 1]) / factorial[playerCount]);
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

async function predictInChunks(predictBatch: PredictBatch, rows: number[][], maxRowsPerCall: number): Promise<Float64Array> {
  const predictions = new Float64Array(rows.length);
  for (let start = 0; start < rows.length; start += maxRowsPerCall) {
    const chunk = Number.isFinite(maxRowsPerCall) ? rows.slice(start, start + maxRowsPerCall) : rows;
    const output = await predictBatch(chunk);
    if (output.length !== chunk.length) {
      throw new RangeError(`exactShap: predictBatch returned ${output.length} predictions for ${chunk.length} rows`);
    }
    for (let i = 0; i < chunk.length; i++) {
      const value = output[i];
      if (!Number.isFinite(value))
        throw new RangeError(`exactShap: predictBatch returned a non-finite prediction (${value}) for row ${start + i}`);
      predictions[start + i] = value;
    }
    if (!Number.isFinite(maxRowsPerCall)) break;
  }
  return predictions;
}

function assertFiniteRow(row: readonly number[], name: string, featureCount: number): void {
  if (row.length !== featureCount) throw new RangeError(`exactShap: ${name} has ${row.length} features, expected ${featureCount}`);
  const badIndex = row.findIndex((value) => !Number.isFinite(value));
  if (badIndex >= 0) throw new RangeError(`exactShap: ${name} has a non-finite value (${row[badIndex]}) at feature ${badIndex}`);
}

function assertPartition(groups: readonly number[][], featureCount: number): void {
  if (featureCount === 0) throw new RangeError('exactShap: x has no features');
  if (groups.length > EXACT_SHAP_MAX_PLAYERS) {
    throw new RangeError(`exactShap: ${groups.length} players exceed the exact limit of ${EXACT_SHAP_MAX_PLAYERS}; group features`);
  }
  const seen = new Array<boolean>(featureCount).fill(false);
  groups.forEach((group, g) => {
    if (group.length === 0) throw new RangeError(`exactShap: feature group ${g} is empty`);
    for (const feature of group) {
      if (!Number.isInteger(feature) || feature < 0 || feature >= featureCount) {
        throw new RangeError(`exactShap: feature group ${g} names feature ${feature}, outside 0…${featureCount - 1}`);
      }
      if (seen[feature]) throw new RangeError(`exactShap: feature ${feature} appears in more than one group`);
      seen[feature] = true;
    }
  });
  const missing = seen.findIndex((s) => !s);
  if (missing >= 0) throw new RangeError(`exactShap: feature ${missing} is in no group`);
}

function assertEfficiency(values: readonly number[], prediction: number, baseValue: number): void {
  const sum = values.reduce((acc, v) => acc + v, 0);
  const scale = Math.max(1, Math.abs(prediction), Math.abs(baseValue));
  if (Math.abs(sum - (prediction - baseValue)) > EFFICIENCY_TOLERANCE * scale) {
    throw new Error(`exactShap: efficiency violated, Σφ = ${sum} but prediction − baseValue = ${prediction - baseValue}`);
  }
}
