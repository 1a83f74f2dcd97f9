import { createHash, randomBytes } from 'node:crypto';
import { getSql, type Sql } from './sql';

export interface ApiKeyRecord {
  id: string;
  name: string;
  keyHash: string;
  keyPrefix: string;
  scopes: string[];
  createdAt: Date;
  revokedAt: Date | null;
}

/** Keys are 32 random bytes, so a fast hash is enough: there is nothing to brute-force. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function generateApiKey(): string {
  return `sm_${randomBytes(32).toString('base64url')}`;
}

/**
 * Creates a generated key. Its first 7 characters (`sm_` and 4 random ones, 24 bits of 256) are
 * kept in plain text so an operator can tell keys apart in the admin list.
 */
export async function createApiKey(
  input: { name: string; scopes: string[] },
  sql: Sql = getSql(),
): Promise<{ record: ApiKeyRecord; key: string }> {
  const key = generateApiKey();
  const [row] = await sql<ApiKeyRecord[]>`
    insert into api_keys (name, key_hash, key_prefix, scopes)
    values (${input.name}, ${hashApiKey(key)}, ${key.slice(0, 7)}, ${input.scopes})
    returning id, name, key_hash as "keyHash", key_prefix as "keyPrefix", scopes, created_at as "createdAt", revoked_at as "revokedAt"`;
  return { record: row!, key };
}

/**
 * Inserts or updates a key seeded from API_KEYS. A seeded key is chosen by a person, so no part
 * of it is stored in plain text (an empty prefix; a prefix stored by an older version is cleared),
 * and `revoked_at` is left alone: a key revoked through the API stays revoked even though the
 * setting still names it (the caller warns). The returned record says whether it is revoked.
 */
export async function upsertSeedApiKey(input: { name: string; scopes: string[]; key: string }, sql: Sql = getSql()): Promise<ApiKeyRecord> {
  const [row] = await sql<ApiKeyRecord[]>`
    insert into api_keys (name, key_hash, key_prefix, scopes)
    values (${input.name}, ${hashApiKey(input.key)}, '', ${input.scopes})
    on conflict (key_hash) do update set name = excluded.name, scopes = excluded.scopes, key_prefix = ''
    returning id, name, key_hash as "keyHash", key_prefix as "keyPrefix", scopes, created_at as "createdAt", revoked_at as "revokedAt"`;
  return row!;
}

export async function findActiveApiKeyByHash(keyHash: string, sql: Sql = getSql()): Promise<ApiKeyRecord | undefined> {
  const [row] = await sql<ApiKeyRecord[]>`
    select id, name, key_hash as "keyHash", key_prefix as "keyPrefix", scopes, created_at as "createdAt", revoked_at as "revokedAt"
    from api_keys where key_hash = ${keyHash} and revoked_at is null`;
  return row;
}

export async function listApiKeys(sql: Sql = getSql()): Promise<ApiKeyRecord[]> {
  return sql<ApiKeyRecord[]>`
    select id, name, key_hash as "keyHash", key_prefix as "keyPrefix", scopes, created_at as "createdAt", revoked_at as "revokedAt"
    from api_keys order by created_at`;
}

export async function revokeApiKey(id: string, sql: Sql = getSql()): Promise<ApiKeyRecord | undefined> {
  const [row] = await sql<ApiKeyRecord[]>`
    update api_keys set revoked_at = coalesce(revoked_at, now()) where id = ${id}
    returning id, name, key_hash as "keyHash", key_prefix as "keyPrefix", scopes, created_at as "createdAt", revoked_at as "revokedAt"`;
  return row;
}

export async function countActiveApiKeys(sql: Sql = getSql()): Promise<number> {
  const [row] = await sql<{ n: bigint }[]>`select count(*) as n from api_keys where revoked_at is null`;
  return Number(row?.n ?? 0);
}
