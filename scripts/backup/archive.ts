import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { dataDir, type Config } from '../../config';

/**
 * The backup archive: one .tar.gz holding `manifest.json` and the files it lists. The manifest
 * records a sha256 per file, so a restore refuses a truncated or altered archive before it
 * writes anything.
 */

export const MANIFEST_FILE = 'manifest.json';
export const ARCHIVE_FORMAT = 'smart-maintenance-backup';

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  format_version: z.literal(1),
  created_at: z.string(),
  app_version: z.string(),
  postgres: z.object({ server_version: z.string(), pg_dump_version: z.string(), migrations: z.array(z.string()) }),
  temporal: z.object({ cli_version: z.string(), included: z.boolean() }),
  files: z.array(z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => hash.update(d))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Every regular file under `dir`, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

export async function describeFiles(dir: string, files: string[]): Promise<BackupManifest['files']> {
  const described: BackupManifest['files'] = [];
  for (const rel of files) {
    const abs = path.join(dir, rel);
    described.push({ path: rel, bytes: statSync(abs).size, sha256: await sha256File(abs) });
  }
  return described;
}

/**
 * Checks every listed file against its checksum, and that the archive holds nothing else.
 * Returns the problems found (empty when the archive is intact).
 */
export async function verifyFiles(dir: string, manifest: BackupManifest): Promise<string[]> {
  const problems: string[] = [];
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const f of manifest.files) {
    if (f.path.split('/').includes('..') || path.isAbsolute(f.path)) {
      problems.push(`${f.path}: path leaves the archive`);
      continue;
    }
    const abs = path.join(dir, f.path);
    let size: number;
    try {
      size = statSync(abs).size;
    } catch {
      problems.push(`${f.path}: missing`);
      continue;
    }
    if (size !== f.bytes) problems.push(`${f.path}: ${size} bytes, manifest says ${f.bytes}`);
    else if ((await sha256File(abs)) !== f.sha256) problems.push(`${f.path}: sha256 does not match the manifest`);
  }
  for (const rel of listFiles(dir)) {
    if (rel !== MANIFEST_FILE && !listed.has(rel)) problems.push(`${rel}: not in the manifest`);
  }
  return problems;
}

export function tarCreate(archive: string, sourceDir: string): void {
  execFileSync('tar', ['-czf', archive, '-C', sourceDir, '.'], { stdio: ['ignore', 'ignore', 'pipe'] });
}

export function tarExtract(archive: string, targetDir: string): void {
  // --no-same-owner: files belong to whoever restores, not to the uid that made the backup.
  execFileSync('tar', ['-xzf', archive, '-C', targetDir, '--no-same-owner'], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** First line of `<cmd> --version`, or a message saying the tool is missing. */
export function toolVersion(cmd: string, args: string[] = ['--version']): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')[0]!
      .trim();
  } catch {
    throw new Error(`${cmd} not found on PATH (install the PostgreSQL client matching the server's major version)`);
  }
}

/** Major version of a `pg_dump (PostgreSQL) 15.20 ...` line or a `15.20 (Debian ...)` server version. */
export function majorVersion(text: string): number {
  const m = /(\d+)(?:\.\d+)?/.exec(text.replace(/^[^\d]*/, ''));
  return m ? Number(m[1]) : Number.NaN;
}

/** Where `npm start` keeps the Temporal dev server's SQLite state (scripts/start.ts). */
export function temporalDbFile(config: Config): string {
  return path.join(dataDir(config), 'temporal', 'temporal.sqlite');
}
