import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, killAllServices, startApiProcess, type ApiProcess } from '../support/processes';
import { call, seedKey, serviceEnv } from '../reliability/harness';

/**
 * Issue #22, abuse and lifecycle: "/metrics is public on the API port (route counters including
 * admin routes, Node version)". The real api/server.ts now serves Prometheus on its own listener
 * (METRICS_HOST, default 127.0.0.1) and the dashboard reads the admin-only /api/v1/metrics.
 */

const admin = seedKey('metrics-admin', ['admin']);
const reader = seedKey('metrics-reader', ['data:read']);
let api: ApiProcess;
let metricsPort: number;

beforeAll(async () => {
  metricsPort = await freePort();
  api = await startApiProcess(
    serviceEnv('metrics', { API_KEYS: [admin.entry, reader.entry].join(';'), METRICS_PORT: String(metricsPort) }),
  );
});
afterAll(() => killAllServices());

describe('API metrics', () => {
  it('serves no /metrics on the public port', async () => {
    const res = await call(`${api.baseUrl}/metrics`);
    expect(res.status).toBe(404);
    // Not the dashboard's history-mode fallback either: a stale scrape target gets a clear 404.
    expect(res.headers?.get('content-type')).not.toContain('text/html');
    expect(res.text).not.toContain('sm_http_requests_total');
    expect(res.text).not.toContain('nodejs_version_info');
  });

  it('serves Prometheus text on the internal listener, bound to loopback by default', async () => {
    await call(`${api.baseUrl}/api/v1/admin/whoami`, { key: admin.key });
    const res = await call(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/sm_http_requests_total\{method="GET",route="\/api\/v1\/admin\/whoami",status="200"\} \d+/);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) expect((await call(`http://${external.address}:${metricsPort}/metrics`, { timeoutMs: 2000 })).status).toBe(0);
  });

  it('gives the dashboard the same text on an admin-only API route', async () => {
    expect((await call(`${api.baseUrl}/api/v1/metrics`)).status).toBe(401);
    expect((await call(`${api.baseUrl}/api/v1/metrics`, { key: reader.key })).status).toBe(403);
    const res = await call(`${api.baseUrl}/api/v1/metrics`, { key: admin.key });
    expect(res.status).toBe(200);
    expect(res.text).toContain('sm_http_requests_total');
  });
});
