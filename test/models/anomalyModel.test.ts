import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WINDOW, WINDOW_FEATURE_NAMES, pointFeatures, seriesFeatures } from '../../models/anomalyFeatures';
import { scoreAnomalies } from '../../models/anomalyModel';
import { InvalidFeaturesError } from '../../models/errors';
import { ManifestModelRegistry } from '../../models/registry';
import { MODELS_DIR } from './support/tempManifest';

const fixture = JSON.parse(readFileSync(path.join(MODELS_DIR, 'fixtures/reference_predictions.json'), 'utf8')) as {
  anomaly: { spike_index: number; values: number[]; features: number[][]; scores: number[] };
};
const registry = new ManifestModelRegistry({ modelsDir: MODELS_DIR });

/** Seeded Gaussian noise (mulberry32 + Box–Muller), so the test sees the same stream every run. */
function gaussianStream(seed: number, length: number, level: number, sd: number): number[] {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length }, () => {
    const u = 1 - uniform();
    return level + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  });
}

describe('seriesFeatures', () => {
  it('reproduces the Python window features of the fixture stream to 1e-12 relative', () => {
    // Not bit for bit: V8's Math.log and the C library's log may round the last bit differently.
    const features = seriesFeatures(fixture.anomaly.values);
    expect(features).toHaveLength(fixture.anomaly.values.length - WINDOW);
    features.forEach((f, i) =>
      WINDOW_FEATURE_NAMES.forEach((name, j) => {
        const expected = fixture.anomaly.features[i]![j]!;
        expect(Math.abs(f[name] - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
      }),
    );
  });

  it('does not divide by zero on a flat window', () => {
    const flat = Array.from({ length: WINDOW + 1 }, () => 5);
    expect(pointFeatures(flat, WINDOW)).toEqual({ robust_z: 0, z: 0, diff_z: 0, log_sd_ratio: 0 });
  });
});

describe('scoreAnomalies', () => {
  it('matches Python onnxruntime scores to 1e-5 and leaves the warm-up unscored', async () => {
    const result = await scoreAnomalies(fixture.anomaly.values, { registry });
    expect(result.warmUp).toBe(WINDOW);
    expect(result.points.slice(0, WINDOW).every((p) => p.score === null)).toBe(true);
    result.points.slice(WINDOW).forEach((p, i) => expect(Math.abs(p.score! - fixture.anomaly.scores[i]!)).toBeLessThanOrEqual(1e-5));
    expect(result.model).toEqual({ name: 'sensor_anomaly_isolation_forest', version: '1.0.0', stage: 'Production' });
  });

  it('scores an injected spike high and above the threshold, and plain noise low', async () => {
    const values = gaussianStream(7, 300, 72.5, 0.8);
    values[200] = 72.5 + 8 * 0.8;
    const result = await scoreAnomalies(values, { registry });
    const spike = result.points[200]!;
    expect(spike.isAnomaly).toBe(true);
    expect(spike.score!).toBeGreaterThan(result.threshold);
    expect(spike.features!.robust_z).toBeGreaterThan(5);

    const normal = result.points.filter((p) => p.score !== null && Math.abs(p.index - 200) > 5);
    const medianScore = normal.map((p) => p.score!).sort((a, b) => a - b)[Math.floor(normal.length / 2)]!;
    expect(medianScore).toBeLessThan(0.5);
    expect(normal.filter((p) => p.isAnomaly).length / normal.length).toBeLessThan(0.03);
  });

  it('gives the same scores whatever the unit of the sensor (scale-free features)', async () => {
    const values = gaussianStream(11, 80, 0, 1);
    const a = await scoreAnomalies(values, { registry });
    const b = await scoreAnomalies(values.map((v) => 1000 + 250 * v), { registry });
    a.points.slice(WINDOW).forEach((p, i) => expect(b.points[WINDOW + i]!.score!).toBeCloseTo(p.score!, 4));
  });

  it('rejects non-finite readings', async () => {
    await expect(scoreAnomalies([1, 2, Number.NaN], { registry })).rejects.toBeInstanceOf(InvalidFeaturesError);
  });
});
