import type { InferenceSession } from 'onnxruntime-node';
import { ModelTaskMismatchError, ModelUnavailableError } from './errors';
import { getSession } from './onnxSession';
import type { ModelRegistry, ModelTask, ResolvedModel } from './registry';

export interface LoadedModel {
  model: ResolvedModel;
  session: InferenceSession;
}

/** Resolves a name and version (or "auto") to a verified, cached ONNX session for one task. */
export async function loadModel(
  registry: ModelRegistry,
  name: string,
  version: string,
  task: ModelTask,
  expectedFeatureNames: readonly string[],
): Promise<LoadedModel> {
  const model = await registry.resolve(name, version);
  if (model.task !== task) throw new ModelTaskMismatchError(name, task, model.task);
  if (compatible.get(model.entry) !== expectedFeatureNames) assertFeatureNames(model, expectedFeatureNames);
  const file = await locateOnce(registry, model);
  return { model, session: await getSession(file, model.entry.sha256) };
}

// A manifest entry already checked against a feature list is not checked again on every request.
const compatible = new WeakMap<object, readonly string[]>();

function assertFeatureNames(model: ResolvedModel, expectedFeatureNames: readonly string[]): void {
  const manifestNames = model.entry.feature_spec.features.map((f) => f.name);
  if (manifestNames.join('\n') !== expectedFeatureNames.join('\n')) {
    // The TypeScript feature code and the trained graph disagree: serving would be silently wrong.
    throw new ModelUnavailableError(
      `${name} ${model.version} expects features [${manifestNames.join(', ')}], this code computes [${expectedFeatureNames.join(', ')}]`,
      'incompatible',
    );
  }
  compatible.set(model.entry, expectedFeatureNames);
}

// Locating checks the file system; once a version's artifact was found (and its session built from
// it), later requests reuse the path instead of paying a syscall on every prediction.
const located = new WeakMap<ModelRegistry, Map<string, string>>();

async function locateOnce(registry: ModelRegistry, model: ResolvedModel): Promise<string> {
  let paths = located.get(registry);
  if (!paths) located.set(registry, (paths = new Map()));
  const key = `${model.name}@${model.version}`;
  const known = paths.get(key);
  if (known) return known;
  const file = await registry.locateArtifact(model);
  paths.set(key, file);
  return file;
}

export interface PreloadResult {
  name: string;
  version?: string;
  loaded: boolean;
  error?: string;
}

/**
 * Loads the "auto" version of every model (or of those in `only`) so the first request does not
 * pay for session creation (about a second for the Isolation Forest). Never throws: a model that
 * cannot load is reported, and requests for it fail with the usual typed error.
 */
export async function preloadModels(registry: ModelRegistry, only?: readonly string[]): Promise<PreloadResult[]> {
  const models = (await registry.listModels()).filter(({ name }) => !only || only.includes(name));
  return Promise.all(
    models.map(async ({ name }): Promise<PreloadResult> => {
      try {
        const model = await registry.resolve(name);
        const file = await registry.locateArtifact(model);
        await getSession(file, model.entry.sha256);
        return { name, version: model.version, loaded: true };
      } catch (error) {
        return { name, loaded: false, error: (error as Error).message };
      }
    }),
  );
}
