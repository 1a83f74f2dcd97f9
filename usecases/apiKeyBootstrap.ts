import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type postgres from 'postgres';
import { countActiveApiKeys, createApiKey } from '../db/apiKeys';
import { SCOPES } from '../domain/scopes';

export interface SeedKey {
  name: string;
  key: string;
  scopes: string[];
}

/** Parses API_KEYS: `name=key@scope1,scope2;name2=key2@scope3`. */
export function parseSeedKeys(text: string): SeedKey[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const m = /^([\w .:-]+)=([^@\s]{16,256})@([\w:,]+)$/.exec(entry);
      if (!m) throw new Error(`API_KEYS entry "${entry.split('=')[0]}" is not name=key@scope,scope (key at least 16 characters)`);
      const scopes = m[3]!.split(',').filter(Boolean);
      const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
      if (unknown.length) throw new Error(`API_KEYS entry "${m[1]}" has unknown scope(s): ${unknown.join(', ')}`);
      return { name: m[1]!, key: m[2]!, scopes };
    });
}

/**
 * Seeds keys from the environment; when there are none at all, creates one admin key, writes it
 * to `<dataDir>/admin-key` (mode 0600) and returns it so the caller can print it once.
 */
export async function bootstrapApiKeys(
  sql: postgres.Sql,
  seedText: string,
  dataDir: string,
): Promise<{ generated?: string; keyFile?: string }> {
  for (const seed of parseSeedKeys(seedText)) await createApiKey(seed, sql);
  if ((await countActiveApiKeys(sql)) > 0) return {};
  return createAdminKeyFile(sql, dataDir, 'bootstrap-admin');
}

/**
 * Creates a new admin key and writes it to `<dataDir>/admin-key` (mode 0600). Keys are stored
 * hashed, so a lost key file cannot be recovered: this makes a fresh one (`npm run admin-key`).
 */
export async function createAdminKeyFile(
  sql: postgres.Sql,
  dataDir: string,
  name: string,
): Promise<{ generated: string; keyFile: string }> {
  const { key } = await createApiKey({ name, scopes: ['admin'] }, sql);
  mkdirSync(dataDir, { recursive: true });
  const keyFile = path.join(dataDir, 'admin-key');
  writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  return { generated: key, keyFile };
}
