import * as db from '../db/apiKeys';
import type { Sql } from '../db/sql';
import { NotFound } from '../domain/errors';
import { findActiveUser } from '../db/users';

/** API keys: created with their plain key shown once, stored hashed, looked up by hash on each request. */
export type { ApiKeyRecord, KeyOwner } from '../db/apiKeys';
export { createApiKey, listApiKeys, hashApiKey, findActiveApiKeyByHash } from '../db/apiKeys';

/** Creates a key for an owner; a user owner must exist and be active (NotFound otherwise). */
export async function issueApiKey(sql: Sql, input: { name: string; scopes: string[]; owner: db.KeyOwner }) {
  if ('userId' in input.owner && !(await findActiveUser(input.owner.userId, sql))) {
    throw new NotFound(`No active user ${input.owner.userId}`);
  }
  return db.createApiKey(input, sql);
}

/** Revokes a key; NotFound when there is no such key. */
export async function revokeApiKey(id: string, sql: Sql) {
  const record = await db.revokeApiKey(id, sql);
  if (!record) throw new NotFound(`No API key ${id}`);
  return record;
}

/** The active user a key belongs to; undefined when that user is disabled (their keys stop working). */
export const activeKeyOwner = (userId: string, sql: Sql) => findActiveUser(userId, sql);
