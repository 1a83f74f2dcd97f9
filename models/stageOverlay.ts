import { resolveAuto, AUTO_VERSION, type ModelRegistry, type ModelSummary, type ModelVersionInfo, type ResolvedModel } from './registry';
import { ModelDisabledError, ModelNotFoundError } from './errors';

/** The version of each model that recorded promotions and rollbacks put in Production. */
export type ProductionVersions = () => Promise<Map<string, string>>;

/** How long the recorded moves are trusted before they are read again (a promotion takes effect within this). */
const REFRESH_MS = 5_000;

/**
 * The manifest's registry with the recorded stage moves laid over it: the promoted version reads
 * Production (and "auto" resolves to it), the manifest's own Production version reads Staging. The
 * manifest file stays as trained; the database holds who moved what, and when.
 */
export class StageOverlayRegistry implements ModelRegistry {
  private cached: { at: number; map: Promise<Map<string, string>> } | undefined;

  constructor(
    private readonly base: ModelRegistry,
    private readonly production: ProductionVersions,
  ) {}

  private productionMap(): Promise<Map<string, string>> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > REFRESH_MS) {
      // A database hiccup keeps serving the manifest's stages rather than failing predictions.
      this.cached = { at: now, map: this.production().catch(() => new Map<string, string>()) };
    }
    return this.cached.map;
  }

  private overlay(versions: ModelVersionInfo[], promoted: string | undefined): ModelVersionInfo[] {
    if (!promoted || !versions.some((v) => v.version === promoted)) return versions;
    return versions.map((v) =>
      v.version === promoted
        ? { ...v, stage: 'Production' }
        : v.stage === 'Production'
          ? { ...v, stage: 'Staging' }
          : v,
    );
  }

  async listModels(): Promise<ModelSummary[]> {
    const [models, map] = await Promise.all([this.base.listModels(), this.productionMap()]);
    return models.map((m) => ({ ...m, versions: this.overlay(m.versions, map.get(m.name)) }));
  }

  async listVersions(name: string): Promise<ModelVersionInfo[]> {
    const [versions, map] = await Promise.all([this.base.listVersions(name), this.productionMap()]);
    return this.overlay(versions, map.get(name));
  }

  async resolve(name: string, version: string = AUTO_VERSION): Promise<ResolvedModel> {
    const versions = await this.listVersions(name);
    if (version === AUTO_VERSION) return resolveAuto(name, versions);
    const found = versions.find((v) => v.version === version);
    if (!found) throw new ModelNotFoundError(name, version);
    if (!found.enabled) throw new ModelDisabledError(name, version);
    return found;
  }

  locateArtifact(model: ResolvedModel): Promise<string> {
    return this.base.locateArtifact(model);
  }

  readCard(model: ResolvedModel): Promise<string> {
    return this.base.readCard(model);
  }
}
