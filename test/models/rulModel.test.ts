import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidFeaturesError } from '../../models/errors';
import { ManifestModelRegistry } from '../../models/registry';
import {
  RUL_CAP,
  RUL_FEATURE_NAMES,
  RUL_SENSORS,
  RUL_WINDOW,
  type RulCycle,
  parseRulTrajectory,
  rulFeatures,
} from '../../models/rulFeatures';
import { MAX_RUL_BATCH, predictRul, predictRulBatch } from '../../models/rulModel';
import { MODELS_DIR } from './support/tempManifest';

interface RulCase {
  unit: number;
  cycles: number;
  trajectory: number[][];
  features: number[];
  onnx_output: number;
  rul: number;
  lower: number;
  upper: number;
}
const fixture = JSON.parse(readFileSync(path.join(MODELS_DIR, 'fixtures/rul_reference.json'), 'utf8')) as {
  tolerance: number;
  level: number;
  feature_names: string[];
  columns: string[];
  cases: RulCase[];
};
const registry = new ManifestModelRegistry({ modelsDir: MODELS_DIR });

/** The fixture's rows as the objects a caller sends: keyed by the training file's column names. */
function trajectoryOf(c: RulCase): RulCycle[] {
  return c.trajectory.map((values) => Object.fromEntries(fixture.columns.map((name, j) => [name, values[j]!])) as RulCycle);
}

describe('rulFeatures', () => {
  it('lists the features in the order the Python training wrote into the fixture', () => {
    expect(RUL_FEATURE_NAMES).toEqual(fixture.feature_names);
  });

  it('reproduces the Python features of every fixture trajectory, short ones included, to 1e-9 relative', () => {
    expect(fixture.cases.map((c) => c.cycles)).toEqual(expect.arrayContaining([1, 2, RUL_WINDOW - 1, RUL_WINDOW, RUL_WINDOW + 1]));
    for (const c of fixture.cases) {
      const features = rulFeatures(trajectoryOf(c));
      features.forEach((value, j) => {
        const expected = c.features[j]!;
        expect(Math.abs(value - expected), `unit ${c.unit} cut at ${c.cycles}: ${RUL_FEATURE_NAMES[j]}`).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(expected)),
        );
      });
    }
  });

  it('gives a one-cycle trajectory its readings as last and mean, slope 0 and its time as the cycle', () => {
    const [row] = trajectoryOf(fixture.cases.find((c) => c.cycles === 1)!);
    const features = rulFeatures([{ ...row!, time: 7 }]);
    expect(features[0]).toBe(7);
    expect(features.slice(1, 4)).toEqual([row!.s2, row!.s2, 0]);
  });

  it('uses only the last RUL_WINDOW cycles for the mean and slope', () => {
    const long = trajectoryOf(fixture.cases.find((c) => c.cycles > RUL_WINDOW + 10)!);
    const tail = long.slice(-RUL_WINDOW);
    expect(rulFeatures(long)).toEqual(rulFeatures(tail));
  });
});

describe('parseRulTrajectory', () => {
  const [row] = trajectoryOf(fixture.cases[0]!);

  it('accepts rows without the ignored columns and rejects an empty trajectory', () => {
    const minimal = Object.fromEntries((['time', ...RUL_SENSORS] as const).map((k) => [k, row![k]]));
    expect(parseRulTrajectory([minimal])).toHaveLength(1);
    expect(() => parseRulTrajectory([])).toThrow(InvalidFeaturesError);
  });

  it('names each missing, unknown and non-finite column and each out-of-order cycle', () => {
    const { s3: _dropped, ...withoutS3 } = row!;
    try {
      parseRulTrajectory([{ ...row!, s9: Number.NaN }, withoutS3, { ...row!, s99: 1 }, { ...row!, time: 0 }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidFeaturesError);
      const issues = (error as InvalidFeaturesError).issues;
      expect(issues).toEqual(
        expect.arrayContaining([
          { feature: 'trajectory.0.s9', problem: expect.any(String) },
          { feature: 'trajectory.1.s3', problem: 'missing' },
          { feature: 'trajectory.2.s99', problem: 'unknown column' },
          { feature: 'trajectory.3.time', problem: expect.stringContaining('not after') },
        ]),
      );
    }
  });
});

describe('predictRul', () => {
  it('matches Python onnxruntime predictions and intervals on every fixture trajectory to 1e-4', async () => {
    for (const c of fixture.cases) {
      const result = await predictRul(trajectoryOf(c), { registry });
      expect(Math.abs(result.rul - c.rul), `unit ${c.unit} cut at ${c.cycles}`).toBeLessThanOrEqual(fixture.tolerance);
      expect(Math.abs(result.interval.lower - c.lower)).toBeLessThanOrEqual(fixture.tolerance);
      expect(Math.abs(result.interval.upper - c.upper)).toBeLessThanOrEqual(fixture.tolerance);
      expect(result.interval.level).toBe(fixture.level);
      expect(result.interval.lower).toBeLessThanOrEqual(result.rul);
      expect(result.interval.upper).toBeGreaterThanOrEqual(result.rul);
      expect(result.model_info).toEqual({ name: 'cmapss_rul_regressor', version: '1.0.0', stage: 'Production' });
    }
  });

  it('predicts a short RUL for an engine cut at failure and the cap for a fresh one', async () => {
    const failed = fixture.cases.find((c) => c.cycles === c.trajectory.length && c.rul < 30)!;
    expect((await predictRul(trajectoryOf(failed), { registry })).rul).toBeLessThan(30);
    const fresh = fixture.cases.find((c) => c.cycles === 1)!;
    expect((await predictRul(trajectoryOf(fresh), { registry })).rul).toBeCloseTo(RUL_CAP, 6);
  });

  it('refuses an invalid trajectory before loading any model', async () => {
    await expect(predictRul([{ time: 1 }], { registry })).rejects.toBeInstanceOf(InvalidFeaturesError);
    await expect(predictRul('not a trajectory', { registry })).rejects.toBeInstanceOf(InvalidFeaturesError);
  });

  it('refuses to serve the failure classifier as a RUL model', async () => {
    await expect(
      predictRul(trajectoryOf(fixture.cases[0]!), { registry, modelName: 'ai4i_classifier_randomforest_baseline' }),
    ).rejects.toMatchObject({ code: 'MODEL_TASK_MISMATCH' });
  });
});

describe('predictRulBatch', () => {
  it('returns in one run what predictRul returns one by one, in input order', async () => {
    const trajectories = fixture.cases.map(trajectoryOf);
    const batch = await predictRulBatch(trajectories, { registry });
    expect(batch.map((p) => p.rul)).toEqual(await Promise.all(trajectories.map(async (t) => (await predictRul(t, { registry })).rul)));
    batch.forEach((p, i) => expect(Math.abs(p.rul - fixture.cases[i]!.rul)).toBeLessThanOrEqual(fixture.tolerance));
  });

  it(`accepts ${MAX_RUL_BATCH} trajectories, refuses more, and names the bad trajectory`, async () => {
    const one = trajectoryOf(fixture.cases[5]!);
    expect(
      await predictRulBatch(
        Array.from({ length: MAX_RUL_BATCH }, () => one),
        { registry },
      ),
    ).toHaveLength(MAX_RUL_BATCH);
    await expect(
      predictRulBatch(
        Array.from({ length: MAX_RUL_BATCH + 1 }, () => one),
        { registry },
      ),
    ).rejects.toBeInstanceOf(InvalidFeaturesError);
    await expect(predictRulBatch([one, []], { registry })).rejects.toMatchObject({
      issues: [{ feature: 'trajectories.1', problem: expect.any(String) }],
    });
    expect(await predictRulBatch([], { registry })).toEqual([]);
  });
});
