import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type postgres from 'postgres';
import type { Sql } from '../db/sql';
import { countActiveApiKeys, createApiKey, upsertSeedApiKey, withApiKeyBootstrapLock } from '../db/apiKeys';
import { findFirstActiveAdmin } from '../db/users';
import { SCOPES } from '../domain/scopes';

export interface SeedKey {
  name: string;
  key: string;
  scopes: string[];
}

/**
 * What a seeded key must look like: 32 to 256 characters of the base64 / base64url alphabet
 * (64 symbols, so 32 random ones carry 192 bits; `openssl rand -base64 32` or `openssl rand -hex 32`
 * make one). Length and alphabet alone admit `aaaa…`, so the key's own symbol distribution must
 * also show at least 3 bits per character (Shannon): a random 32-character base64 key measures
 * about 4.5, a random hex key about 3.9, a repeated or short-cycle placeholder well under 3.
 */
const SEED_KEY = /^[A-Za-z0-9+/=_-]{32,256}$/;
const MIN_BITS_PER_CHAR = 3;

/** Shannon entropy of the key's characters, in bits per character. */
export function bitsPerChar(key: string): number {
  const counts = new Map<string, number>();
  for (const c of key) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / key.length) * Math.log2(n / key.length);
  return bits;
}

/**
 * Parses API_KEYS: `name=key@scope1,scope2;name2=key2@scope3`. Errors name the entry, never the
 * key, because start-up errors end up in logs.
 */
export function parseSeedKeys(text: string): SeedKey[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const m = /^([\w .:-]+)=([^@\s]+)@([\w:,]+)$/.exec(entry);
      if (!m) throw new Error(`API_KEYS entry "${entry.split('=')[0]}" is not name=key@scope,scope`);
      const [, name, key, scopeText] = m as unknown as [string, string, string, string];
      if (!SEED_KEY.test(key) || bitsPerChar(key) < MIN_BITS_PER_CHAR) {
        throw new Error(
          `API_KEYS entry "${name}" has a weak key: use at least 32 random characters of A-Z a-z 0-9 + / = _ - (e.g. openssl rand -base64 32)`,
        );
      }
      const scopes = scopeText.split(',').filter(Boolean);
      const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
      if (unknown.length) throw new Error(`API_KEYS entry "${name}" has unknown scope(s): ${unknown.join(', ')}`);
      return { name, key, scopes };
    });
}

export interface BootstrapResult {
  generated?: string;
  keyFile?: string;
  /** Names of seeded keys that were revoked and stay revoked: the operator should drop them from API_KEYS. */
  revokedSeeds?: string[];
}

/**
 * Seeds keys from the environment; when there are none at all, creates one admin key, writes it
 * to `<dataDir>/admin-key` (mode 0600) and returns it so the caller can print it once.
 * Every seed is validated before any is written, so a bad entry changes nothing.
 */
export async function bootstrapApiKeys(sql: postgres.Sql, seedText: string, dataDir: string): Promise<BootstrapResult> {
  const seeds = parseSeedKeys(seedText);
  return withApiKeyBootstrapLock((tx) => bootstrapLocked(tx, seeds, dataDir), sql);
}

async function bootstrapLocked(sql: Sql, seeds: SeedKey[], dataDir: string): Promise<BootstrapResult> {
  const revokedSeeds: string[] = [];
  for (const seed of seeds) {
    const record = await upsertSeedApiKey(seed, sql);
    if (record.revokedAt) revokedSeeds.push(record.name);
  }
  const result: BootstrapResult = revokedSeeds.length ? { revokedSeeds } : {};
  if ((await countActiveApiKeys(sql)) > 0) return result;
  return { ...result, ...(await createAdminKeyFile(sql, dataDir, 'bootstrap-admin')) };
}

/**
 * Creates a new admin key and writes it to `<dataDir>/admin-key` (mode 0600). Keys are stored
 * hashed, so a lost key file cannot be recovered: this makes a fresh one (`npm run admin-key`).
 * The key belongs to the admin user (the longest-standing active one), so disabling that user
 * disables it; with no active admin user (a database without users, or every admin disabled: the
 * recovery case) it belongs to a service account of the key's name.
 */
export async function createAdminKeyFile(sql: Sql, dataDir: string, name: string): Promise<{ generated: string; keyFile: string }> {
  const admin = await findFirstActiveAdmin(sql);
  const owner = admin ? { userId: admin.id } : { serviceAccount: name };
  const { key } = await createApiKey({ name, scopes: ['admin'], owner }, sql);
  mkdirSync(dataDir, { recursive: true });
  const keyFile = path.join(dataDir, 'admin-key');
  writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  return { generated: key, keyFile };
}
