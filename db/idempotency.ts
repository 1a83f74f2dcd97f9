import { getSql, type Sql } from './sql';

export interface IdempotencyRecord {
  key: string;
  route: string;
  requestHash: string;
  status: number;
  response: unknown;
}

/** The record of `key` as used by API key `apiKeyId` (another key's record with the same name is not it). */
export async function findIdempotencyRecord(apiKeyId: string, key: string, sql: Sql = getSql()): Promise<IdempotencyRecord | undefined> {
  const [row] = await sql<IdempotencyRecord[]>`
    select key, route, request_hash as "requestHash", status, response
    from idempotency_records where api_key_id = ${apiKeyId} and key = ${key}`;
  return row;
}
