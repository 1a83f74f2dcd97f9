import { getConfig } from '../config';
import { ensureDatabase, migrate } from '../db/migrate';
import { createSql } from '../db/sql';

/** `npm run migrate`: creates the database if needed and applies pending migrations. */
async function run(): Promise<void> {
  const config = getConfig();
  await ensureDatabase(config.DATABASE_URL);
  const sql = createSql(config.DATABASE_URL, 1);
  try {
    const applied = await migrate(sql);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'up to date');
  } finally {
    await sql.end();
  }
}

run().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
