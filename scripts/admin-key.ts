/**
 * `npm run admin-key`: creates a new admin API key, writes it to .data/admin-key (mode 0600) and
 * prints it. For a machine whose database already has keys but whose key file is gone (keys are
 * stored hashed, so an old one cannot be shown again). Revoke unused keys at DELETE /api/v1/admin/api-keys/{id}.
 */
import { dataDir, getConfig } from '../config';
import { ensureDatabase, migrate } from '../db/migrate';
import { createSql } from '../db/sql';
import { createAdminKeyFile } from '../usecases/apiKeyBootstrap';

async function run(): Promise<void> {
  const config = getConfig();
  await ensureDatabase(config.DATABASE_URL);
  const sql = createSql(config.DATABASE_URL, 1);
  try {
    await migrate(sql);
    const { generated, keyFile } = await createAdminKeyFile(sql, dataDir(config), `local-admin-${new Date().toISOString().slice(0, 10)}`);
    process.stdout.write(`New admin API key (saved to ${keyFile}):\n  ${generated}\n`);
  } finally {
    await sql.end();
  }
}

run().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
