import { getSql, type Sql } from './sql';

export interface IdempotencyRecord {
  key: string;
  route: string;
  requestHash: string;
  status: number;
  response: unknown;
}

/** Returns false when the key is already stored (the caller then rolls back and replays). */
export async function claimIdempotencyKey(rec: IdempotencyRecord, sql: Sql = getSql()): Promise<boolean> {
  const rows = await sql`
    insert into idempotency_records (key, route, request_hash, status, response)
    values (${rec.key}, ${rec.route}, ${rec.requestHash}, ${rec.status}, ${sql.json(rec.response as never)})
    on conflict (key) do nothing
    returning key`;
  return rows.length === 1;
}

export async function findIdempotencyRecord(key: string, sql: Sql = getSql()): Promise<IdempotencyRecord | undefined> {
  const [row] = await sql<IdempotencyRecord[]>`
    select key, route, request_hash as "requestHash", status, response from idempotency_records where key = ${key}`;
  return row;
}
