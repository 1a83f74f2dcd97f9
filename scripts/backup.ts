/**
 * `npm run backup [-- --out <dir>]`: writes one archive <dir>/<timestamp>.tar.gz (default
 * .data/backups) holding the database (pg_dump custom format), a snapshot of the Temporal dev
 * server's SQLite state, the model registry (manifest, artifacts, cards) and a manifest.json with
 * a sha256 per file. Report artifacts (PDFs) live in the database, so the dump carries them.
 *
 * Order matters: Temporal is snapshotted first, the database second. The database may then hold
 * the effect of an activity the restored workflow does not know has finished; the workflow runs
 * it again and the activity's idempotency key makes that a no-op. The other order could restore
 * a workflow that believes a row exists which the dump does not contain.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dataDir, getConfig, modelsDir, projectRoot } from '../config';
import { databaseInventory } from '../db/databaseInventory';
import { createSql } from '../db/sql';
import { temporalCliPath } from '../temporal/tools';
import {
  ARCHIVE_FORMAT,
  MANIFEST_FILE,
  describeFiles,
  listFiles,
  majorVersion,
  tarCreate,
  temporalDbFile,
  toolVersion,
  type BackupManifest,
} from './backup/archive';
import { snapshotSqlite } from './backup/sqliteSnapshot';

/** The model registry's own files (training data and code stay in the repository). */
const MODEL_ENTRIES = ['registry.json', 'artifacts', 'cards'];

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function run(): Promise<void> {
  const config = getConfig();
  const outDir = path.resolve(argValue('--out') ?? path.join(dataDir(config), 'backups'));
  const pgDumpVersion = toolVersion('pg_dump');

  const sql = createSql(config.DATABASE_URL, 1);
  const inventory = await databaseInventory(sql).finally(() => sql.end());
  if (majorVersion(pgDumpVersion) < majorVersion(inventory.serverVersion)) {
    throw new Error(`${pgDumpVersion} is older than the server (${inventory.serverVersion}); install a matching PostgreSQL client`);
  }

  const stage = mkdtempSync(path.join(os.tmpdir(), 'sm-backup-'));
  try {
    const temporalDb = temporalDbFile(config);
    const hasTemporal = existsSync(temporalDb);
    if (hasTemporal) {
      mkdirSync(path.join(stage, 'temporal'));
      snapshotSqlite(temporalDb, path.join(stage, 'temporal', 'temporal.sqlite'));
    } else {
      console.warn(`[backup] no Temporal dev-server state at ${temporalDb}: workflows are not in this archive`);
    }

    execFileSync(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', '--file', path.join(stage, 'database.dump'), '--dbname', config.DATABASE_URL],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );

    const models = modelsDir(config);
    for (const entry of MODEL_ENTRIES) {
      const src = path.join(models, entry);
      if (existsSync(src)) cpSync(src, path.join(stage, 'models', entry), { recursive: true });
    }

    const manifest: BackupManifest = {
      format: ARCHIVE_FORMAT,
      format_version: 1,
      created_at: new Date().toISOString(),
      app_version: (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version,
      postgres: { server_version: inventory.serverVersion, pg_dump_version: pgDumpVersion, migrations: inventory.migrations },
      temporal: { cli_version: hasTemporal ? toolVersion(temporalCliPath) : 'not included', included: hasTemporal },
      files: await describeFiles(stage, listFiles(stage)),
    };
    writeFileSync(path.join(stage, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

    mkdirSync(outDir, { recursive: true });
    const name = `${manifest.created_at.replace(/[:.]/g, '-')}.tar.gz`;
    // Written beside its final name and renamed, so a crash never leaves a half archive under it.
    const partial = path.join(outDir, `.${name}.partial`);
    tarCreate(partial, stage);
    renameSync(partial, path.join(outDir, name));
    const total = manifest.files.reduce((n, f) => n + f.bytes, 0);
    console.log(`[backup] ${path.join(outDir, name)} (${manifest.files.length} files, ${(total / 1e6).toFixed(1)} MB before compression)`);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

run().catch((err) => {
  const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
  console.error(`[backup] failed: ${err instanceof Error ? err.message : err}${stderr ? `\n${stderr}` : ''}`);
  process.exit(1);
});
