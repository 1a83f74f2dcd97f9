import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * The registry manifest (models/registry.json), written by models/training/train.py. The schema
 * checks what inference relies on and lets descriptive fields through untouched.
 */
export const modelStageSchema = z.enum(['Production', 'Staging', 'None']);
export type ModelStage = z.infer<typeof modelStageSchema>;

const featureSchema = z.looseObject({ name: z.string(), formula: z.string() });

export const manifestVersionSchema = z.looseObject({
  version: z.string().min(1),
  stage: modelStageSchema,
  enabled: z.boolean(),
  description: z.string().optional(),
  /** Relative to the models directory. */
  artifact: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  input: z.object({
    name: z.string(),
    shape: z.tuple([z.null(), z.number().int().positive()]),
    dtype: z.literal('float32'),
  }),
  outputs: z.record(z.string(), z.union([z.string(), z.number()])),
  feature_spec: z.looseObject({ features: z.array(featureSchema).min(1) }),
  /** A classifier's or detector's decision threshold; null for a regressor, which has none (see decisionThreshold). */
  threshold: z.number().nullable(),
  metrics: z.record(z.string(), z.unknown()),
  card: z.string(),
  created_at: z.iso.datetime(),
});
export type ManifestVersion = z.infer<typeof manifestVersionSchema>;

export const manifestSchema = z.object({
  schema_version: z.literal(1),
  models: z.record(
    z.string(),
    z
      .looseObject({
        task: z.enum(['binary_classification', 'anomaly_detection', 'rul_regression']),
        versions: z.array(manifestVersionSchema).min(1),
      })
      // A classifier or detector decides at its threshold, so it must have one; a regressor's
      // decision belongs to its caller (an asset type's planning horizon), so it must not pretend to.
      .refine((m) => m.versions.every((v) => (m.task === 'rul_regression') === (v.threshold === null)), {
        message: 'threshold: a number for a classifier or detector, null for a regressor',
      }),
  ),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Reads and validates a manifest file; a malformed manifest is a deployment error, so it throws. */
export async function readManifest(file: string): Promise<Manifest> {
  const text = await readFile(file, 'utf8');
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid model manifest ${file}: ${problems}`);
  }
  return parsed.data;
}

/** The decision threshold of a classifier or detector entry (the manifest schema guarantees one). */
export function decisionThreshold(entry: ManifestVersion): number {
  if (entry.threshold === null) throw new Error(`model version ${entry.version} has no decision threshold (a regressor)`);
  return entry.threshold;
}
