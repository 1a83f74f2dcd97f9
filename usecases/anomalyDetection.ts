import { ModelUnavailableError, scoreAnomalies, type ModelRef, type ModelRegistry } from '../models';
import { RollingRobustBaseline } from '../stats';

/**
 * The original system's `sensitivity` (0-1, higher flags more): the combined score a point must
 * reach is 1 - sensitivity, so the default 0.5 is today's threshold and 0.7 flags from 0.3 up.
 * Kept inside [0.05, 0.95] so that neither end flags every point or none at all.
 */
export const DEFAULT_SENSITIVITY = 0.5;
export function thresholdFor(sensitivity = DEFAULT_SENSITIVITY): number {
  return Math.round(Math.min(0.95, Math.max(0.05, 1 - sensitivity)) * 1000) / 1000;
}

/** One reading of the original system's detection body, scored within its own sensor's series. */
export interface SensorReadingForDetection {
  sensor_id: string;
  value: number;
  timestamp?: string;
  sensor_type?: string;
  unit?: string;
  quality?: number;
}

/**
 * The original system's many-sensor form: readings are grouped by sensor, ordered by time, and
 * each sensor's series is scored against that sensor's own stored history (a vibration spike is
 * not judged against a temperature baseline). Anomalies keep the index of the reading in the body.
 */
export async function detectAnomaliesBySensor(
  readings: SensorReadingForDetection[],
  historyOf: (sensorId: string, before: Date) => Promise<number[]>,
  opts: { modelVersion?: string; sensitivity?: number; now?: Date; streamingOf?: StreamingScorer } = {},
) {
  const groups = new Map<string, number[]>();
  readings.forEach((r, i) => groups.set(r.sensor_id, [...(groups.get(r.sensor_id) ?? []), i]));
  const at = (i: number) => (readings[i]!.timestamp ? Date.parse(readings[i]!.timestamp!) : Number.POSITIVE_INFINITY);
  const perSensor = await Promise.all(
    [...groups].map(async ([sensorId, indices]) => {
      const ordered = [...indices].sort((a, b) => at(a) - at(b) || a - b);
      const values = ordered.map((i) => readings[i]!.value);
      // A sensor whose streaming detector has learned it is judged by that detector (the one its
      // alarms come from), in timestamp order, from its state as it stands; nothing is persisted.
      const streamed = await opts.streamingOf?.(
        sensorId,
        ordered.map((i) => ({ value: readings[i]!.value, ts: Number.isFinite(at(i)) ? at(i) : undefined })),
      );
      if (streamed) return { sensorId, ordered, result: streamingResult(values.length, streamed), streaming: true };
      const first = readings[ordered[0]!]!.timestamp;
      const history = await historyOf(sensorId, first ? new Date(first) : (opts.now ?? new Date()));
      const result = await detectAnomaliesInSeries(values, history, opts);
      return { sensorId, ordered, result, streaming: false };
    }),
  );
  const anomalies = perSensor
    .flatMap(({ sensorId, ordered, result }) =>
      result.anomalies.map((a) => {
        const r = readings[ordered[a.index]!]!;
        return {
          ...a,
          index: ordered[a.index]!,
          sensor_id: sensorId,
          sensor_type: r.sensor_type ?? null,
          unit: r.unit ?? null,
          quality: r.quality ?? null,
          timestamp: r.timestamp ?? null,
        };
      }),
    )
    .sort((a, b) => a.index - b.index);
  // The answer's method and threshold: the streaming detector's when it judged every sensor, else
  // the series baseline's (1 - sensitivity); each anomaly names the method that found it.
  const first = (perSensor.find((p) => !p.streaming) ?? perSensor[0]!).result;
  return {
    analyzed: readings.length,
    sensors: perSensor.length,
    anomalies,
    method: first.method,
    threshold: first.threshold,
    model_info: first.model_info,
    fallback_reason: perSensor.map((p) => p.result.fallback_reason).find((f) => f !== null) ?? null,
    history_used: perSensor.reduce((n, p) => n + p.result.baseline.history_used, 0),
  };
}

/** The sensor's streaming detector on a series, or null when it has not learned the sensor yet. */
export type StreamingScorer = (
  sensorId: string,
  readings: { value: number; ts?: number }[],
) => Promise<{ threshold: number; points: DetectedPoint[] } | null>;

function streamingResult(analyzed: number, s: { threshold: number; points: DetectedPoint[] }): DetectionResult {
  return {
    analyzed,
    method: 'streaming',
    anomalies: s.points,
    threshold: s.threshold,
    model_info: null,
    fallback_reason: null,
    baseline: { window: 0, history_used: 0 },
  };
}

/** Robust z at which the statistical detector alone calls a point anomalous. */
export const ROBUST_Z_THRESHOLD = 3.5;
/**
 * Combined score = 0.5 · model score + 0.5 · statistical score, where the statistical score is
 * min(1, |robust z| / 7) — so |z| = 3.5 maps to 0.5, the same place as the model's own decision
 * region. A point is anomalous when the combined score reaches 0.5. Without a model (disabled or
 * missing artifact), the statistical score alone decides, and the answer says so.
 */
export const WEIGHTS = { model: 0.5, statistical: 0.5 } as const;
export const COMBINED_THRESHOLD = 0.5;
/** Readings the rolling baseline keeps: learned from the sensor's own recent history. */
export const BASELINE_WINDOW = 100;

export interface DetectedPoint {
  index: number;
  value: number;
  score: number;
  method: 'combined' | 'isolation_forest' | 'robust_zscore' | 'streaming';
  robust_z: number | null;
  model_score: number | null;
  reason: string;
}

export interface DetectionResult {
  analyzed: number;
  method: 'combined' | 'robust_zscore' | 'streaming';
  anomalies: DetectedPoint[];
  threshold: number;
  model_info: (ModelRef & { threshold: number }) | null;
  fallback_reason: string | null;
  baseline: { window: number; history_used: number };
}

/**
 * Scores `values` (oldest first) given the sensor's earlier `history` (oldest first). The rolling
 * robust baseline is updated with every reading as it goes — it is never frozen at one value —
 * and a point is scored against the baseline as it stood before that point.
 */
export async function detectAnomaliesInSeries(
  values: number[],
  history: number[],
  opts: { modelVersion?: string; registry?: ModelRegistry; sensitivity?: number } = {},
): Promise<DetectionResult> {
  const threshold = thresholdFor(opts.sensitivity);
  const baseline = new RollingRobustBaseline({ windowSize: BASELINE_WINDOW, minSamples: 10 });
  for (const h of history) baseline.update(h);
  const z = values.map((v) => baseline.observe(v));

  let modelScores: (number | null)[] = values.map(() => null);
  let modelInfo: DetectionResult['model_info'] = null;
  let fallback: string | null = null;
  try {
    const scored = await scoreAnomalies([...history, ...values], { modelVersion: opts.modelVersion, registry: opts.registry });
    modelScores = scored.points.slice(history.length).map((p) => p.score);
    modelInfo = { ...scored.model, threshold: scored.threshold };
  } catch (err) {
    if (!(err instanceof ModelUnavailableError)) throw err;
    fallback = `anomaly model unavailable (${err.message}); statistical detector only`;
  }

  const anomalies: DetectedPoint[] = [];
  values.forEach((value, index) => {
    const rz = z[index] ?? null;
    const stat = rz === null ? null : Math.min(1, Math.abs(rz) / (2 * ROBUST_Z_THRESHOLD));
    const model = modelScores[index] ?? null;
    // The model's score is rescaled so that its own threshold also lands at 0.5.
    const modelNorm = model === null || !modelInfo ? null : Math.min(1, (0.5 * model) / modelInfo.threshold);
    let score: number | null;
    if (stat !== null && modelNorm !== null) score = WEIGHTS.model * modelNorm + WEIGHTS.statistical * stat;
    else score = stat ?? modelNorm;
    if (score === null || score < threshold) return;
    const statFlag = rz !== null && Math.abs(rz) >= ROBUST_Z_THRESHOLD;
    const modelFlag = model !== null && modelInfo !== null && model >= modelInfo.threshold;
    const method = statFlag && modelFlag ? 'combined' : modelFlag ? 'isolation_forest' : 'robust_zscore';
    const parts = [
      rz !== null ? `robust z ${rz.toFixed(1)} vs the last ${BASELINE_WINDOW} readings` : null,
      model !== null && modelInfo ? `isolation forest ${model.toFixed(2)} (threshold ${modelInfo.threshold.toFixed(2)})` : null,
    ].filter(Boolean);
    anomalies.push({
      index,
      value,
      score: Math.round(score * 1000) / 1000,
      method,
      robust_z: rz,
      model_score: model,
      reason: parts.join('; '),
    });
  });

  return {
    analyzed: values.length,
    method: modelInfo ? 'combined' : 'robust_zscore',
    anomalies,
    threshold,
    model_info: modelInfo,
    fallback_reason: fallback,
    baseline: { window: BASELINE_WINDOW, history_used: history.length },
  };
}
