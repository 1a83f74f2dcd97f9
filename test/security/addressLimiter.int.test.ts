import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue #22, abuse and lifecycle: "keyless routes and failed authentications are never rate
 * limited". A per-address limiter now sits in front of authentication. Loopback is not exempt.
 */

const FAILURES = 5;
const KEYLESS = 5;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ AUTH_FAILURES_PER_MINUTE: String(FAILURES), KEYLESS_REQUESTS_PER_MINUTE: String(KEYLESS) });
});
afterAll(() => stack.close());

/** The limits count per minute window; start a burst early in one so it cannot straddle two. */
async function freshWindow(): Promise<void> {
  const into = Date.now() % 60_000;
  if (into > 45_000) await new Promise((r) => setTimeout(r, 60_000 - into + 50));
}

/** A GET from a chosen loopback source address (127.0.0.x all reach the 127.0.0.1 listener on Linux). */
function getFrom(localAddress: string, path: string, key?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${stack.baseUrl}${path}`, { localAddress, headers: key ? { 'X-API-Key': key } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

async function expect429(res: Response): Promise<void> {
  expect(res.status).toBe(429);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await res.json()).code).toBe('rate_limited');
}

describe('per-address limiter in front of authentication', () => {
  it('answers 429 problem+json with Retry-After once an address has failed authentication too often', async () => {
    await freshWindow();
    const valid = await stack.key(['data:read']);
    // Resolved once, so it is in the cache of known keys.
    expect((await stack.request('/api/v1/sensors/sensors', { key: valid })).status).toBe(200);
    for (let i = 0; i < FAILURES; i++) {
      expect((await stack.request('/api/v1/sensors/sensors', { key: `sm_guess-${i}-0123456789abcdef` })).status).toBe(401);
    }
    await expect429(await stack.request('/api/v1/sensors/sensors', { key: 'sm_guess-next-0123456789abcdef' }));
    // Missing keys count too, and are refused the same way.
    await expect429(await stack.request('/api/v1/sensors/sensors'));
    // A key this process already knows is valid is still served: the block costs the guesser only.
    expect((await stack.request('/api/v1/sensors/sensors', { key: valid })).status).toBe(200);
    // Another address is not affected.
    expect(await getFrom('127.0.0.2', '/api/v1/sensors/sensors', 'sm_guess-other-0123456789abcdef')).toBe(401);
  });

  it('limits keyless requests to public routes per address', async () => {
    await freshWindow();
    const from = '127.0.0.3';
    for (let i = 0; i < KEYLESS; i++) expect(await getFrom(from, '/health')).toBe(200);
    expect(await getFrom(from, '/health')).toBe(429);
    // The same address with a valid key is not a keyless request.
    expect(await getFrom(from, '/health', await stack.key(['data:read']))).toBe(200);
  });
});
