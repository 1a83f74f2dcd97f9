import type postgres from 'postgres';

/** What a backup records about the database it dumped, and what a restore checks before writing. */
export interface DatabaseInventory {
  serverVersion: string;
  /** Tables in non-system schemas: 0 means an empty database a restore may write into. */
  userTables: number;
  /** Applied migrations (empty when there is no schema_migrations table). */
  migrations: string[];
}

export async function databaseInventory(sql: postgres.Sql): Promise<DatabaseInventory> {
  const [{ server_version }] = await sql<{ server_version: string }[]>`select current_setting('server_version') as server_version`;
  const [{ n }] = await sql<{ n: number }[]>`
    select count(*)::int as n from pg_tables
    where schemaname not in ('pg_catalog', 'information_schema') and schemaname not like 'pg_temp%'`;
  const [{ present }] = await sql<{ present: boolean }[]>`select to_regclass('public.schema_migrations') is not null as present`;
  const migrations = present ? (await sql<{ name: string }[]>`select name from schema_migrations order by version`).map((r) => r.name) : [];
  return { serverVersion: server_version, userTables: n, migrations };
}
