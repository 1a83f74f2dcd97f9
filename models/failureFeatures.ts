import { z } from 'zod';
import { InvalidFeaturesError } from './errors';

/**
 * Request features of the AI4I failure classifiers and the engineering the ONNX graphs expect.
 * Twin of models/training/failure_features.py: same formulas, same order, evaluated left to right
 * in float64 and rounded to float32 once (by the Float32Array). The registry refuses a model whose
 * manifest lists different feature names, so the two cannot drift apart silently.
 */

export const productTypes = ['L', 'M', 'H'] as const;
export type ProductType = (typeof productTypes)[number];

/** L is the commonest variant (60 % of rows) and fails most often, so assuming it errs towards warning. */
export const DEFAULT_PRODUCT_TYPE: ProductType = 'L';

const TYPE_CODE: Record<ProductType, number> = { L: 0, M: 1, H: 2 };

/** Strict: an unknown key, a missing feature or a non-finite number is rejected, never padded. */
export const failureFeaturesSchema = z.strictObject({
  Air_temperature_K: z.number().describe('Air temperature, kelvin'),
  Process_temperature_K: z.number().describe('Process temperature, kelvin'),
  Rotational_speed_rpm: z.number().describe('Rotational speed, revolutions per minute'),
  Torque_Nm: z.number().describe('Torque, newton metres'),
  Tool_wear_min: z.number().describe('Tool wear, minutes'),
  Type: z.enum(productTypes).optional().describe(`Product quality variant; ${DEFAULT_PRODUCT_TYPE} when absent`),
});
export type FailureFeatures = z.infer<typeof failureFeaturesSchema>;

/** Names of the model inputs, in tensor order. */
export const ENGINEERED_FEATURE_NAMES = [
  'Air_temperature_K',
  'Process_temperature_K',
  'Rotational_speed_rpm',
  'Torque_Nm',
  'Tool_wear_min',
  'Type_code',
  'Temperature_difference_K',
  'Power_W',
  'Strain_min_Nm',
] as const;

/** Writes the engineered features of `row` into `out` at `offset` (no allocation, for batches). */
export function writeEngineeredFeatures(row: FailureFeatures, out: Float32Array, offset: number): void {
  const air = row.Air_temperature_K;
  const process = row.Process_temperature_K;
  const speed = row.Rotational_speed_rpm;
  const torque = row.Torque_Nm;
  const wear = row.Tool_wear_min;
  out[offset] = air;
  out[offset + 1] = process;
  out[offset + 2] = speed;
  out[offset + 3] = torque;
  out[offset + 4] = wear;
  out[offset + 5] = TYPE_CODE[row.Type ?? DEFAULT_PRODUCT_TYPE];
  out[offset + 6] = process - air;
  out[offset + 7] = (((torque * speed) * 2) * Math.PI) / 60;
  out[offset + 8] = wear * torque;
}

/** The float32 model input of many rows, row-major [rows.length, 9]. */
export function engineerFailureFeatures(rows: readonly FailureFeatures[]): Float32Array {
  const width = ENGINEERED_FEATURE_NAMES.length;
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, i) => writeEngineeredFeatures(row, out, i * width));
  return out;
}

/** Validates request features; throws InvalidFeaturesError naming every offending feature. */
export function parseFailureFeatures(input: unknown): FailureFeatures {
  const parsed = failureFeaturesSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ feature: key, problem: 'unknown feature' }));
    const feature = issue.path.length > 0 ? issue.path.map(String).join('.') : '(features)';
    const value = isRecord(input) ? input[feature] : undefined;
    const problem = value === undefined && issue.path.length > 0 ? 'missing' : describeBadValue(value, issue.message);
    return [{ feature, problem }];
  });
  throw new InvalidFeaturesError(issues);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeBadValue(value: unknown, fallback: string): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'not a finite number';
  return fallback;
}
