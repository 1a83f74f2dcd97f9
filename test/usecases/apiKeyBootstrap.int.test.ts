import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureDatabase, migrate } from '../../db/migrate';
import { findActiveApiKeyByHash, hashApiKey } from '../../db/apiKeys';
import { bootstrapApiKeys, parseSeedKeys } from '../../usecases/apiKeyBootstrap';

// Its own database: the bootstrap only generates a key when there is none at all.
const url = inject('databaseUrl').replace(/\/[^/]+$/, '/smart_maintenance_test_keys');
let sql: postgres.Sql;

beforeAll(async () => {
  const admin = postgres(url.replace(/\/[^/]+$/, '/postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe('drop database if exists smart_maintenance_test_keys with (force)');
  await admin.end();
  await ensureDatabase(url);
  sql = postgres(url, { max: 2, onnotice: () => {} });
  await migrate(sql);
});
afterAll(() => sql?.end());

describe('parseSeedKeys', () => {
  it('reads name=key@scopes entries and refuses unknown scopes and short keys', () => {
    expect(parseSeedKeys('ops=abcdefghijklmnop1234@admin; bot=qrstuvwxyz0123456789@data:ingest,data:read')).toEqual([
      { name: 'ops', key: 'abcdefghijklmnop1234', scopes: ['admin'] },
      { name: 'bot', key: 'qrstuvwxyz0123456789', scopes: ['data:ingest', 'data:read'] },
    ]);
    expect(() => parseSeedKeys('x=abcdefghijklmnop1234@root')).toThrow(/unknown scope/);
    expect(() => parseSeedKeys('x=short@admin')).toThrow(/name=key@scope/);
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
    await bootstrapApiKeys(sql, 'ingest-bot=seeded-key-0123456789@data:ingest', mkdtempSync(path.join(tmpdir(), 'sm-keys-')));
    expect((await findActiveApiKeyByHash(hashApiKey('seeded-key-0123456789'), sql))?.scopes).toEqual(['data:ingest']);
  });
});
