import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findActiveApiKeyByHash, hashApiKey } from '../../db/apiKeys';
import { revokeApiKey } from '../../usecases/apiKeys';
import { bootstrapApiKeys, parseSeedKeys } from '../../usecases/apiKeyBootstrap';

/**
 * Issue #22, abuse and lifecycle: keys seeded from API_KEYS. A revoked seed used to come back at
 * the next start; seeds could be 16 characters with 7 of them stored in plain text.
 */

let sql: postgres.Sql;
const dir = () => mkdtempSync(path.join(tmpdir(), 'sm-seed-'));
const strongKey = () => randomBytes(32).toString('base64url');

beforeAll(() => {
  sql = postgres(inject('databaseUrl'), { max: 2, onnotice: () => {} });
});
afterAll(() => sql.end());

describe('seeded key revocation', () => {
  it('keeps a revoked seeded key revoked at the next start and names it (never its key) for the log', async () => {
    const key = strongKey();
    const name = `revoked-seed-${randomBytes(3).toString('hex')}`;
    const seeds = `${name}=${key}@data:read`;
    await bootstrapApiKeys(sql, seeds, dir());
    const record = await findActiveApiKeyByHash(hashApiKey(key), sql);
    expect(record?.name).toBe(name);
    await revokeApiKey(record!.id, sql);

    // The next start, with the operator's setting unchanged.
    const restart = await bootstrapApiKeys(sql, seeds, dir());
    expect(await findActiveApiKeyByHash(hashApiKey(key), sql)).toBeUndefined();
    expect(restart.revokedSeeds).toEqual([name]);
    expect(JSON.stringify(restart)).not.toContain(key);
  });

  it('reports no revoked seeds when every seeded key is active', async () => {
    const result = await bootstrapApiKeys(sql, `active-seed=${strongKey()}@data:read`, dir());
    expect(result.revokedSeeds).toBeUndefined();
  });
});

describe('seeded key strength', () => {
  it.each([
    ['16 characters', 'abcdefghijklmnop'],
    ['31 characters', 'abcdefghijklmnopqrstuvwxyz01234'],
    ['a 40-character run of one symbol', 'a'.repeat(40)],
    ['a short cycle repeated', 'abab'.repeat(10)],
    ['characters outside base64', `${'é'.repeat(8)}${strongKey()}`],
  ])('refuses %s at start-up with an error naming the entry, not the key', async (_what, key) => {
    const attempt = bootstrapApiKeys(sql, `weak-one=${key}@admin`, dir());
    await expect(attempt).rejects.toThrow(/API_KEYS entry "weak-one" has a weak key/);
    await attempt.catch((err: Error) => expect(err.message).not.toContain(key));
    expect(await findActiveApiKeyByHash(hashApiKey(key), sql)).toBeUndefined();
  });

  it('accepts 32 random base64 characters and a 64-character hex key', () => {
    const b64 = randomBytes(24).toString('base64');
    const hex = randomBytes(32).toString('hex');
    expect(parseSeedKeys(`a=${b64}@admin;b=${hex}@admin`).map((s) => s.key)).toEqual([b64, hex]);
  });

  it('writes nothing when one entry of several is weak', async () => {
    const good = strongKey();
    await expect(bootstrapApiKeys(sql, `good=${good}@admin;bad=short@admin`, dir())).rejects.toThrow(/"bad"/);
    expect(await findActiveApiKeyByHash(hashApiKey(good), sql)).toBeUndefined();
  });
});

describe('seeded key prefix', () => {
  it('stores no part of a seeded key in plain text, and clears a prefix stored by an older version', async () => {
    const key = strongKey();
    // What the old seed upsert stored: the key's first seven characters.
    await sql`insert into api_keys (name, key_hash, key_prefix, scopes) values ('old-seed', ${hashApiKey(key)}, ${key.slice(0, 7)}, ${['data:read']})`;
    await bootstrapApiKeys(sql, `old-seed=${key}@data:read`, dir());
    const [row] = await sql<{ key_prefix: string }[]>`select key_prefix from api_keys where key_hash = ${hashApiKey(key)}`;
    expect(row?.key_prefix).toBe('');
  });
});
