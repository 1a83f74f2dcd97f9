import { createHash, randomBytes } from 'node:crypto';
import type postgres from 'postgres';
import { getSql, type Sql } from './sql';

export interface ApiKeyRecord {
  id: string;
  name: string;
  keyHash: string;
  keyPrefix: string;
  scopes: string[];
  createdAt: Date;
  revokedAt: Date | null;
  /** The user the key belongs to: held to that user's role and acting as them; null for a service account. */
  ownerUserId: string | null;
  /** The service account (integration) the key belongs to; null for a user's key. */
  serviceAccount: string | null;
}

/** Whom a new key belongs to: exactly one of a user or a named service account. */
export type KeyOwner = { userId: string } | { serviceAccount: string };

/** A row with neither owner (written by a version before owners) is a service account of the key's name. */
const COLUMNS = (sql: Sql) =>
  sql`id, name, key_hash as "keyHash", key_prefix as "keyPrefix", scopes, created_at as "createdAt", revoked_at as "revokedAt",
      owner_user_id as "ownerUserId", case when owner_user_id is null then coalesce(service_account, name) end as "serviceAccount"`;

/** Keys are 32 random bytes, so a fast hash is enough: there is nothing to brute-force. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function generateApiKey(): string {
  return `sm_${randomBytes(32).toString('base64url')}`;
}

/**
 * Creates a generated key. Its first 7 characters (`sm_` and 4 random ones, 24 bits of 256) are
 * kept in plain text so an operator can tell keys apart in the admin list. Without an owner the
 * key belongs to a service account of its own name.
 */
export async function createApiKey(
  input: { name: string; scopes: string[]; owner?: KeyOwner },
  sql: Sql = getSql(),
): Promise<{ record: ApiKeyRecord; key: string }> {
  const key = generateApiKey();
  const owner = input.owner ?? { serviceAccount: input.name };
  const userId = 'userId' in owner ? owner.userId : null;
  const service = 'serviceAccount' in owner ? owner.serviceAccount : null;
  const [row] = await sql<ApiKeyRecord[]>`
    insert into api_keys (name, key_hash, key_prefix, scopes, owner_user_id, service_account)
    values (${input.name}, ${hashApiKey(key)}, ${key.slice(0, 7)}, ${input.scopes}, ${userId}, ${service})
    returning ${COLUMNS(sql)}`;
  return { record: row!, key };
}

/**
 * Inserts or updates a key seeded from API_KEYS. A seeded key is chosen by a person, so no part
 * of it is stored in plain text (an empty prefix; a prefix stored by an older version is cleared),
 * and `revoked_at` is left alone: a key revoked through the API stays revoked even though the
 * setting still names it (the caller warns). The returned record says whether it is revoked.
 * A seeded key belongs to the service account of its name (an integration's credential).
 */
export async function upsertSeedApiKey(input: { name: string; scopes: string[]; key: string }, sql: Sql = getSql()): Promise<ApiKeyRecord> {
  const [row] = await sql<ApiKeyRecord[]>`
    insert into api_keys (name, key_hash, key_prefix, scopes, service_account)
    values (${input.name}, ${hashApiKey(input.key)}, '', ${input.scopes}, ${input.name})
    on conflict (key_hash) do update
      set name = excluded.name, scopes = excluded.scopes, key_prefix = '', owner_user_id = null, service_account = excluded.service_account
    returning ${COLUMNS(sql)}`;
  return row!;
}

export async function findActiveApiKeyByHash(keyHash: string, sql: Sql = getSql()): Promise<ApiKeyRecord | undefined> {
  const [row] = await sql<ApiKeyRecord[]>`
    select ${COLUMNS(sql)}
    from api_keys where key_hash = ${keyHash} and revoked_at is null`;
  return row;
}

export async function listApiKeys(sql: Sql = getSql()): Promise<ApiKeyRecord[]> {
  return sql<ApiKeyRecord[]>`
    select ${COLUMNS(sql)}
    from api_keys order by created_at`;
}

export async function revokeApiKey(id: string, sql: Sql = getSql()): Promise<ApiKeyRecord | undefined> {
  const [row] = await sql<ApiKeyRecord[]>`
    update api_keys set revoked_at = coalesce(revoked_at, now()) where id = ${id}
    returning ${COLUMNS(sql)}`;
  return row;
}

export async function countActiveApiKeys(sql: Sql = getSql()): Promise<number> {
  const [row] = await sql<{ n: bigint }[]>`select count(*) as n from api_keys where revoked_at is null`;
  return Number(row?.n ?? 0);
}

/**
 * Runs `fn` inside a transaction holding the key-bootstrap lock, so API processes starting side by
 * side (API_PROCESSES > 1, Kubernetes replicas) see each other's keys: only the first one finds no
 * key and generates the admin key.
 */
export async function withApiKeyBootstrapLock<T>(fn: (tx: Sql) => Promise<T>, sql: postgres.Sql = getSql()): Promise<T> {
  return (await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('api-key-bootstrap'))`;
    return fn(tx);
  })) as T;
}
