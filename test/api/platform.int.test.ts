import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ RATE_LIMIT_PER_MINUTE: '5' });
});
afterAll(() => stack.close());

describe('health', () => {
  // Details only with a valid key since the security issue (#22); test/security/healthCache covers the keyless answer.
  it('reports every dependency up with 200', async () => {
    const res = await stack.request('/health', { key: await stack.key(['data:read']) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(Object.keys(body.dependencies).sort()).toEqual(['database', 'redis', 'temporal']);
    for (const path of ['/api/v1/health/db', '/api/v1/health/redis', '/api/v1/health/temporal']) {
      expect((await stack.request(path)).status).toBe(200);
    }
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a key exceeds its limit, with RateLimit headers on the way', async () => {
    const key = await stack.key(['data:read']);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 7; i++) {
      last = await stack.request('/api/v1/sensors/sensors', { key });
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers.get('ratelimit-limit')).toBe('5');
        expect(last.headers.get('ratelimit-remaining')).toBe('4');
      }
    }
    // A window boundary may fall inside the loop, so count rather than expect an exact position.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    const limited = await stack.request('/api/v1/sensors/sensors', { key });
    if (limited.status === 429) {
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await limited.json()).code).toBe('rate_limited');
    }
  });

  it('counts each key separately', async () => {
    const a = await stack.key(['data:read']);
    const b = await stack.key(['data:read']);
    for (let i = 0; i < 5; i++) await stack.request('/api/v1/sensors/sensors', { key: a });
    expect((await stack.request('/api/v1/sensors/sensors', { key: b })).status).toBe(200);
  });
});

describe('OpenAPI and docs', () => {
  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = await (await stack.request('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const ingest = doc.paths['/api/v1/data/ingest'].post;
    expect(ingest['x-required-scopes']).toEqual(['data:ingest']);
    const schema = ingest.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['sensor_id', 'value']));
    expect(schema.properties.sensor_type.enum).toContain('vibration');
    expect(doc.paths['/api/v1/workflows/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path' });
    expect(doc.paths['/api/v1/sensors/readings'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['limit', 'offset', 'sensor_id', 'start_ts', 'end_ts']),
    );
  });

  it('serves an interactive docs page from local assets', async () => {
    const page = await stack.request('/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/docs/assets/swagger-ui-bundle.js');
    expect((await stack.request('/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });
});

describe('metrics', () => {
  it('exposes Prometheus HTTP metrics labelled by route template', async () => {
    await stack.request('/api/v1/sensors/readings?limit=1');
    // The public port no longer serves /metrics (#22): the admin route gives the dashboard the same text.
    const text = await (await stack.request('/api/v1/metrics', { key: await stack.key(['admin']) })).text();
    expect(text).toMatch(/sm_http_requests_total\{method="GET",route="\/api\/v1\/sensors\/readings",status="401"\} \d+/);
    expect(text).toContain('sm_process_resident_memory_bytes');
  });
});

describe('CORS', () => {
  it('allows a listed origin and ignores an unlisted one', async () => {
    const allowed = await stack.request('/health', { headers: { Origin: 'http://localhost:5173' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const denied = await stack.request('/health', { headers: { Origin: 'https://evil.example' } });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('errors', () => {
  it('never leaks internals on a 5xx', async () => {
    const key = await stack.key(['workflows:read']);
    // A workflow id the server does not know is a clean 404, not an error with a stack.
    const res = await stack.request('/api/v1/workflows/does-not-exist', { key });
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  });
});
