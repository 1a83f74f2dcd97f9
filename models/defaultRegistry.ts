import { getConfig, modelsDir } from '../config';
import { ManifestModelRegistry, type ModelRegistry } from './registry';
import { StageOverlayRegistry, type ProductionVersions } from './stageOverlay';

let registry: ModelRegistry | undefined;
let production: ProductionVersions | undefined;

/**
 * The process's registry: the manifest in MODELS_DIR, honouring DISABLE_MODEL_LOADING, with the
 * recorded promotions laid over it once the process has said where they are. (When an MLflow
 * adapter exists, MLFLOW_TRACKING_URI would choose it here.)
 */
export function defaultModelRegistry(): ModelRegistry {
  if (!registry) {
    const config = getConfig();
    const manifest = new ManifestModelRegistry({
      modelsDir: modelsDir(config),
      disableModelLoading: config.DISABLE_MODEL_LOADING,
    });
    registry = production ? new StageOverlayRegistry(manifest, production) : manifest;
  }
  return registry;
}

/** Makes the registry honour recorded promotions and rollbacks (the API and the worker call it at start-up). */
export function useRecordedProductionVersions(source: ProductionVersions): void {
  production = source;
  registry = undefined;
}
