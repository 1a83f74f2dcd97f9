import { getSql, type Sql } from './sql';

export interface IdempotencyRecord {
  key: string;
  route: string;
  requestHash: string;
  status: number;
  response: unknown;
}

export async function findIdempotencyRecord(key: string, sql: Sql = getSql()): Promise<IdempotencyRecord | undefined> {
  const [row] = await sql<IdempotencyRecord[]>`
    select key, route, request_hash as "requestHash", status, response from idempotency_records where key = ${key}`;
  return row;
}
