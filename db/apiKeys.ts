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

export async function createApiKey(
  input: { name: string; scopes: string[]; key?: string },
  sql: Sql = getSql(),
): Promise<{ record: ApiKeyRecord; key: string }> {
  const key = input.key ?? generateApiKey();
  const [row] = await sql<ApiKeyRecord[]>`
    insert into api_keys (name, key_hash, key_prefix, scopes)
    values (${input.name}, ${hashApiKey(key)}, ${key.slice(0, 7)}, ${input.scopes})
    on conflict (key_hash) do update set name = excluded.name, scopes = excluded.scopes, revoked_at = null
    returning id, name, key_hash as "keyHash", key_prefix as "keyPrefix", scopes, created_at as "createdAt", revoked_at as "revokedAt"`;
  return { record: row!, key };
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
