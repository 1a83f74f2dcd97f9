import { createReadStream } from 'node:fs';
import path from 'node:path';
import { modelsDir } from '../config';
import { readCsvStream } from '../domain/csv';
import { predictFailureBatch, productTypes, type FailureFeatures, type PredictOptions, type ProductType } from '../models';
import { exactShap } from '../stats';
import { EXPLAINED_FEATURES, type Explanation } from '../domain/explanation';

export { EXPLAINED_FEATURES, type Explanation } from '../domain/explanation';

/** Background rows: enough for stable base values, few enough for 63·B+1 rows in one batch. */
export const BACKGROUND_SIZE = 50;

let background: Promise<number[][]> | undefined;

/**
 * A fixed background sample of TRAINING rows (UDI % 5 ≠ 0, every k-th), so explanations never
 * look at the test split and are identical from run to run. Read once, streamed from the file.
 */
export function explanationBackground(): Promise<number[][]> {
  background ??= loadBackground().catch((err: unknown) => {
    // A failed read is not cached: the next explanation tries again.
    background = undefined;
    throw err;
  });
  return background;
}

async function loadBackground(): Promise<number[][]> {
  const rows: number[][] = [];
  let header: string[] | undefined;
  for await (const rec of readCsvStream(createReadStream(path.join(modelsDir(), 'data', 'ai4i2020.csv'), 'utf8'))) {
    if (!header) {
      header = rec.fields;
      continue;
    }
    const get = (name: string) => rec.fields[header!.indexOf(name)]!;
    if (Number(get('UDI')) % 5 === 0) continue;
    rows.push([
      Number(get('Air temperature [K]')),
      Number(get('Process temperature [K]')),
      Number(get('Rotational speed [rpm]')),
      Number(get('Torque [Nm]')),
      Number(get('Tool wear [min]')),
      productTypes.indexOf(get('Type') as ProductType),
    ]);
  }
  const step = Math.floor(rows.length / BACKGROUND_SIZE);
  return Array.from({ length: BACKGROUND_SIZE }, (_, i) => rows[i * step]!);
}

function toFeatures(v: number[]): FailureFeatures {
  return {
    Air_temperature_K: v[0]!,
    Process_temperature_K: v[1]!,
    Rotational_speed_rpm: v[2]!,
    Torque_Nm: v[3]!,
    Tool_wear_min: v[4]!,
    Type: productTypes[Math.round(v[5]!)] ?? 'L',
  };
}

/**
 * Exact interventional Shapley values of the failure probability over the six raw inputs,
 * against the background sample; they sum to prediction − base value.
 */
export async function explainFailure(features: FailureFeatures, options: PredictOptions = {}): Promise<Explanation> {
  const started = performance.now();
  const x = [
    features.Air_temperature_K,
    features.Process_temperature_K,
    features.Rotational_speed_rpm,
    features.Torque_Nm,
    features.Tool_wear_min,
    productTypes.indexOf(features.Type ?? 'L'),
  ];
  const result = await exactShap(
    async (rows) => (await predictFailureBatch(rows.map(toFeatures), options)).probabilities,
    x,
    await explanationBackground(),
  );
  return {
    method: 'exact_interventional_shap',
    base_value: result.baseValue,
    prediction: result.prediction,
    values: Object.fromEntries(EXPLAINED_FEATURES.map((name, i) => [name, result.values[i]!])) as Explanation['values'],
    background_size: BACKGROUND_SIZE,
    latency_ms: performance.now() - started,
  };
}
