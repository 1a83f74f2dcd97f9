import { getConfig, modelsDir } from '../config';
import { ManifestModelRegistry, type ModelRegistry } from './registry';

let registry: ModelRegistry | undefined;

/**
 * The process's registry: the manifest in MODELS_DIR, honouring DISABLE_MODEL_LOADING. (When an
 * MLflow adapter exists, MLFLOW_TRACKING_URI would choose it here.)
 */
export function defaultModelRegistry(): ModelRegistry {
  if (!registry) {
    const config = getConfig();
    registry = new ManifestModelRegistry({
      modelsDir: modelsDir(config),
      disableModelLoading: config.DISABLE_MODEL_LOADING,
    });
  }
  return registry;
}
