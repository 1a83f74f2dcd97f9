import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, killAllServices, startApiProcess, waitUntil, type ApiProcess } from '../support/processes';
import { call, directSql, readingBody, rowsPerKey, seedKey, serviceEnv, sleep } from './harness';

/**
 * Redis stopped (SPEC 10): what the platform does while its Redis is gone.
 *
 * - Idempotency: Redis is only a cache of the Idempotency-Key records. PostgreSQL keeps them for
 *   ever (`idempotency_records`, written in the reading's own transaction) and the unique key on
 *   `sensor_readings` decides, so exactly-once holds with Redis down: a repeated key is answered
 *   with the original reading id, and concurrent repeats still write one row.
 * - Health: /health/redis answers 503 with Retry-After; ingestion and reads keep working.
 * - Rate limiting does not fail open. Each API process falls back to counting in its own memory
 *   with the same fixed one-minute window, so one process still answers 429 with Retry-After
 *   after RATE_LIMIT_PER_MINUTE requests of a key. The limit becomes per process: N API processes
 *   together let through up to N × the limit until Redis returns (shown below with two processes).
 *
 * The test runs a private redis-server on a free loopback port, so stopping it affects nobody else.
 */

const LIMIT = 20;

let redis: ChildProcess | undefined;
let redisPort: number;
let apiA: ApiProcess;
let apiB: ApiProcess;
// Every key is limited to LIMIT requests a minute, so each phase ingests with keys of its own.
const ingestBefore = seedKey('ingest-before', ['data:ingest']);
// Idempotency-Keys belong to the API key that sent them (issue 22): replays use ingestBefore, and
// the reuse check a key of its own, so no key passes LIMIT.
const ingestReuse = seedKey('ingest-reuse', ['data:ingest']);
const ingestDuring = [seedKey('ingest-during-1', ['data:ingest']), seedKey('ingest-during-2', ['data:ingest'])];
const limitedA = seedKey('limited-a', ['data:read']);
const limitedB = seedKey('limited-b', ['data:read']);
const sql = directSql();

async function startRedis(): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  await waitUntil('the private redis-server', async () => {
    const { createConnection } = await import('node:net');
    return new Promise<true | undefined>((resolve) => {
      const s = createConnection(redisPort, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(undefined));
    });
  });
  return child;
}

beforeAll(async () => {
  redisPort = await freePort();
  redis = await startRedis();
  const env = serviceEnv('redisdown', {
    REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
    API_KEYS: [ingestBefore, ingestReuse, ...ingestDuring, limitedA, limitedB].map((k) => k.entry).join(';'),
    RATE_LIMIT_PER_MINUTE: String(LIMIT),
  });
  [apiA, apiB] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
});
afterAll(async () => {
  redis?.kill('SIGKILL');
  await killAllServices();
  await sql.end();
});

/** Fixed one-minute windows: start a burst only when it cannot straddle a window boundary. */
async function awayFromWindowEdge(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await sleep(60_000 - intoMinute + 200);
}

describe('the API with its Redis stopped', () => {
  it('keeps ingestion exactly-once through PostgreSQL, reports Redis down, and still rate-limits per process', async () => {
    const run = randomUUID().slice(0, 8);
    const sensor = `rel-redis-${run}`;
    const ingestOnce = (api: ApiProcess, apiKey: string, key: string, n: number) =>
      call(`${api.baseUrl}/api/v1/data/ingest`, { key: apiKey, json: readingBody(sensor, n), headers: { 'Idempotency-Key': key } });
    const idOf = (text: string) => (JSON.parse(text) as { reading: { id: string } }).reading.id;

    // With Redis up: ten keys, answered and cached in Redis.
    expect((await call(`${apiA.baseUrl}/api/v1/health/redis`)).status).toBe(200);
    const before = new Map<string, string>();
    for (let i = 0; i < 10; i++) {
      const res = await ingestOnce(apiA, ingestBefore.key, `redis-${run}-${i}`, i);
      expect(res.status, res.text).toBe(200);
      before.set(`redis-${run}-${i}`, idOf(res.text));
    }

    redis!.kill('SIGKILL');
    await new Promise((r) => redis!.once('exit', r));
    const health = await waitUntil('/health/redis to report Redis down', async () => {
      // Dependency details need a valid key since the security issue (#22).
      const res = await call(`${apiA.baseUrl}/api/v1/health/redis`, { key: ingestBefore.key });
      return res.status === 503 ? res : undefined;
    });
    expect(health.headers?.get('Retry-After')).toBe('5');
    expect((JSON.parse(health.text) as { dependencies: { redis: { status: string } } }).dependencies.redis.status).toBe('down');
    expect((await call(`${apiA.baseUrl}/api/v1/health/db`)).status).toBe(200);

    // Replays of keys first seen with Redis up: the original reading, from PostgreSQL.
    for (const [key, id] of before) {
      const res = await ingestOnce(apiB, ingestBefore.key, key, Number(key.split('-').at(-1)));
      expect(res.status, res.text).toBe(200);
      expect(res.headers?.get('Idempotent-Replayed')).toBe('true');
      expect(idOf(res.text)).toBe(id);
    }
    // New keys with Redis down, each sent to both processes at once, twice: one row per key.
    const during = new Map<string, Set<string>>();
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async (_, j) => {
        const key = `redis-${run}-down-${j}`;
        const answers = await Promise.all([apiA, apiB, apiA, apiB].map((api) => ingestOnce(api, ingestDuring[j % 2]!.key, key, 100 + j)));
        statuses.push(...answers.map((a) => a.status));
        during.set(key, new Set(answers.filter((a) => a.status === 200).map((a) => idOf(a.text))));
      }),
    );
    // A key reused with a different body is still refused without Redis.
    // (on a sensor of its own, so the row count below stays the replay phases').
    const reuse = (api: ApiProcess, n: number) =>
      call(`${api.baseUrl}/api/v1/data/ingest`, {
        key: ingestReuse.key,
        json: readingBody(`${sensor}-reuse`, n),
        headers: { 'Idempotency-Key': `redis-${run}-reuse` },
      });
    expect((await reuse(apiA, 998)).status).toBe(200);
    const reused = await reuse(apiB, 999);
    expect(reused.status).toBe(409);

    // Rate limit with Redis down: each process counts in its own memory.
    await awayFromWindowEdge();
    const burst = async (api: ApiProcess, key: string) => {
      const out: { status: number; retryAfter: string | null }[] = [];
      for (let i = 0; i < LIMIT + 5; i++) {
        const res = await call(`${api.baseUrl}/api/v1/sensors/readings?limit=1`, { key });
        out.push({ status: res.status, retryAfter: res.headers?.get('Retry-After') ?? null });
      }
      return out;
    };
    const onA = await burst(apiA, limitedA.key);
    const onBothA = await burst(apiA, limitedB.key);
    const onBothB = await burst(apiB, limitedB.key);

    const counts = await rowsPerKey(sql, [...before.keys(), ...during.keys()]);
    console.log(
      `[redis stopped] replays of pre-outage keys=${before.size} (all original ids) · new keys=${during.size} × 4 concurrent sends: ` +
        `statuses ${[...new Set(statuses)].join(',')} · rows per key ${[...new Set(counts.values())].join(',')} · ` +
        `rate limit ${LIMIT}/min, one process: ${onA.filter((r) => r.status === 200).length} ok then ${onA.filter((r) => r.status === 429).length}×429; ` +
        `same key on two processes: ${onBothA.filter((r) => r.status === 200).length} + ${onBothB.filter((r) => r.status === 200).length} ok`,
    );

    expect(statuses.every((s) => s === 200)).toBe(true);
    for (const [key, ids] of during) expect(ids.size, key).toBe(1);
    expect([...counts.values()]).toEqual(Array(before.size + during.size).fill(1));
    const [{ n }] = await sql`select count(*)::int as n from sensor_readings where sensor_id = ${sensor}`;
    expect(n).toBe(before.size + during.size);

    expect(onA.map((r) => r.status)).toEqual([...Array(LIMIT).fill(200), ...Array(5).fill(429)]);
    expect(onA.filter((r) => r.status === 429).every((r) => Number(r.retryAfter) >= 1 && Number(r.retryAfter) <= 60)).toBe(true);
    // Per process: the second process has its own count for the same key.
    expect(onBothA.filter((r) => r.status === 200)).toHaveLength(LIMIT);
    expect(onBothB.filter((r) => r.status === 200)).toHaveLength(LIMIT);
  });
});
