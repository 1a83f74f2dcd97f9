/**
 * `npm run tenant -- create <id> <name> <admin-email>`: creates a tenant and its first admin, a
 * user with a one-time sign-in link and an API key acting as them, and prints both once.
 * `npm run tenant -- list` lists the tenants. Tenants are a platform operator's business, so this
 * is a command on the database's owner connection, not an API route any tenant's key could reach.
 */
import { getConfig } from '../config';
import { ensureDatabase, migrate } from '../db/migrate';
import { createSql } from '../db/sql';
import { createTenant, listTenants } from '../usecases/tenants';

const USAGE = 'usage: npm run tenant -- create <id> <name> <admin-email> | list';

async function run(): Promise<void> {
  const config = getConfig();
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'create' && command !== 'list') throw new Error(USAGE);
  await ensureDatabase(config.DATABASE_URL);
  const sql = createSql(config.DATABASE_URL, 1);
  try {
    await migrate(sql);
    if (command === 'list') {
      for (const t of await listTenants(sql)) process.stdout.write(`${t.id}\t${t.name}\t${t.createdAt.toISOString()}\n`);
      return;
    }
    const [id, name, adminEmail] = args;
    if (!id || !name || !adminEmail) throw new Error(USAGE);
    const r = await createTenant(sql, config.DATABASE_URL, { id, name, adminEmail, linkTtlHours: config.SIGN_IN_LINK_TTL_HOURS });
    const base = config.PUBLIC_URL ?? `http://localhost:${config.API_PORT}`;
    // Printed once, on purpose, to the terminal; never through the logger.
    process.stdout.write(`Tenant ${r.tenant.id} created.\nIts admin's API key:\n  ${r.apiKey}\n`);
    if (r.signInToken) process.stdout.write(`Its admin's one-time sign-in link:\n  ${base}/sign-in?token=${r.signInToken}\n`);
  } finally {
    await sql.end();
  }
}

run().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
