import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureDatabase, migrate } from '../../db/migrate';
import { findActiveApiKeyByHash, hashApiKey } from '../../db/apiKeys';
import { bootstrapApiKeys, parseSeedKeys } from '../../usecases/apiKeyBootstrap';

// Its own database: the bootstrap only generates a key when there is none at all.
// Named after the run's database, so two suites on one machine never drop each other's.
const url = inject('databaseUrl').replace(/\/([^/]+)$/, '/$1_keys');
const database = new URL(url).pathname.slice(1);
let sql: postgres.Sql;

beforeAll(async () => {
  const admin = postgres(url.replace(/\/[^/]+$/, '/postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${database}" with (force)`);
  await admin.end();
  await ensureDatabase(url);
  sql = postgres(url, { max: 2, onnotice: () => {} });
  await migrate(sql);
});
afterAll(() => sql?.end());

const OPS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const BOT = 'QRSTUVWXYZ0123456789qrstuvwxyz-_AB';

describe('parseSeedKeys', () => {
  // Keys of at least 32 characters since the security issue (#22); test/security/seedKeys covers the rule.
  it('reads name=key@scopes entries and refuses unknown scopes and short keys', () => {
    expect(parseSeedKeys(`ops=${OPS}@admin; bot=${BOT}@data:ingest,data:read`)).toEqual([
      { name: 'ops', key: OPS, scopes: ['admin'] },
      { name: 'bot', key: BOT, scopes: ['data:ingest', 'data:read'] },
    ]);
    expect(() => parseSeedKeys(`x=${OPS}@root`)).toThrow(/unknown scope/);
    expect(() => parseSeedKeys('x=short@admin')).toThrow(/weak key/);
  });
});

describe('bootstrapApiKeys', () => {
  it('generates one admin key when none exists, writes it with mode 0600, and never again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sm-keys-'));
    const first = await bootstrapApiKeys(sql, '', dir);
    expect(first.generated).toMatch(/^sm_/);
    expect(readFileSync(first.keyFile!, 'utf8').trim()).toBe(first.generated);
    expect(statSync(first.keyFile!).mode & 0o777).toBe(0o600);
    const stored = await findActiveApiKeyByHash(hashApiKey(first.generated!), sql);
    expect(stored?.scopes).toEqual(['admin']);
    expect(stored?.keyHash).not.toContain(first.generated);
    expect(await bootstrapApiKeys(sql, '', dir)).toEqual({});
  });

  it('seeds the keys named in API_KEYS', async () => {
    const key = 'seeded-key-0123456789abcdefghijklmnop';
    await bootstrapApiKeys(sql, `ingest-bot=${key}@data:ingest`, mkdtempSync(path.join(tmpdir(), 'sm-keys-')));
    expect((await findActiveApiKeyByHash(hashApiKey(key), sql))?.scopes).toEqual(['data:ingest']);
  });
});
