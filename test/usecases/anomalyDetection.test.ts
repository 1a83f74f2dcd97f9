import { describe, expect, it } from 'vitest';
import { modelsDir } from '../../config';
import { generateScenario } from '../../domain/scenarios';
import { ManifestModelRegistry } from '../../models';
import { StreamingAnomalyDetector } from '../../stats/streaming/anomalyDetector';
import {
  COMBINED_THRESHOLD,
  detectAnomaliesBySensor,
  detectAnomaliesInSeries,
  type StreamingScorer,
} from '../../usecases/anomalyDetection';

const history = generateScenario('normal', { count: 80, seed: 11 }).map((r) => r.value);

describe('detectAnomaliesInSeries', () => {
  it('flags injected spikes with both detectors and leaves plain noise alone', async () => {
    const run = generateScenario('anomaly', { count: 40, seed: 5, anomalies: 4 });
    const result = await detectAnomaliesInSeries(
      run.map((r) => r.value),
      history,
    );
    const spikes = run.filter((r) => r.injected === 'spike').map((r) => r.index);
    const flagged = result.anomalies.map((a) => a.index);
    expect(flagged.filter((i) => spikes.includes(i)).length).toBeGreaterThanOrEqual(spikes.length - 1);
    expect(flagged.filter((i) => !spikes.includes(i))).toHaveLength(0);
    expect(result.method).toBe('combined');
    expect(result.model_info?.name).toBe('sensor_anomaly_isolation_forest');
    expect(result.anomalies.every((a) => a.score >= COMBINED_THRESHOLD && a.reason.includes('robust z'))).toBe(true);
  });

  it('falls back to the statistical detector, and says so, when models are not loaded', async () => {
    const registry = new ManifestModelRegistry({ modelsDir: modelsDir(), disableModelLoading: true });
    const values = [...generateScenario('normal', { count: 30, seed: 3 }).map((r) => r.value), 80];
    const result = await detectAnomaliesInSeries(values, history, { registry });
    expect(result.method).toBe('robust_zscore');
    expect(result.model_info).toBeNull();
    expect(result.fallback_reason).toMatch(/unavailable/);
    expect(result.anomalies.map((a) => a.index)).toEqual([30]);
    expect(result.anomalies[0]!.method).toBe('robust_zscore');
  });

  it('learns the baseline from the data: after a level shift the new level stops being anomalous', async () => {
    const shifted = Array.from({ length: 150 }, (_, i) => 60 + Math.sin(i) * 1.5);
    const result = await detectAnomaliesInSeries(shifted, history);
    const flagged = result.anomalies.map((a) => a.index);
    expect(flagged.some((i) => i < 10)).toBe(true);
    expect(flagged.filter((i) => i >= 120)).toHaveLength(0);
  });
});

describe('detectAnomaliesBySensor with the streaming detector', () => {
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  // A detector that has learned its sensor, as the scorer persists it.
  const learned = new StreamingAnomalyDetector();
  generateScenario('normal', { count: 400, seed: 21 }).forEach((r, i) => learned.update(r.value, t0 + i * 60_000));
  const state = learned.toJSON();
  const streamingOf: StreamingScorer = async (sensorId, series) => {
    if (sensorId !== 'known') return null;
    const d = StreamingAnomalyDetector.fromJSON(state);
    const points = series.flatMap((r, index) => {
      const s = d.update(r.value, r.ts);
      return s.evidence >= d.threshold
        ? [{ index, value: r.value, score: s.evidence, method: 'streaming' as const, robust_z: null, model_score: null, reason: 'x' }]
        : [];
    });
    return { threshold: d.threshold, points };
  };
  const normal = generateScenario('normal', { count: 30, seed: 4 }).map((r) => r.value);
  const body = (sensorId: string) =>
    normal.map((value, i) => ({
      sensor_id: sensorId,
      value: i === 20 ? 500 : value,
      timestamp: new Date(t0 + (400 + i) * 60_000).toISOString(),
    }));

  it('judges a learned sensor with its streaming detector in timestamp order, and maps anomalies back to body positions', async () => {
    const readings = body('known').reverse();
    const result = await detectAnomaliesBySensor(readings, async () => history, { streamingOf });
    expect(result.method).toBe('streaming');
    expect(result.model_info).toBeNull();
    const spike = result.anomalies.find((a) => a.value === 500);
    expect(spike).toMatchObject({ method: 'streaming', sensor_id: 'known', index: 9 });
    expect(result.anomalies.every((a) => a.method === 'streaming')).toBe(true);
  });

  it('falls back to the series baseline for a sensor the detector has not learned, with its 1 - sensitivity threshold', async () => {
    const result = await detectAnomaliesBySensor([...body('known'), ...body('new')], async () => history, {
      streamingOf,
      sensitivity: 0.7,
    });
    expect(result.sensors).toBe(2);
    expect(result.threshold).toBe(0.3);
    expect(result.method).not.toBe('streaming');
    const bySensor = (id: string) => result.anomalies.filter((a) => a.sensor_id === id);
    expect(bySensor('known').every((a) => a.method === 'streaming')).toBe(true);
    expect(bySensor('new').some((a) => a.index === 50 && a.method !== 'streaming')).toBe(true);
  });
});
