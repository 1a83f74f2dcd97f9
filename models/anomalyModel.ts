import { performance } from 'node:perf_hooks';
import { Tensor } from 'onnxruntime-node';
import { WINDOW, WINDOW_FEATURE_NAMES, type WindowFeatures, seriesFeatures } from './anomalyFeatures';
import { defaultModelRegistry } from './defaultRegistry';
import { InvalidFeaturesError } from './errors';
import type { ModelRef } from './failureClassifier';
import { loadModel } from './loadModel';
import { decisionThreshold } from './manifest';
import { AUTO_VERSION, type ModelRegistry } from './registry';

export const DEFAULT_ANOMALY_MODEL = 'sensor_anomaly_isolation_forest';

export interface AnomalyOptions {
  modelName?: string;
  modelVersion?: string;
  registry?: ModelRegistry;
}

export interface AnomalyPoint {
  index: number;
  /** 0..1, higher = more anomalous; null for the first WINDOW points, which have no history. */
  score: number | null;
  isAnomaly: boolean;
  /** Why: the window features the forest saw (null during warm-up). */
  features: WindowFeatures | null;
}

export interface AnomalyScores {
  points: AnomalyPoint[];
  /** A point is anomalous when its score ≥ threshold (from the model card). */
  threshold: number;
  /** Points not scored because they have fewer than WINDOW readings before them. */
  warmUp: number;
  model: ModelRef;
  latency_ms: number;
}

/**
 * Isolation Forest scores of a stream, oldest reading first. The score is the Isolation Forest
 * paper's 2^(-E[h(x)]/c(n)), i.e. 0.5 minus the ONNX `scores` output (scikit-learn's
 * decision_function with contamination='auto'). Throws the registry's errors and
 * ModelUnavailableError; callers fall back to the statistical detector on the latter.
 */
export async function scoreAnomalies(values: readonly number[], options: AnomalyOptions = {}): Promise<AnomalyScores> {
  const started = performance.now();
  const bad = values.flatMap((v, i) => (Number.isFinite(v) ? [] : [{ feature: `values.${i}`, problem: 'not a finite number' }]));
  if (bad.length > 0) throw new InvalidFeaturesError(bad);

  const loaded = await loadModel(
    options.registry ?? defaultModelRegistry(),
    options.modelName ?? DEFAULT_ANOMALY_MODEL,
    options.modelVersion ?? AUTO_VERSION,
    'anomaly_detection',
    WINDOW_FEATURE_NAMES,
  );
  const { entry } = loaded.model;
  const features = seriesFeatures(values);
  let scores: number[] = [];
  if (features.length > 0) {
    const width = WINDOW_FEATURE_NAMES.length;
    const input = new Float32Array(features.length * width);
    features.forEach((f, i) => WINDOW_FEATURE_NAMES.forEach((name, j) => (input[i * width + j] = f[name])));
    const outputName = String(entry.outputs['scores']);
    const results = await loaded.session.run(
      { [entry.input.name]: new Tensor('float32', input, [features.length, width]) },
      [outputName],
    );
    scores = Array.from(results[outputName]!.data as Float32Array, (s) => 0.5 - s);
  }
  const warmUp = Math.min(WINDOW, values.length);
  const points = values.map((_, index): AnomalyPoint => {
    const score = index < WINDOW ? null : scores[index - WINDOW]!;
    return {
      index,
      score,
      isAnomaly: score !== null && score >= decisionThreshold(entry),
      features: index < WINDOW ? null : features[index - WINDOW]!,
    };
  });
  return {
    points,
    threshold: decisionThreshold(entry),
    warmUp,
    model: { name: loaded.model.name, version: loaded.model.version, stage: loaded.model.stage },
    latency_ms: performance.now() - started,
  };
}
