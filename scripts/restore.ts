/**
 * `npm run restore -- <archive> [--force]`: verifies every checksum in the archive's manifest,
 * then restores the database, the Temporal dev server's state and the model registry. Meant for
 * an empty environment: it refuses, before writing anything, when the database has tables, the
 * Temporal state file exists, a model file differs, or a Temporal server answers on
 * TEMPORAL_ADDRESS (its SQLite file must not change under it). `--force` overwrites instead
 * (the running-server check stays).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getConfig, modelsDir } from '../config';
import { databaseInventory } from '../db/databaseInventory';
import { ensureDatabase } from '../db/migrate';
import { createSql } from '../db/sql';
import {
  MANIFEST_FILE,
  listFiles,
  majorVersion,
  manifestSchema,
  sha256File,
  tarExtract,
  temporalDbFile,
  toolVersion,
  verifyFiles,
} from './backup/archive';
import { isReachable } from './services';

async function run(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const force = args.includes('--force');
  const archive = args.find((a) => !a.startsWith('--'));
  if (!archive) throw new Error('usage: npm run restore -- <archive.tar.gz> [--force]');
  if (!existsSync(archive)) throw new Error(`${archive}: no such file`);
  const config = getConfig();
  const pgRestoreVersion = toolVersion('pg_restore');

  const work = mkdtempSync(path.join(os.tmpdir(), 'sm-restore-'));
  try {
    tarExtract(path.resolve(archive), work);
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path.join(work, MANIFEST_FILE), 'utf8')));
    if (!parsed.success) throw new Error(`${archive}: not a Smart Maintenance backup (${parsed.error.issues[0]?.message})`);
    const manifest = parsed.data;
    const problems = await verifyFiles(work, manifest);
    if (problems.length) throw new Error(`${archive} is damaged, nothing was restored:\n  ${problems.join('\n  ')}`);
    if (majorVersion(pgRestoreVersion) < majorVersion(manifest.postgres.pg_dump_version)) {
      throw new Error(`${pgRestoreVersion} cannot read a dump made by ${manifest.postgres.pg_dump_version}`);
    }

    // Every refusal comes before the first write.
    const temporalAddress = new URL(`grpc://${config.TEMPORAL_ADDRESS}`);
    if (manifest.temporal.included && (await isReachable(temporalAddress.hostname, Number(temporalAddress.port || 7233)))) {
      throw new Error(`a Temporal server answers on ${config.TEMPORAL_ADDRESS}: stop it (and the workers) before restoring its state`);
    }
    const refusals: string[] = [];
    await ensureDatabase(config.DATABASE_URL);
    const sql = createSql(config.DATABASE_URL, 1);
    const inventory = await databaseInventory(sql).finally(() => sql.end());
    if (inventory.userTables > 0)
      refusals.push(`the database ${new URL(config.DATABASE_URL).pathname.slice(1)} is not empty (${inventory.userTables} tables)`);
    const temporalDb = temporalDbFile(config);
    if (manifest.temporal.included && existsSync(temporalDb)) refusals.push(`${temporalDb} exists`);
    const models = modelsDir(config);
    const modelFiles = existsSync(path.join(work, 'models')) ? listFiles(path.join(work, 'models')) : [];
    for (const rel of modelFiles) {
      const target = path.join(models, rel);
      if (existsSync(target) && (await sha256File(target)) !== (await sha256File(path.join(work, 'models', rel)))) {
        refusals.push(`${target} differs from the backup`);
      }
    }
    if (refusals.length && !force) {
      throw new Error(`refusing to restore into a non-empty environment (pass --force to overwrite):\n  ${refusals.join('\n  ')}`);
    }

    // One transaction: a failure leaves the database as it was.
    execFileSync(
      'pg_restore',
      [
        '--exit-on-error',
        '--single-transaction',
        '--no-owner',
        '--no-privileges',
        ...(force ? ['--clean', '--if-exists'] : []),
        '--dbname',
        config.DATABASE_URL,
        path.join(work, 'database.dump'),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    if (manifest.temporal.included) {
      mkdirSync(path.dirname(temporalDb), { recursive: true });
      for (const suffix of ['-wal', '-shm']) rmSync(`${temporalDb}${suffix}`, { force: true });
      copyFileSync(path.join(work, 'temporal', 'temporal.sqlite'), temporalDb);
    }
    if (modelFiles.length) cpSync(path.join(work, 'models'), models, { recursive: true });
    console.log(
      `[restore] ${archive} (made ${manifest.created_at}): database (${manifest.postgres.migrations.length} migrations), ` +
        `${manifest.temporal.included ? `Temporal state to ${temporalDb}, ` : 'no Temporal state, '}${modelFiles.length} model files to ${models}`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

run().catch((err) => {
  const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
  console.error(`[restore] failed: ${err instanceof Error ? err.message : err}${stderr ? `\n${stderr}` : ''}`);
  process.exit(1);
});
