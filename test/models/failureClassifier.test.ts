import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidFeaturesError, ModelTaskMismatchError } from '../../models/errors';
import { confidenceOf, predictFailure, predictFailureBatch } from '../../models/failureClassifier';
import type { FailureFeatures } from '../../models/failureFeatures';
import { ManifestModelRegistry } from '../../models/registry';
import { MODELS_DIR } from './support/tempManifest';

interface FixtureRow {
  udi: number;
  features: FailureFeatures;
  machine_failure: number;
  probability: number;
  prediction: 0 | 1;
}
const fixture = JSON.parse(readFileSync(path.join(MODELS_DIR, 'fixtures/reference_predictions.json'), 'utf8')) as {
  tolerance: number;
  classifiers: Record<string, { version: string; threshold: number; rows: FixtureRow[] }>;
};
const registry = new ManifestModelRegistry({ modelsDir: MODELS_DIR });

describe('predictFailure', () => {
  for (const [name, reference] of Object.entries(fixture.classifiers)) {
    it(`matches Python onnxruntime to 1e-5 on ${reference.rows.length} test rows for ${name}`, async () => {
      expect(reference.rows.length).toBeGreaterThanOrEqual(40);
      for (const row of reference.rows) {
        const result = await predictFailure(row.features, { modelName: name, modelVersion: reference.version, registry });
        expect(Math.abs(result.probability - row.probability)).toBeLessThanOrEqual(fixture.tolerance);
        expect(result.prediction).toBe(row.prediction);
        expect(result.threshold).toBe(reference.threshold);
      }
    });
  }

  it('tells failures from healthy rows on the fixture (both classes present, mostly right)', async () => {
    const rows = fixture.classifiers['ai4i_classifier_randomforest_baseline']!.rows;
    const results = await Promise.all(rows.map((r) => predictFailure(r.features, { registry })));
    const correct = results.filter((r, i) => r.prediction === rows[i]!.machine_failure).length;
    expect(rows.filter((r) => r.machine_failure === 1).length).toBeGreaterThan(10);
    expect(correct / rows.length).toBeGreaterThan(0.85);
  });

  it('serves the Production model for "auto" and reports it with a latency', async () => {
    const result = await predictFailure(fixture.classifiers['ai4i_classifier_randomforest_baseline']!.rows[0]!.features, {
      registry,
    });
    expect(result.model).toEqual({ name: 'ai4i_classifier_randomforest_baseline', version: '1.0.0', stage: 'Production' });
    expect(result.latency_ms).toBeGreaterThan(0);
    expect(result.confidence).toBeGreaterThanOrEqual(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('rejects bad features before touching the model', async () => {
    await expect(predictFailure({ Torque_Nm: 40 }, { registry })).rejects.toBeInstanceOf(InvalidFeaturesError);
  });

  it('refuses to predict failures with the anomaly model', async () => {
    const row = fixture.classifiers['ai4i_classifier_gbm']!.rows[0]!.features;
    await expect(predictFailure(row, { modelName: 'sensor_anomaly_isolation_forest', registry })).rejects.toBeInstanceOf(
      ModelTaskMismatchError,
    );
  });
});

describe('predictFailureBatch', () => {
  it('gives the same probabilities in one run as row by row', async () => {
    const rows = fixture.classifiers['ai4i_classifier_gbm']!.rows;
    const batch = await predictFailureBatch(
      rows.map((r) => r.features),
      { modelName: 'ai4i_classifier_gbm', registry },
    );
    expect(batch.model.stage).toBe('Staging');
    batch.probabilities.forEach((p, i) => expect(Math.abs(p - rows[i]!.probability)).toBeLessThanOrEqual(1e-5));
    expect(batch.predictions).toEqual(rows.map((r) => r.prediction));
  });

  it('rejects a non-finite value and names its row', async () => {
    const rows = fixture.classifiers['ai4i_classifier_gbm']!.rows.slice(0, 3).map((r) => ({ ...r.features }));
    rows[2]!.Torque_Nm = Number.NaN;
    await expect(predictFailureBatch(rows, { registry })).rejects.toMatchObject({
      issues: [{ feature: '2.Torque_Nm', problem: 'not a finite number' }],
    });
  });
});

describe('confidenceOf', () => {
  it('is 0 at the threshold and 1 at either extreme', () => {
    expect(confidenceOf(0.6, 0.6)).toBe(0);
    expect(confidenceOf(1, 0.6)).toBe(1);
    expect(confidenceOf(0, 0.6)).toBe(1);
    expect(confidenceOf(0.8, 0.6)).toBeCloseTo(0.5, 12);
    expect(confidenceOf(0.3, 0.6)).toBeCloseTo(0.5, 12);
  });
});
