import { performance } from 'node:perf_hooks';
import { Tensor } from 'onnxruntime-node';
import { InvalidFeaturesError } from './errors';
import {
  ENGINEERED_FEATURE_NAMES,
  type FailureFeatures,
  engineerFailureFeatures,
  parseFailureFeatures,
} from './failureFeatures';
import { type LoadedModel, loadModel } from './loadModel';
import { decisionThreshold, type ModelStage } from './manifest';
import { AUTO_VERSION, type ModelRegistry } from './registry';
import { defaultModelRegistry } from './defaultRegistry';

export const DEFAULT_FAILURE_MODEL = 'ai4i_classifier_randomforest_baseline';

export interface PredictOptions {
  /** Defaults to ai4i_classifier_randomforest_baseline. */
  modelName?: string;
  /** A version string or "auto" (the default). */
  modelVersion?: string;
  /** Defaults to the process's manifest registry. */
  registry?: ModelRegistry;
}

export interface ModelRef {
  name: string;
  version: string;
  stage: ModelStage;
}

export interface FailurePrediction {
  /** 1 when probability ≥ threshold (the model card's), else 0. */
  prediction: 0 | 1;
  /** Probability of failure, 0..1. */
  probability: number;
  /**
   * How far the probability sits from the threshold, towards the side predicted, scaled to 0..1:
   * (p - t) / (1 - t) for a predicted failure, (t - p) / t otherwise. 0 means "on the fence",
   * 1 means the model could not be surer. Scaled from the threshold rather than 0.5 because the
   * threshold is where the decision flips.
   */
  confidence: number;
  threshold: number;
  model: ModelRef;
  /** The digest of the artifact that ran (the registry entry's), for lineage. */
  artifact_sha256: string;
  latency_ms: number;
}

export interface FailureBatchPrediction {
  probabilities: number[];
  predictions: Array<0 | 1>;
  threshold: number;
  model: ModelRef;
  artifact_sha256: string;
  latency_ms: number;
}

export function confidenceOf(probability: number, threshold: number): number {
  const raw = probability >= threshold ? (probability - threshold) / (1 - threshold) : (threshold - probability) / threshold;
  return Math.min(1, Math.max(0, raw));
}

function loadClassifier(options: PredictOptions): Promise<LoadedModel> {
  return loadModel(
    options.registry ?? defaultModelRegistry(),
    options.modelName ?? DEFAULT_FAILURE_MODEL,
    options.modelVersion ?? AUTO_VERSION,
    'binary_classification',
    ENGINEERED_FEATURE_NAMES,
  );
}

async function runProbabilities(loaded: LoadedModel, rows: readonly FailureFeatures[]): Promise<number[]> {
  const { entry } = loaded.model;
  const input = engineerFailureFeatures(rows);
  const width = ENGINEERED_FEATURE_NAMES.length;
  const outputName = String(entry.outputs['probabilities']);
  const results = await loaded.session.run(
    { [entry.input.name]: new Tensor('float32', input, [rows.length, width]) },
    [outputName],
  );
  const data = results[outputName]!.data as Float32Array;
  const positive = Number(entry.outputs['positive_class_index'] ?? 1);
  return rows.map((_, i) => data[i * 2 + positive]!);
}

function toRef(loaded: LoadedModel): ModelRef {
  return { name: loaded.model.name, version: loaded.model.version, stage: loaded.model.stage };
}

/**
 * Failure probability of one machine state. `features` is validated here (strict schema), so the
 * API may pass the request body straight through; throws InvalidFeaturesError, ModelNotFoundError,
 * ModelDisabledError, ModelTaskMismatchError or ModelUnavailableError.
 */
export async function predictFailure(features: unknown, options: PredictOptions = {}): Promise<FailurePrediction> {
  const started = performance.now();
  const row = parseFailureFeatures(features);
  const loaded = await loadClassifier(options);
  const [probability] = await runProbabilities(loaded, [row]);
  const threshold = decisionThreshold(loaded.model.entry);
  return {
    prediction: probability! >= threshold ? 1 : 0,
    probability: probability!,
    confidence: confidenceOf(probability!, threshold),
    threshold,
    model: toRef(loaded),
    artifact_sha256: loaded.model.entry.sha256,
    latency_ms: performance.now() - started,
  };
}

/**
 * Many rows in one session.run, for explanations and benchmarks. Rows must already have passed
 * failureFeaturesSchema; this only re-checks that every number is finite, which costs little.
 */
export async function predictFailureBatch(
  rows: readonly FailureFeatures[],
  options: PredictOptions = {},
): Promise<FailureBatchPrediction> {
  const started = performance.now();
  rows.forEach((row, i) => {
    const bad = Object.entries(row).filter(([key, value]) => key !== 'Type' && !Number.isFinite(value));
    if (bad.length > 0) {
      throw new InvalidFeaturesError(bad.map(([key]) => ({ feature: `${i}.${key}`, problem: 'not a finite number' })));
    }
  });
  const loaded = await loadClassifier(options);
  const probabilities = rows.length === 0 ? [] : await runProbabilities(loaded, rows);
  const threshold = decisionThreshold(loaded.model.entry);
  return {
    probabilities,
    predictions: probabilities.map((p) => (p >= threshold ? 1 : 0)),
    threshold,
    model: toRef(loaded),
    artifact_sha256: loaded.model.entry.sha256,
    latency_ms: performance.now() - started,
  };
}
