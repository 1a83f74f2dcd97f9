import { describe, expect, it } from 'vitest';
import { modelsDir } from '../../config';
import { generateScenario } from '../../domain/scenarios';
import { ManifestModelRegistry } from '../../models';
import { COMBINED_THRESHOLD, detectAnomaliesInSeries } from '../../usecases/anomalyDetection';

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
