import postgres from 'postgres';
import { getConfig } from '../config';

/** A pool or a transaction: repository functions accept either, so services can pass `tx` down. */
export type Sql = postgres.Sql | postgres.TransactionSql;

let pool: postgres.Sql | undefined;

/** Creates a pool; processes normally use the shared one from getSql(). */
export function createSql(url: string, max = getConfig().DATABASE_POOL_MAX): postgres.Sql {
  return postgres(url, {
    max,
    onnotice: () => {},
    // Fail fast when the database is unreachable, so the API can answer 503 instead of hanging.
    connect_timeout: 5,
    // Reconnect attempts at most 1 s apart (postgres.js waits up to 20 s by default), so during an
    // outage queued queries fail fast into 503s and the pool is back soon after the database.
    backoff: (attempt: number) => Math.min(0.1 * 2 ** attempt, 1),
    idle_timeout: 60,
    types: { bigint: postgres.BigInt },
    transform: { undefined: null },
  });
}

/** The one pool of this process, created on first use. */
export function getSql(): postgres.Sql {
  pool ??= createSql(getConfig().DATABASE_URL);
  return pool;
}

export async function closeSql(): Promise<void> {
  if (pool) {
    const p = pool;
    pool = undefined;
    await p.end({ timeout: 5 });
  }
}
