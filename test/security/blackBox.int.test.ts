import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAllServices, startApiProcess, type ApiProcess } from '../support/processes';
import { call, readingBody, seedKey, serviceEnv, sleep, type Outcome } from '../reliability/harness';

/**
 * SPEC 10 security, black-box against the real API process: 401 without a key, 403 for a missing
 * scope, 429 with Retry-After past the rate limit, 413 past the body limit, the CORS allow-list,
 * and no secret in any log line (LOG_LEVEL=debug, stdout and stderr captured) or response body.
 */

const LIMIT = 30;
const BODY_LIMIT = 64 * 1024;
const ALLOWED_ORIGIN = 'https://ops.example.test';

const ingestKey = seedKey('ingest', ['data:ingest']);
const readKey = seedKey('reader', ['data:read']);
const burstKey = seedKey('burst', ['data:read']);
const adminKey = seedKey('admin', ['admin']);
// Looks like a key but was never issued: it must not be echoed or logged either.
const forgedKey = seedKey('forged', ['admin']);
const secrets = [ingestKey.key, readKey.key, burstKey.key, adminKey.key, forgedKey.key];

let api: ApiProcess;
const seen: Outcome[] = [];

beforeAll(async () => {
  api = await startApiProcess(
    serviceEnv('security', {
      LOG_LEVEL: 'debug',
      API_KEYS: [ingestKey, readKey, burstKey, adminKey].map((k) => k.entry).join(';'),
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      BODY_LIMIT_BYTES: String(BODY_LIMIT),
      CORS_ORIGINS: ALLOWED_ORIGIN,
    }),
  );
});
afterAll(() => killAllServices());

/** Every response goes through here, so the final check can grep all bodies and headers. */
async function req(path: string, init: Parameters<typeof call>[1] = {}): Promise<Outcome> {
  const res = await call(api.baseUrl + path, init);
  seen.push(res);
  return res;
}

function chunkedPost(path: string, key: string, bytes: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      api.baseUrl + path,
      { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-API-Key': key, 'Transfer-Encoding': 'chunked' } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    r.on('error', reject);
    const chunk = `{"sensor_id":"s1","value":1,"metadata":{"pad":"${'x'.repeat(bytes)}"}}`;
    for (let i = 0; i < chunk.length; i += 8192) r.write(chunk.slice(i, i + 8192));
    r.end();
  });
}

function headerLines(headers: Headers | undefined): string {
  const lines: string[] = [];
  headers?.forEach((value, name) => lines.push(`${name}: ${value}`));
  return lines.join('\n');
}

describe('API security, black-box', () => {
  it('answers 401 without a valid key and 403 without the scope', async () => {
    const noKey = await req('/api/v1/data/ingest', { json: readingBody('sec-1', 1) });
    expect(noKey.status).toBe(401);
    expect(noKey.headers?.get('WWW-Authenticate')).toContain('X-API-Key');
    expect(JSON.parse(noKey.text)).toMatchObject({ status: 401, code: 'unauthorized' });
    const forged = await req('/api/v1/sensors/readings', { key: forgedKey.key });
    expect(forged.status).toBe(401);

    const readerIngests = await req('/api/v1/data/ingest', { key: readKey.key, json: readingBody('sec-1', 1) });
    expect(readerIngests.status).toBe(403);
    expect(JSON.parse(readerIngests.text)).toMatchObject({ code: 'forbidden', required_scopes: ['data:ingest'] });
    const ingesterAdmin = await req('/api/v1/admin/api-keys', { key: ingestKey.key });
    expect(ingesterAdmin.status).toBe(403);
    const ok = await req('/api/v1/data/ingest', { key: ingestKey.key, json: readingBody('sec-1', 1) });
    expect(ok.status).toBe(200);
    // The admin listing shows keys by prefix only.
    const listing = await req('/api/v1/admin/api-keys', { key: adminKey.key });
    expect(listing.status).toBe(200);
  });

  it('answers 429 with Retry-After once a key passes its per-minute limit', async () => {
    // Fixed one-minute windows: do not let the burst straddle a boundary.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 52_000) await sleep(60_000 - intoMinute + 200);
    const statuses: number[] = [];
    let limited: Outcome | undefined;
    for (let i = 0; i < LIMIT + 3; i++) {
      const res = await req('/api/v1/sensors/readings?limit=1', { key: burstKey.key });
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses).toEqual([...Array(LIMIT).fill(200), 429, 429, 429]);
    expect(Number(limited!.headers?.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited!.headers?.get('Retry-After'))).toBeLessThanOrEqual(60);
    expect(limited!.headers?.get('RateLimit-Remaining')).toBe('0');
    // Another key has its own budget.
    expect((await req('/api/v1/sensors/readings?limit=1', { key: readKey.key })).status).toBe(200);
  });

  it('answers 413 past the body limit, declared or streamed', async () => {
    const big = { ...readingBody('sec-2', 2), metadata: { pad: 'x'.repeat(BODY_LIMIT + 10) } };
    const declared = await req('/api/v1/data/ingest', { key: ingestKey.key, json: big });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text)).toMatchObject({ code: 'payload_too_large', limit_bytes: BODY_LIMIT });
    const streamed = await chunkedPost('/api/v1/data/ingest', ingestKey.key, BODY_LIMIT + 10);
    seen.push({ status: streamed.status, text: streamed.text, ms: 0 });
    expect(streamed.status).toBe(413);
  });

  it('honours the CORS allow-list', async () => {
    const allowed = await req('/api/v1/sensors/readings?limit=1', { key: readKey.key, headers: { Origin: ALLOWED_ORIGIN } });
    expect(allowed.headers?.get('Access-Control-Allow-Origin')).toBe(ALLOWED_ORIGIN);
    const other = await req('/api/v1/sensors/readings?limit=1', { key: readKey.key, headers: { Origin: 'https://evil.example.test' } });
    expect(other.status).toBe(200);
    expect(other.headers?.get('Access-Control-Allow-Origin')).toBeNull();

    const preflight = (origin: string) =>
      req('/api/v1/data/ingest', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-api-key' },
      });
    const okPreflight = await preflight(ALLOWED_ORIGIN);
    expect(okPreflight.status).toBe(204);
    expect(okPreflight.headers?.get('Access-Control-Allow-Origin')).toBe(ALLOWED_ORIGIN);
    expect(okPreflight.headers?.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('x-api-key');
    const badPreflight = await preflight('https://evil.example.test');
    expect(badPreflight.headers?.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('never writes a key into a log line or a response', async () => {
    const logs = api.output();
    // The grep is only meaningful if debug logging really happened.
    expect(logs).toContain('"level":20');
    expect(logs).toContain('"status":401');
    const responses = seen.map((s) => `${s.text}\n${headerLines(s.headers)}`).join('\n');
    expect(seen.length).toBeGreaterThan(40);
    const hits = secrets.flatMap((secret) => {
      // The key minus its first 7 characters (the part shown as its prefix) is the secret.
      const secretPart = secret.slice(7);
      return [
        logs.includes(secretPart) ? `log contains ${secret.slice(0, 10)}…` : null,
        responses.includes(secretPart) ? `response contains ${secret.slice(0, 10)}…` : null,
      ];
    });
    console.log(`[security] ${seen.length} responses and ${logs.split('\n').length} log lines searched for ${secrets.length} keys`);
    expect(hits.filter(Boolean)).toEqual([]);
  });
});
