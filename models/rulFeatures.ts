import { z } from 'zod';
import { InvalidFeaturesError } from './errors';

/**
 * Trajectory schema and window features of the C-MAPSS RUL regressor: the TypeScript twin of
 * models/training/cmapss_features.py (formulas there and in the model card). Sums run left to
 * right in float64 in the same order as the Python, so the features agree to the last bit before
 * the Float32Array rounds them; a tree split between two float32 neighbours would otherwise turn
 * a last-bit difference into another prediction.
 */

/** Readings per sensor that the mean and slope look back over (fewer when the trajectory is shorter). */
export const RUL_WINDOW = 30;
/** The target is min(T − t, RUL_CAP): the model never predicts more. */
export const RUL_CAP = 125;

/** The 14 FD001 sensors that carry a trend; the rest are constant or noise (see the card). */
export const RUL_SENSORS = ['s2', 's3', 's4', 's7', 's8', 's9', 's11', 's12', 's13', 's14', 's15', 's17', 's20', 's21'] as const;
export type RulSensor = (typeof RUL_SENSORS)[number];

/** Columns of the training file that the model ignores but a trajectory may carry. */
const IGNORED_COLUMNS = ['unit_number', 'opt_set1', 'opt_set2', 'opt_set3', 's1', 's5', 's6', 's10', 's16', 's18', 's19'] as const;

/** Model inputs, in tensor order. */
export const RUL_FEATURE_NAMES: readonly string[] = ['cycle', ...RUL_SENSORS.flatMap((s) => [`${s}_last`, `${s}_mean`, `${s}_slope`])];

// zod 4's number rejects NaN and ±Infinity.
const reading = z.number();

/**
 * One cycle of an engine, keyed by the training file's column names. `time` (the cycle number)
 * and the 14 informative sensors are required; the settings and the constant sensors may be sent
 * and are ignored; any other key is rejected.
 */
export const rulCycleSchema = z.strictObject({
  time: reading.describe('Cycle number of this row (strictly increasing along the trajectory)'),
  ...Object.fromEntries(RUL_SENSORS.map((s) => [s, reading])),
  ...Object.fromEntries(IGNORED_COLUMNS.map((c) => [c, reading.optional()])),
}) as unknown as z.ZodType<RulCycle>;

export type RulCycle = { time: number } & Record<RulSensor, number> & Partial<Record<(typeof IGNORED_COLUMNS)[number], number>>;

/** Rows oldest first; at least one. */
export type RulTrajectory = readonly RulCycle[];

/** Validates a trajectory; throws InvalidFeaturesError naming each offending row and column. */
export function parseRulTrajectory(input: unknown, label = 'trajectory'): RulCycle[] {
  if (!Array.isArray(input) || input.length === 0) {
    throw new InvalidFeaturesError([{ feature: label, problem: 'must be a non-empty array of cycles, oldest first' }]);
  }
  const issues: Array<{ feature: string; problem: string }> = [];
  const rows: RulCycle[] = [];
  let previousTime: number | undefined;
  input.forEach((row: unknown, i) => {
    const time = isRecord(row) && typeof row['time'] === 'number' && Number.isFinite(row['time']) ? row['time'] : undefined;
    if (time !== undefined && previousTime !== undefined && !(time > previousTime)) {
      issues.push({ feature: `${label}.${i}.time`, problem: 'not after the previous cycle (rows go oldest first)' });
    }
    previousTime = time ?? previousTime;
    const parsed = rulCycleSchema.safeParse(row);
    if (parsed.success) {
      rows.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        issue.keys.forEach((key) => issues.push({ feature: `${label}.${i}.${key}`, problem: 'unknown column' }));
      } else {
        const column = issue.path.map(String).join('.');
        const missing = isRecord(row) && column !== '' && !(column in row);
        issues.push({ feature: `${label}.${i}${column ? `.${column}` : ''}`, problem: missing ? 'missing' : issue.message });
      }
    }
  });
  if (issues.length > 0) throw new InvalidFeaturesError(issues);
  return rows;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Writes the features of the trajectory's last cycle into `out` at `offset`: `cycle` (the last
 * row's time), then per sensor the last reading, the mean and the least-squares slope per row over
 * the last min(RUL_WINDOW, n) rows (slope 0 for a single row).
 */
export function writeRulFeatures(trajectory: RulTrajectory, out: Float32Array | Float64Array, offset: number): void {
  const n = trajectory.length;
  if (n < 1) throw new InvalidFeaturesError([{ feature: 'trajectory', problem: 'needs at least one cycle' }]);
  const m = Math.min(RUL_WINDOW, n);
  const start = n - m;
  const c = (m - 1) / 2;
  out[offset] = trajectory[n - 1]!.time;
  let k = offset + 1;
  for (const s of RUL_SENSORS) {
    let total = 0;
    for (let i = start; i < n; i++) total += trajectory[i]![s];
    const mean = total / m;
    let slope = 0;
    if (m > 1) {
      let num = 0;
      let den = 0;
      for (let i = 0; i < m; i++) {
        const d = i - c;
        num += d * (trajectory[start + i]![s] - mean);
        den += d * d;
      }
      slope = num / den;
    }
    out[k] = trajectory[n - 1]![s];
    out[k + 1] = mean;
    out[k + 2] = slope;
    k += 3;
  }
}

/** Float64 features of one trajectory, in RUL_FEATURE_NAMES order (for explanations and tests). */
export function rulFeatures(trajectory: RulTrajectory): number[] {
  const out = new Float64Array(RUL_FEATURE_NAMES.length);
  writeRulFeatures(trajectory, out, 0);
  return Array.from(out);
}

/** The float32 model input of many trajectories, row-major [trajectories.length, 43]. */
export function engineerRulFeatures(trajectories: readonly RulTrajectory[]): Float32Array {
  const width = RUL_FEATURE_NAMES.length;
  const out = new Float32Array(trajectories.length * width);
  trajectories.forEach((t, i) => writeRulFeatures(t, out, i * width));
  return out;
}
