import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelDisabledError, ModelNotFoundError, ModelUnavailableError } from '../../models/errors';
import { predictFailure } from '../../models/failureClassifier';
import type { ManifestVersion } from '../../models/manifest';
import { preloadModels } from '../../models/loadModel';
import { ManifestModelRegistry } from '../../models/registry';
import { MODELS_DIR, committedManifest, versionLike, writeTempManifest } from './support/tempManifest';

const RF = 'ai4i_classifier_randomforest_baseline';

function registryWith(versions: ManifestVersion[], options: { disableModelLoading?: boolean } = {}) {
  const dir = writeTempManifest({
    schema_version: 1,
    models: { [RF]: { task: 'binary_classification', versions } },
  });
  return { dir, registry: new ManifestModelRegistry({ modelsDir: dir, ...options }) };
}

const at = (day: number) => `2025-01-${String(day).padStart(2, '0')}T00:00:00Z`;
const healthyRow = {
  Air_temperature_K: 298.1,
  Process_temperature_K: 308.6,
  Rotational_speed_rpm: 1551,
  Torque_Nm: 42.8,
  Tool_wear_min: 0,
  Type: 'M',
};

describe('ManifestModelRegistry', () => {
  it('resolves "auto" to the enabled Production version even when newer ones exist', async () => {
    const { registry } = registryWith([
      versionLike(RF, { version: '1.0.0', stage: 'Production', created_at: at(1) }),
      versionLike(RF, { version: '2.0.0', stage: 'Staging', created_at: at(2) }),
      versionLike(RF, { version: '3.0.0', stage: 'None', created_at: at(3) }),
    ]);
    expect((await registry.resolve(RF, 'auto')).version).toBe('1.0.0');
  });

  it('falls back to Staging when the Production version is disabled', async () => {
    const { registry } = registryWith([
      versionLike(RF, { version: '1.0.0', stage: 'Production', enabled: false, created_at: at(1) }),
      versionLike(RF, { version: '2.0.0', stage: 'Staging', created_at: at(2) }),
      versionLike(RF, { version: '3.0.0', stage: 'None', created_at: at(3) }),
    ]);
    expect((await registry.resolve(RF)).version).toBe('2.0.0');
  });

  it('falls back to the newest enabled version when no Production or Staging version is enabled', async () => {
    const { registry } = registryWith([
      versionLike(RF, { version: '1.0.0', stage: 'None', created_at: at(1) }),
      versionLike(RF, { version: '1.5.0', stage: 'None', created_at: at(5) }),
      versionLike(RF, { version: '2.0.0', stage: 'Staging', enabled: false, created_at: at(6) }),
      versionLike(RF, { version: '3.0.0', stage: 'None', enabled: false, created_at: at(9) }),
    ]);
    expect((await registry.resolve(RF)).version).toBe('1.5.0');
  });

  it('reports a disabled model when every version is disabled', async () => {
    const { registry } = registryWith([versionLike(RF, { stage: 'Production', enabled: false })]);
    await expect(registry.resolve(RF)).rejects.toBeInstanceOf(ModelDisabledError);
  });

  it('refuses an explicitly requested disabled version with code MODEL_DISABLED', async () => {
    const { registry } = registryWith([
      versionLike(RF, { version: '1.0.0', stage: 'Production', created_at: at(1) }),
      versionLike(RF, { version: '0.9.0', stage: 'None', enabled: false, created_at: at(1) }),
    ]);
    await expect(registry.resolve(RF, '0.9.0')).rejects.toMatchObject({ code: 'MODEL_DISABLED', modelVersion: '0.9.0' });
    expect((await registry.resolve(RF, '1.0.0')).stage).toBe('Production');
  });

  it('answers ModelNotFoundError for an unknown name or version', async () => {
    const { registry } = registryWith([versionLike(RF, {})]);
    await expect(registry.resolve('no_such_model')).rejects.toBeInstanceOf(ModelNotFoundError);
    await expect(registry.resolve(RF, '9.9.9')).rejects.toMatchObject({ code: 'MODEL_NOT_FOUND', modelVersion: '9.9.9' });
    await expect(registry.listVersions('no_such_model')).rejects.toBeInstanceOf(ModelNotFoundError);
  });

  it('lists the committed models newest version first', async () => {
    const registry = new ManifestModelRegistry({ modelsDir: MODELS_DIR });
    const names = (await registry.listModels()).map((m) => m.name).sort();
    expect(names).toEqual(['ai4i_classifier_gbm', RF, 'cmapss_rul_regressor', 'sensor_anomaly_isolation_forest']);
    expect((await registry.resolve(RF)).stage).toBe('Production');
    expect((await registry.resolve('ai4i_classifier_gbm')).stage).toBe('Staging');
  });

  it('makes a missing artifact a ModelUnavailableError, in the registry and in predictFailure', async () => {
    const { registry } = registryWith([versionLike(RF, { artifact: 'artifacts/gone.onnx' })]);
    const model = await registry.resolve(RF);
    await expect(registry.locateArtifact(model)).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE', reason: 'artifact_missing' });
    await expect(predictFailure(healthyRow, { registry })).rejects.toBeInstanceOf(ModelUnavailableError);
  });

  it('makes every artifact unavailable when model loading is disabled', async () => {
    const registry = new ManifestModelRegistry({ modelsDir: MODELS_DIR, disableModelLoading: true });
    await expect(predictFailure(healthyRow, { registry })).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      reason: 'loading_disabled',
    });
  });

  it('refuses to load an artifact whose sha256 differs from the manifest', async () => {
    const entry = committedManifest().models[RF]!.versions[0]!;
    const { dir, registry } = registryWith([
      versionLike(RF, { version: '7.0.0', sha256: '0'.repeat(64), artifact: 'artifacts/copy.onnx' }),
    ]);
    mkdirSync(path.join(dir, 'artifacts'));
    copyFileSync(path.join(MODELS_DIR, entry.artifact), path.join(dir, 'artifacts/copy.onnx'));
    await expect(predictFailure(healthyRow, { registry })).rejects.toMatchObject({ reason: 'hash_mismatch' });
  });

  it('serves an enabled non-default version that loads from a verified copy', async () => {
    const entry = committedManifest().models[RF]!.versions[0]!;
    const { dir, registry } = registryWith([versionLike(RF, { version: '8.0.0', artifact: 'artifacts/copy.onnx' })]);
    mkdirSync(path.join(dir, 'artifacts'));
    copyFileSync(path.join(MODELS_DIR, entry.artifact), path.join(dir, 'artifacts/copy.onnx'));
    const result = await predictFailure(healthyRow, { registry });
    expect(result.model).toEqual({ name: RF, version: '8.0.0', stage: 'Production' });
  });
});

describe('preloadModels', () => {
  it('loads the auto version of every committed model and reports a disabled one without throwing', async () => {
    const loaded = await preloadModels(new ManifestModelRegistry({ modelsDir: MODELS_DIR }));
    expect(loaded.map((r) => [r.name, r.loaded]).sort()).toEqual([
      ['ai4i_classifier_gbm', true],
      [RF, true],
      ['cmapss_rul_regressor', true],
      ['sensor_anomaly_isolation_forest', true],
    ]);
    const { registry } = registryWith([versionLike(RF, { enabled: false })]);
    const [result] = await preloadModels(registry);
    expect(result).toMatchObject({ name: RF, loaded: false });
    expect(result!.error).toContain('disabled');
  });

  it('loads only the named models when given a list (an API process preloads what API_PRELOAD_MODELS names)', async () => {
    const loaded = await preloadModels(new ManifestModelRegistry({ modelsDir: MODELS_DIR }), [RF]);
    expect(loaded.map((r) => [r.name, r.loaded])).toEqual([[RF, true]]);
  });

  it('reads the model card of a resolved version', async () => {
    const registry = new ManifestModelRegistry({ modelsDir: MODELS_DIR });
    const card = await registry.readCard(await registry.resolve(RF));
    expect(card).toContain('# ai4i_classifier_randomforest_baseline 1.0.0');
    expect(card).toContain('UDI % 5 == 0');
  });
});
