import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateCounter } from '../../api/middleware/rateLimit';
import { createRedis } from '../../api/redis';
import { TEST_REDIS_URL } from '../support/testEnv';

let redis: Redis;
beforeAll(async () => {
  redis = createRedis(TEST_REDIS_URL);
  redis.on('error', () => {});
  await redis.connect();
});
afterAll(async () => {
  await redis.quit();
});

/** Two counters on one Redis stand for two API processes. */
describe('RateCounter', () => {
  it('counts exactly within one process, and adds its counts to Redis', async () => {
    const prefix = `test:rc-${randomUUID().slice(0, 8)}:`;
    const counter = new RateCounter(redis, prefix);
    const counts: number[] = [];
    for (let i = 0; i < 25; i++) counts.push((await counter.hit('global:k1', 3600)).count);
    expect(counts).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    await counter.settle();
    const keys = await redis.keys(`${prefix}rl:global:k1:*`);
    expect(keys).toHaveLength(1);
    expect(Number(await redis.get(keys[0]!))).toBe(25);
    expect(await redis.ttl(keys[0]!)).toBeGreaterThan(0);
  });

  it("sees another process's hits: at once on its first hit in a window, then at every flush", async () => {
    const prefix = `test:rc-${randomUUID().slice(0, 8)}:`;
    const a = new RateCounter(redis, prefix);
    const b = new RateCounter(redis, prefix);
    for (let i = 0; i < 10; i++) await a.hit('global:k2', 3600);
    await a.settle();
    expect((await b.hit('global:k2', 3600)).count).toBe(11);
    for (let i = 0; i < 5; i++) await a.hit('global:k2', 3600);
    await a.settle();
    // b learns a's five new hits when its own pending hit is flushed.
    await b.hit('global:k2', 3600);
    await b.settle();
    expect((await b.hit('global:k2', 3600)).count).toBe(18);
  });

  it('keeps separate counts per bucket', async () => {
    const counter = new RateCounter(redis, `test:rc-${randomUUID().slice(0, 8)}:`);
    for (let i = 0; i < 3; i++) await counter.hit('global:x', 3600);
    expect((await counter.hit('global:y', 3600)).count).toBe(1);
    expect((await counter.hit('drift:x', 3600)).count).toBe(1);
  });
});
