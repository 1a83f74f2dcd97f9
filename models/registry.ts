import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ModelDisabledError, ModelNotFoundError, ModelUnavailableError } from './errors';
import { type Manifest, type ManifestVersion, type ModelStage, readManifest } from './manifest';

export type ModelTask = Manifest['models'][string]['task'];

/** One version of one model, as the registry describes it. */
export interface ModelVersionInfo {
  name: string;
  task: ModelTask;
  version: string;
  stage: ModelStage;
  enabled: boolean;
  createdAt: string;
  /** The manifest entry: threshold, metrics, feature spec, card path, sha256. */
  entry: ManifestVersion;
}

export interface ModelSummary {
  name: string;
  task: ModelTask;
  versions: ModelVersionInfo[];
}

/** What `"auto"` or an explicit version resolved to. */
export type ResolvedModel = ModelVersionInfo;

/**
 * Where models are looked up. The manifest registry below is the default; an MLflow REST adapter
 * would implement the same interface (resolve via registered-model stages, locate by downloading
 * the artifact to a local cache).
 */
export interface ModelRegistry {
  listModels(): Promise<ModelSummary[]>;
  /** Throws ModelNotFoundError for an unknown name. */
  listVersions(name: string): Promise<ModelVersionInfo[]>;
  /**
   * `"auto"`: the enabled Production version, else the enabled Staging one, else the newest
   * enabled version. Throws ModelNotFoundError (unknown name or version) or ModelDisabledError.
   */
  resolve(name: string, version?: string): Promise<ResolvedModel>;
  /** Absolute path of a loadable artifact; throws ModelUnavailableError when it cannot be loaded. */
  locateArtifact(model: ResolvedModel): Promise<string>;
  /** The model card (Markdown) of a version. */
  readCard(model: ResolvedModel): Promise<string>;
}

export const AUTO_VERSION = 'auto';

export interface ManifestRegistryOptions {
  /** Directory holding registry.json; artifact paths in the manifest are relative to it. */
  modelsDir: string;
  /** DISABLE_MODEL_LOADING: every artifact counts as unavailable. */
  disableModelLoading?: boolean;
  /** Defaults to `<modelsDir>/registry.json`. */
  manifestFile?: string;
}

/** Newest first: by created_at, then by version with numeric parts compared as numbers. */
function newestFirst(a: ModelVersionInfo, b: ModelVersionInfo): number {
  if (a.createdAt !== b.createdAt) return Date.parse(b.createdAt) - Date.parse(a.createdAt);
  return b.version.localeCompare(a.version, 'en', { numeric: true });
}

/** Picks what `"auto"` means from a model's versions (exported for the MLflow adapter to reuse). */
export function resolveAuto(name: string, versions: readonly ModelVersionInfo[]): ModelVersionInfo {
  const enabled = versions.filter((v) => v.enabled).sort(newestFirst);
  const chosen =
    enabled.find((v) => v.stage === 'Production') ?? enabled.find((v) => v.stage === 'Staging') ?? enabled[0];
  if (!chosen) throw new ModelDisabledError(name);
  return chosen;
}

export class ManifestModelRegistry implements ModelRegistry {
  private manifest: Promise<Manifest> | undefined;
  private readonly manifestFile: string;

  constructor(private readonly options: ManifestRegistryOptions) {
    this.manifestFile = options.manifestFile ?? path.join(options.modelsDir, 'registry.json');
  }

  /** Read once per registry; a failed read is not cached so a fixed file is picked up. */
  private load(): Promise<Manifest> {
    this.manifest ??= readManifest(this.manifestFile).catch((error: unknown) => {
      this.manifest = undefined;
      throw error;
    });
    return this.manifest;
  }

  async listModels(): Promise<ModelSummary[]> {
    const manifest = await this.load();
    return Object.entries(manifest.models).map(([name, model]) => ({
      name,
      task: model.task,
      versions: model.versions.map((entry) => toInfo(name, model.task, entry)).sort(newestFirst),
    }));
  }

  async listVersions(name: string): Promise<ModelVersionInfo[]> {
    const model = (await this.load()).models[name];
    if (!model) throw new ModelNotFoundError(name);
    return model.versions.map((entry) => toInfo(name, model.task, entry)).sort(newestFirst);
  }

  async resolve(name: string, version: string = AUTO_VERSION): Promise<ResolvedModel> {
    const versions = await this.listVersions(name);
    if (version === AUTO_VERSION) return resolveAuto(name, versions);
    const found = versions.find((v) => v.version === version);
    if (!found) throw new ModelNotFoundError(name, version);
    if (!found.enabled) throw new ModelDisabledError(name, version);
    return found;
  }

  async locateArtifact(model: ResolvedModel): Promise<string> {
    if (this.options.disableModelLoading) {
      throw new ModelUnavailableError('Model loading is disabled (DISABLE_MODEL_LOADING=true)', 'loading_disabled');
    }
    const file = path.resolve(this.options.modelsDir, model.entry.artifact);
    try {
      await access(file);
    } catch {
      throw new ModelUnavailableError(
        `Artifact of ${model.name} ${model.version} is missing: ${model.entry.artifact}`,
        'artifact_missing',
      );
    }
    return file;
  }

  readCard(model: ResolvedModel): Promise<string> {
    return readFile(path.resolve(this.options.modelsDir, model.entry.card), 'utf8');
  }
}

function toInfo(name: string, task: ModelTask, entry: ManifestVersion): ModelVersionInfo {
  return { name, task, version: entry.version, stage: entry.stage, enabled: entry.enabled, createdAt: entry.created_at, entry };
}
