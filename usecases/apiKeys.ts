import * as db from '../db/apiKeys';
import type { Sql } from '../db/sql';
import { NotFound } from '../domain/errors';

/** API keys: created with their plain key shown once, stored hashed, looked up by hash on each request. */
export type { ApiKeyRecord } from '../db/apiKeys';
export { createApiKey, listApiKeys, hashApiKey, findActiveApiKeyByHash } from '../db/apiKeys';

/** Revokes a key; NotFound when there is no such key. */
export async function revokeApiKey(id: string, sql: Sql) {
  const record = await db.revokeApiKey(id, sql);
  if (!record) throw new NotFound(`No API key ${id}`);
  return record;
}
