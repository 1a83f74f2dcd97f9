import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Redis from 'ioredis';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app';
import { createRedis } from '../../api/redis';
import type { AppDeps } from '../../api/deps';
import { parseConfig } from '../../config';
import { createApiKey } from '../../db/apiKeys';
import { createSql } from '../../db/sql';
import { createLogger } from '../../observability/logger';
import { createMetrics } from '../../observability/metrics';
import { TEST_REDIS_URL } from '../support/testEnv';

/**
 * Issue #22, abuse and lifecycle: "/health answered from a short cache with details behind a key".
 * Temporal is a counting stub here so the test can see how often a dependency is really probed.
 */

let sql: postgres.Sql;
let redis: Redis;
let server: Server;
let base: string;
let key: string;
const probe = { calls: 0, down: false };

beforeAll(async () => {
  const config = parseConfig({
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `test:health-${process.pid}:`,
    LOG_LEVEL: 'silent',
    HEALTH_CACHE_MS: '1000',
    KEYLESS_REQUESTS_PER_MINUTE: '1000000',
  });
  sql = createSql(config.DATABASE_URL, 3);
  redis = createRedis(config.REDIS_URL);
  redis.on('error', () => {});
  await redis.connect().catch(() => {});
  const getSystemInfo = async () => {
    probe.calls += 1;
    await new Promise((r) => setTimeout(r, 50));
    if (probe.down) throw new Error('temporal stub is down');
    return {};
  };
  const temporal = { connection: { workflowService: { getSystemInfo } }, taskQueue: 'unused' } as unknown as AppDeps['temporal'];
  const { app } = createApp({ config, sql, redis, temporal, logger: createLogger('health-test', 'silent'), metrics: createMetrics() });
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  key = (await createApiKey({ name: 'health-reader', scopes: ['data:read'] }, sql)).key;
});
afterAll(async () => {
  server?.close();
  await Promise.allSettled([sql?.end(), redis?.quit()]);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('/health', () => {
  it('answers a caller without a key with the status alone, and a valid key with the details', async () => {
    const anonymous = await fetch(`${base}/health`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ status: 'ok' });

    const detailed = await (await fetch(`${base}/health`, { headers: { 'X-API-Key': key } })).json();
    expect(detailed.status).toBe('ok');
    expect(Object.keys(detailed.dependencies).sort()).toEqual(['database', 'redis', 'temporal']);
    expect(typeof detailed.version).toBe('string');

    const forged = await fetch(`${base}/health`, { headers: { 'X-API-Key': 'sm_not-a-real-key-0123456789abcdef' } });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toContain('application/problem+json');
  });

  it('probes the dependencies at most once per cache interval, however many callers ask', async () => {
    await sleep(1100);
    const before = probe.calls;
    const answers = await Promise.all(Array.from({ length: 50 }, () => fetch(`${base}/health`)));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    for (let i = 0; i < 20; i++) await (await fetch(`${base}/health`)).arrayBuffer();
    expect(probe.calls - before).toBe(1);
    await sleep(1100);
    await (await fetch(`${base}/health`)).arrayBuffer();
    expect(probe.calls - before).toBe(2);
  });

  it('keeps 503 when a dependency is down, still without details for a keyless caller', async () => {
    probe.down = true;
    await sleep(1100);
    const res = await fetch(`${base}/health/temporal`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toEqual({ status: 'degraded' });
    const detailed = await (await fetch(`${base}/health/temporal`, { headers: { 'X-API-Key': key } })).json();
    expect(detailed.dependencies.temporal).toMatchObject({ status: 'down', error: 'temporal stub is down' });
    probe.down = false;
  });
});
