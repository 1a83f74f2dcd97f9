import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Manifest, ManifestVersion } from '../../../models/manifest';

export const MODELS_DIR = path.resolve(__dirname, '../../../models');

export function committedManifest(): Manifest {
  return JSON.parse(readFileSync(path.join(MODELS_DIR, 'registry.json'), 'utf8')) as Manifest;
}

/** A committed version entry with some fields replaced. */
export function versionLike(
  modelName: string,
  overrides: Partial<ManifestVersion>,
): ManifestVersion {
  const base = committedManifest().models[modelName]!.versions[0]!;
  return { ...base, ...overrides };
}

/** Writes a manifest into a fresh temp directory and returns that directory. */
export function writeTempManifest(manifest: Manifest): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'models-registry-'));
  writeFileSync(path.join(dir, 'registry.json'), JSON.stringify(manifest));
  return dir;
}
