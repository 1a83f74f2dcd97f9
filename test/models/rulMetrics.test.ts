import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManifestVersion } from '../../models/manifest';
import { MODELS_DIR, committedManifest } from './support/tempManifest';

const entry = committedManifest().models['cmapss_rul_regressor']!.versions[0]! as ManifestVersion & {
  metrics_file: string;
  interval: { level: number };
};
interface FoldFigures {
  fold: number;
  engines: number;
  rmse: number;
  phm08_score: number;
  coverage: number;
  units: number[];
}
const metrics = JSON.parse(readFileSync(path.join(MODELS_DIR, entry.metrics_file), 'utf8')) as {
  artifact_sha256: string;
  dataset_sha256: string;
  grouped_cv: { engines: number; rmse: number; phm08_score: number; coverage: number; interval_level: number; all_cycles_coverage: number };
  per_fold: FoldFigures[];
  held_out_engines: Array<{
    unit: number;
    fold: number;
    length: number;
    truncated_at: number;
    true_rul_capped: number;
    predicted_rul: number;
  }>;
};

describe('cmapss_rul_regressor committed metrics', () => {
  it('belong to the committed artifact: its sha256 matches the registry, the metrics file and the card', () => {
    const bytes = readFileSync(path.join(MODELS_DIR, entry.artifact));
    const digest = createHash('sha256').update(bytes).digest('hex');
    expect(digest).toBe(entry.sha256);
    expect(metrics.artifact_sha256).toBe(entry.sha256);
    expect(readFileSync(path.join(MODELS_DIR, entry.card), 'utf8')).toContain(entry.sha256);
    const dataset = readFileSync(path.join(MODELS_DIR, 'data/cmapss/train_FD001.txt'));
    expect(createHash('sha256').update(dataset).digest('hex')).toBe(metrics.dataset_sha256);
  });

  it('validate on whole engines: five folds of 20 disjoint units covering all 100', () => {
    expect(metrics.per_fold).toHaveLength(5);
    const units = metrics.per_fold.flatMap((f) => f.units);
    expect(new Set(units).size).toBe(100);
    expect(metrics.per_fold.every((f) => f.engines === 20 && f.units.length === 20)).toBe(true);
    for (const e of metrics.held_out_engines) {
      expect(metrics.per_fold[e.fold]!.units).toContain(e.unit);
      expect(e.truncated_at).toBeGreaterThanOrEqual(1);
      expect(e.truncated_at).toBeLessThanOrEqual(e.length);
    }
  });

  it('meet the issue target: grouped-CV RMSE at most 15 cycles, recomputable from the per-engine predictions', () => {
    expect(metrics.grouped_cv.engines).toBe(100);
    expect(metrics.grouped_cv.rmse).toBeLessThanOrEqual(15);
    const d = metrics.held_out_engines.map((e) => e.predicted_rul - e.true_rul_capped);
    const rmse = Math.sqrt(d.reduce((s, x) => s + x * x, 0) / d.length);
    expect(rmse).toBeCloseTo(metrics.grouped_cv.rmse, 2);
    const phm = d.reduce((s, x) => s + (x < 0 ? Math.exp(-x / 13) - 1 : Math.exp(x / 10) - 1), 0);
    expect(phm).toBeCloseTo(metrics.grouped_cv.phm08_score, 0);
  });

  it('have an interval whose held-out coverage is within 0.07 of its nominal level', () => {
    const level = entry.interval.level;
    expect(metrics.grouped_cv.interval_level).toBe(level);
    expect(Math.abs(metrics.grouped_cv.coverage - level)).toBeLessThanOrEqual(0.07);
    expect(Math.abs(metrics.grouped_cv.all_cycles_coverage - level)).toBeLessThanOrEqual(0.03);
  });

  it('are the figures the registry entry carries', () => {
    const registryFigures = (entry.metrics as { grouped_cv: typeof metrics.grouped_cv }).grouped_cv;
    expect(registryFigures).toEqual(metrics.grouped_cv);
  });
});
