import { getSql, type Sql } from './sql';

/** The cheapest round trip: proves a connection can be had and the server answers. */
export async function pingDatabase(sql: Sql = getSql()): Promise<void> {
  await sql`select 1`;
}
