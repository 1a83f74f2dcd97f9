import type postgres from 'postgres';
import { z } from 'zod';
import { listKnowledgeCandidates, recordKnowledge, type KnowledgeView } from '../db/knowledge';
import { withDomainFailures } from './failures';
import { InvalidInput } from '../domain/errors';
import type { SimilarCase } from '../workflows/activityContracts';

/**
 * Mean and standard deviation of the AI4I 2020 process features over the model's training split
 * (the 8,000 rows with UDI % 5 != 0), measured from ../shared/datasets/ai4i2020.csv. A z-score
 * against them makes one unit mean "one typical machine-to-machine spread" for every feature.
 */
export const AI4I_SCALING: Record<string, { mean: number; sd: number }> = {
  Air_temperature_K: { mean: 300.0049, sd: 2.0003 },
  Process_temperature_K: { mean: 310.0054, sd: 1.4834 },
  Rotational_speed_rpm: { mean: 1537.6943, sd: 177.9496 },
  Torque_Nm: { mean: 40.0614, sd: 9.9614 },
  Tool_wear_min: { mean: 107.9406, sd: 63.6533 },
};

/** How many of the newest entries in a feature space a search ranks. */
const MAX_CANDIDATES = 5_000;

/**
 * Turns a feature object into a vector. AI4I features are z-scored with AI4I_SCALING; any other
 * numeric feature (sensor statistics such as mean, std, anomaly_rate) has no population to
 * standardise against, so it is compressed with sign(x)·ln(1 + |x|), which keeps small values
 * nearly linear and stops one large-magnitude statistic from dominating the distance.
 * Non-numeric features (e.g. the product Type) are kept in the stored features but not in the
 * vector. The feature space is the sorted names, so only like is compared with like.
 */
export function featureVector(features: Record<string, unknown>): { space: string; vector: number[] } {
  const names = Object.keys(features)
    .filter((k) => typeof features[k] === 'number')
    .sort();
  const vector = names.map((name) => {
    const x = features[name] as number;
    if (!Number.isFinite(x)) throw new InvalidInput([], `feature ${name} is not a finite number`);
    const scale = AI4I_SCALING[name];
    return scale ? (x - scale.mean) / scale.sd : Math.sign(x) * Math.log1p(Math.abs(x));
  });
  if (vector.length === 0) throw new InvalidInput([], 'features hold no numeric value to compare on');
  return { space: names.join(','), vector };
}

/**
 * 1 / (1 + d), d the root-mean-square difference per feature (in standard deviations for AI4I
 * features): 1 for identical cases, 0.5 when they differ by one spread on average, towards 0 as
 * they part. Unlike cosine it sees magnitude: a machine twice as far from normal is not "the same".
 */
export function similarity(a: number[], b: number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  const meanSquare = a.reduce((s, x, i) => s + (x - b[i]!) ** 2, 0) / a.length;
  return 1 / (1 + Math.sqrt(meanSquare));
}

const features = z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()]));

const outcomeInput = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'lower-case word, e.g. prediction, decision, order_result'),
  sensorId: z.string().min(1).max(64),
  features,
  prediction: z.record(z.string(), z.unknown()).optional(),
  decision: z.string().min(1).max(100).optional(),
  outcome: z.string().min(1).max(200).optional(),
  summary: z.string().trim().min(1).max(2000),
  dedupKey: z.string().min(1).max(300),
  workflowId: z.string().min(1).max(300).optional(),
});

const similarInput = z.object({
  features,
  sensorId: z.string().min(1).max(64).optional(),
  limit: z.number().int().min(1).max(50).default(5),
});

export type RecordOutcomeInput = z.input<typeof outcomeInput>;
export type FindSimilarInput = z.input<typeof similarInput>;

function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new InvalidInput([], `invalid input: ${z.prettifyError(r.error)}`);
  return r.data;
}

export interface LearningDeps {
  sql: postgres.Sql;
}

/**
 * LearningAgent: outcomes (prediction, decision, order result) become knowledge entries with a
 * feature vector; "similar past cases" ranks stored entries by feature similarity. There is no
 * seed: with no history the answer is an empty list, never an invented case.
 */
export function createLearningActivities(deps: LearningDeps) {
  return withDomainFailures({
    async recordOutcome(raw: RecordOutcomeInput): Promise<KnowledgeView> {
      const input = parseInput(outcomeInput, raw);
      const { space, vector } = featureVector(input.features);
      const { entry } = await recordKnowledge({ ...input, featureSpace: space, vector }, deps.sql);
      return entry;
    },

    async findSimilarCases(raw: FindSimilarInput): Promise<SimilarCase[]> {
      const input = parseInput(similarInput, raw);
      const { space, vector } = featureVector(input.features);
      const candidates = await listKnowledgeCandidates({ featureSpace: space, sensorId: input.sensorId, limit: MAX_CANDIDATES }, deps.sql);
      return candidates
        .map((c) => ({ c, s: similarity(vector, c.vector) }))
        .sort((a, b) => b.s - a.s || b.c.created_at.localeCompare(a.c.created_at))
        .slice(0, input.limit)
        .map(({ c, s }) => ({
          id: c.id,
          similarity: Math.round(s * 10_000) / 10_000,
          kind: c.kind,
          sensor_id: c.sensor_id,
          decision: c.decision,
          outcome: c.outcome,
          summary: c.summary,
          created_at: c.created_at,
          probability: typeof c.prediction?.probability === 'number' ? c.prediction.probability : null,
        }));
    },
  });
}
