import { randomBytes, randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import postgres from 'postgres';
import { TEST_REDIS_URL } from '../support/testEnv';

/** Shared pieces of the reliability tests: environments for child processes, keys, a client. */

/** Environment for an API or worker child process against this run's database, Redis and Temporal. */
export function serviceEnv(tag: string, overrides: Record<string, string> = {}): Record<string, string> {
  const run = `${tag}-${randomUUID().slice(0, 8)}`;
  return {
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `rel:${run}:`,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE_PREFIX: `rel-${run}`,
    LOG_LEVEL: 'warn',
    DATA_DIR: '.data/test-reliability',
    ...overrides,
  };
}

export interface SeedKey {
  key: string;
  /** The `name=key@scopes` entry for API_KEYS. */
  entry: string;
}

/** A fresh random API key for API_KEYS (never reused across runs, so the logs grep is meaningful). */
export function seedKey(name: string, scopes: string[]): SeedKey {
  const key = `rel_${name}_${randomBytes(18).toString('base64url')}`;
  return { key, entry: `${name}-${randomUUID().slice(0, 6)}=${key}@${scopes.join(',')}` };
}

/** A direct pool on the test database (not through any proxy), for checking what was committed. */
export function directSql(): postgres.Sql {
  return postgres(inject('databaseUrl'), { max: 3, onnotice: () => {}, types: { bigint: postgres.BigInt } });
}

/** A valid single reading; `n` makes the timestamp distinct so bodies differ per key. */
export function readingBody(sensorId: string, n: number): Record<string, unknown> {
  return {
    sensor_id: sensorId,
    value: 20 + (n % 97) / 10,
    timestamp: new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString(),
    sensor_type: 'temperature',
    unit: 'C',
    quality: 1,
  };
}

export interface Outcome {
  /** HTTP status, or 0 when the connection failed or timed out. */
  status: number;
  ms: number;
  text: string;
  headers?: Headers;
  error?: string;
}

/** One HTTP call that never throws: transport failures come back as status 0. */
export async function call(
  url: string,
  init: { method?: string; key?: string; json?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Outcome> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers['X-API-Key'] = init.key;
  if (init.json !== undefined) headers['Content-Type'] = 'application/json';
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: init.method ?? (init.json !== undefined ? 'POST' : 'GET'),
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
      signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
    });
    const text = await res.text();
    return { status: res.status, ms: performance.now() - started, text, headers: res.headers };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { status: 0, ms: performance.now() - started, text: '', error: e.cause?.code ?? e.name ?? e.message };
  }
}

/** Nearest-rank percentile of unsorted values (q in 0..1); NaN for none. */
export function percentile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Rows per stored idempotency key among `keys`. Single ingests store `ingest:<api key id>/<key>`
 * (keys are scoped by API key since issue 22); the suffix after `/` is the client's key.
 */
export async function rowsPerKey(sql: postgres.Sql, keys: string[]): Promise<Map<string, number>> {
  const rows = await sql<{ k: string; n: number }[]>`
    select split_part(idempotency_key, '/', 2) as k, count(*)::int as n from sensor_readings
    where idempotency_key like 'ingest:%/%' and split_part(idempotency_key, '/', 2) = any(${keys}) group by 1`;
  return new Map(rows.map((r) => [r.k, r.n]));
}
