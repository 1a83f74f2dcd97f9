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
  const manifestNames = model.entry.feature_spec.features.map((f) => f.name);
  if (manifestNames.join('\n') !== expectedFeatureNames.join('\n')) {
    // The TypeScript feature code and the trained graph disagree: serving would be silently wrong.
    throw new ModelUnavailableError(
      `${name} ${model.version} expects features [${manifestNames.join(', ')}], this code computes [${expectedFeatureNames.join(', ')}]`,
      'incompatible',
    );
  }
  const file = await registry.locateArtifact(model);
  return { model, session: await getSession(file, model.entry.sha256) };
}
