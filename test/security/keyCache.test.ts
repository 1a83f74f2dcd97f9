import { describe, expect, it } from 'vitest';
import type postgres from 'postgres';
import { ApiKeyResolver } from '../../api/middleware/auth';
import { BoundedCache } from '../../api/middleware/boundedCache';
import { hashApiKey } from '../../db/apiKeys';

/**
 * Issue #22, abuse and lifecycle: "enough unknown keys clear the cache of valid ones". The
 * resolver used one map for both and cleared it whole past 10,000 entries.
 */

const VALID = 'sm_valid-key-for-the-cache-test-0123456789';

/** A stand-in for the postgres.js tag: counts lookups and knows one key. */
function fakeSql() {
  const calls = { n: 0 };
  const row = {
    id: 'k1',
    name: 'valid',
    keyHash: hashApiKey(VALID),
    keyPrefix: '',
    scopes: ['admin'],
    createdAt: new Date(),
    revokedAt: null,
    ownerUserId: null,
    serviceAccount: 'valid',
  };
  const sql = (_strings: TemplateStringsArray, ...values: unknown[]) => {
    // A call without values builds a fragment (the column list), not a query.
    if (!values.length) return {};
    calls.n += 1;
    return Promise.resolve(values.includes(row.keyHash) ? [row] : []);
  };
  return { sql: sql as unknown as postgres.Sql, calls };
}

describe('ApiKeyResolver caches', () => {
  it('keeps a valid key cached however many unknown keys are tried (misses never evict hits)', async () => {
    const { sql, calls } = fakeSql();
    const resolver = new ApiKeyResolver(sql, 60_000);
    expect((await resolver.resolve(VALID))?.name).toBe('valid');
    for (let i = 0; i < 12_000; i++) expect(await resolver.resolve(`sm_unknown-${i}`)).toBeNull();
    const before = calls.n;
    expect((await resolver.resolve(VALID))?.name).toBe('valid');
    expect(calls.n).toBe(before);
  });

  it('answers a repeated unknown key from the bounded miss cache, without a lookup', async () => {
    const { sql, calls } = fakeSql();
    const resolver = new ApiKeyResolver(sql, 60_000, { misses: 100 });
    await resolver.resolve('sm_unknown-repeated');
    await resolver.resolve('sm_unknown-repeated');
    expect(calls.n).toBe(1);
    for (let i = 0; i < 200; i++) await resolver.resolve(`sm_unknown-${i}`);
    // The oldest miss was evicted by newer misses: looked up again.
    await resolver.resolve('sm_unknown-repeated');
    expect(calls.n).toBe(202);
  });
});

describe('BoundedCache', () => {
  it('evicts the least recently used entry at its bound and expires entries after the TTL', () => {
    const cache = new BoundedCache<number>(2, 1000);
    cache.set('a', 1, 0);
    cache.set('b', 2, 0);
    expect(cache.get('a', 10)).toBe(1); // a is now the most recently used
    cache.set('c', 3, 10);
    expect(cache.get('b', 10)).toBeUndefined();
    expect(cache.get('a', 10)).toBe(1);
    expect(cache.get('c', 1010)).toBeUndefined();
    expect(cache.size).toBeLessThanOrEqual(2);
  });
});
