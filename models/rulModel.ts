import { Tensor } from 'onnxruntime-node';
import { z } from 'zod';
import { defaultModelRegistry } from './defaultRegistry';
import { InvalidFeaturesError, ModelUnavailableError } from './errors';
import type { ModelRef } from './failureClassifier';
import { type LoadedModel, loadModel } from './loadModel';
import { RUL_CAP, RUL_FEATURE_NAMES, RUL_WINDOW, type RulTrajectory, engineerRulFeatures, parseRulTrajectory } from './rulFeatures';
import { AUTO_VERSION, type ModelRegistry, type ResolvedModel } from './registry';

export const DEFAULT_RUL_MODEL = 'cmapss_rul_regressor';
/** One ONNX run serves at most this many trajectories. */
export const MAX_RUL_BATCH = 100;

export interface RulOptions {
  /** Defaults to cmapss_rul_regressor. */
  modelName?: string;
  /** A version string or "auto" (the default). */
  modelVersion?: string;
  /** Defaults to the process's manifest registry. */
  registry?: ModelRegistry;
}

export interface RulPrediction {
  /** Remaining useful life in cycles after the trajectory's last one, 0..RUL_CAP. RUL_CAP means
   * "no degradation seen yet" (at least that many cycles), not an estimate of exactly RUL_CAP. */
  rul: number;
  /** Split-conformal prediction interval at `level` (the model card reports its coverage). */
  interval: { lower: number; upper: number; level: number };
  model_info: ModelRef;
}

/** The manifest's conformal table: per predicted-RUL bin, offsets added to the prediction. */
const conformalSchema = z.looseObject({
  level: z.number().gt(0).lt(1),
  bin_edges: z.array(z.number()),
  bins: z.array(z.looseObject({ lower_offset: z.number(), upper_offset: z.number() })).min(1),
});
type Conformal = z.infer<typeof conformalSchema>;

const rulSpecSchema = z.looseObject({ window: z.literal(RUL_WINDOW), rul_cap: z.literal(RUL_CAP) });

// Parsed once per manifest entry.
const conformalOf = new WeakMap<object, Conformal>();

function checkedConformal(model: ResolvedModel): Conformal {
  const known = conformalOf.get(model.entry);
  if (known) return known;
  const spec = rulSpecSchema.safeParse(model.entry.feature_spec);
  const parsed = conformalSchema.safeParse((model.entry as Record<string, unknown>)['interval']);
  if (!spec.success || !parsed.success || parsed.data.bins.length !== parsed.data.bin_edges.length + 1) {
    // Serving with another window, cap or no interval table would answer with unvetted numbers.
    throw new ModelUnavailableError(
      `${model.name} ${model.version}: the manifest's window, rul_cap or interval table does not match this code`,
      'incompatible',
    );
  }
  conformalOf.set(model.entry, parsed.data);
  return parsed.data;
}

/** Bin b holds predictions p with edges[b-1] <= p < edges[b] (as numpy.searchsorted side="right"). */
function binOf(edges: readonly number[], p: number): number {
  let b = 0;
  while (b < edges.length && edges[b]! <= p) b++;
  return b;
}

function toPrediction(raw: number, conformal: Conformal, model: ModelRef): RulPrediction {
  const rul = Math.min(Math.max(raw, 0), RUL_CAP);
  const bin = conformal.bins[binOf(conformal.bin_edges, rul)]!;
  return {
    rul,
    interval: { lower: Math.max(0, rul + bin.lower_offset), upper: rul + bin.upper_offset, level: conformal.level },
    model_info: model,
  };
}

function loadRulModel(options: RulOptions): Promise<LoadedModel> {
  return loadModel(
    options.registry ?? defaultModelRegistry(),
    options.modelName ?? DEFAULT_RUL_MODEL,
    options.modelVersion ?? AUTO_VERSION,
    'rul_regression',
    RUL_FEATURE_NAMES,
  );
}

async function run(loaded: LoadedModel, trajectories: readonly RulTrajectory[]): Promise<RulPrediction[]> {
  const { entry } = loaded.model;
  const conformal = checkedConformal(loaded.model);
  const model: ModelRef = { name: loaded.model.name, version: loaded.model.version, stage: loaded.model.stage };
  const outputName = String(entry.outputs['rul']);
  const results = await loaded.session.run(
    {
      [entry.input.name]: new Tensor('float32', engineerRulFeatures(trajectories), [trajectories.length, RUL_FEATURE_NAMES.length]),
    },
    [outputName],
  );
  const data = results[outputName]!.data as Float32Array;
  return trajectories.map((_, i) => toPrediction(data[i]!, conformal, model));
}

/**
 * Remaining useful life of one engine from its trajectory (rows keyed by the C-MAPSS column
 * names, oldest first, any length ≥ 1; a trajectory shorter than RUL_WINDOW is featurised from
 * what it has, exactly as in training). Throws InvalidFeaturesError, ModelNotFoundError,
 * ModelDisabledError, ModelTaskMismatchError or ModelUnavailableError.
 */
export async function predictRul(trajectory: unknown, options: RulOptions = {}): Promise<RulPrediction> {
  const rows = parseRulTrajectory(trajectory);
  const [prediction] = await run(await loadRulModel(options), [rows]);
  return prediction!;
}

/** Up to MAX_RUL_BATCH trajectories in one ONNX run; results in input order. */
export async function predictRulBatch(trajectories: unknown, options: RulOptions = {}): Promise<RulPrediction[]> {
  if (!Array.isArray(trajectories) || trajectories.length > MAX_RUL_BATCH) {
    throw new InvalidFeaturesError([{ feature: 'trajectories', problem: `must be an array of at most ${MAX_RUL_BATCH} trajectories` }]);
  }
  const parsed: RulTrajectory[] = [];
  const issues: Array<{ feature: string; problem: string }> = [];
  trajectories.forEach((t: unknown, i) => {
    try {
      parsed.push(parseRulTrajectory(t, `trajectories.${i}`));
    } catch (error) {
      if (!(error instanceof InvalidFeaturesError)) throw error;
      issues.push(...error.issues);
    }
  });
  if (issues.length > 0) throw new InvalidFeaturesError(issues);
  const loaded = await loadRulModel(options);
  return parsed.length === 0 ? [] : run(loaded, parsed);
}
