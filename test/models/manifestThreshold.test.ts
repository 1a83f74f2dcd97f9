import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../models/manifest';
import { committedManifest } from './support/tempManifest';

describe('the manifest threshold', () => {
  const manifest = committedManifest();
  const withThreshold = (model: string, threshold: number | null) => ({
    ...manifest,
    models: { ...manifest.models, [model]: { ...manifest.models[model]!, versions: manifest.models[model]!.versions.map((v) => ({ ...v, threshold })) } },
  });

  it('is a decision threshold: a number for every classifier and detector, null for the RUL regressor', () => {
    expect(manifestSchema.safeParse(manifest).success).toBe(true);
    for (const [name, m] of Object.entries(manifest.models)) {
      for (const v of m.versions) {
        if (m.task === 'rul_regression') expect(v.threshold, name).toBeNull();
        else expect(typeof v.threshold, name).toBe('number');
      }
    }
  });

  it('refuses a regressor that claims a threshold and a classifier without one', () => {
    const regressor = manifestSchema.safeParse(withThreshold('cmapss_rul_regressor', 125));
    expect(regressor.success).toBe(false);
    expect(regressor.error!.issues[0]!.message).toContain('null for a regressor');
    expect(manifestSchema.safeParse(withThreshold('ai4i_classifier_randomforest_baseline', null)).success).toBe(false);
  });
});
