import { spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../config';
import { runSmoke, type SmokeSummary } from '../../scripts/smoke';

interface FakeBehaviour {
  /** Golden Path status sequence; the last one repeats. */
  runStatuses?: string[];
  /** A new reading id on every ingest, as if the Idempotency-Key were ignored. */
  ignoreIdempotency?: boolean;
  /** /health never answers. */
  hangHealth?: boolean;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A stand-in API with just the routes the smoke test calls, misbehaving as told. */
async function fakeApi(behaviour: FakeBehaviour): Promise<string> {
  const readings: { id: string; value: number }[] = [];
  let statusCalls = 0;
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };
  const body = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    return text ? JSON.parse(text) : {};
  };
  server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://fake');
    if (url.pathname === '/health') {
      if (behaviour.hangHealth) return;
      return send(res, 200, { status: 'ok', dependencies: { database: { status: 'up' } } });
    }
    if (url.pathname === '/api/v1/data/ingest') {
      const reading = await body(req);
      if (behaviour.ignoreIdempotency || readings.length === 0) readings.push({ id: String(readings.length + 1), value: reading.value });
      return send(res, 200, { status: 'success', reading: readings.at(-1) });
    }
    if (url.pathname === '/api/v1/sensors/readings') return send(res, 200, readings);
    if (url.pathname === '/api/v1/ml/predict')
      return send(res, 200, { prediction: 0, probability: 0.02, model_info: { name: 'm', version: '1' } });
    if (url.pathname === '/api/v1/demo/golden-path') return send(res, 202, { correlation_id: '00000000-0000-4000-8000-000000000001' });
    if (url.pathname.startsWith('/api/v1/demo/golden-path/status/')) {
      const statuses = behaviour.runStatuses ?? ['waiting_for_decision', 'completed'];
      const status = statuses[Math.min(statusCalls++, statuses.length - 1)];
      return send(res, 200, { status, decision_request_id: 'req-1', prediction: { probability: 0.9 } });
    }
    if (url.pathname === '/api/v1/decisions/submit') return send(res, 201, { decision: (await body(req)).decision });
    if (url.pathname === '/api/v1/metrics') return res.writeHead(200).end('sm_http_requests_total{route="/health"} 1\n');
    send(res, 404, {});
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const byName = (summary: SmokeSummary) => Object.fromEntries(summary.steps.map((s) => [s.name, s]));

describe('runSmoke', () => {
  it('passes when every step answers as a healthy system does', async () => {
    const summary = await runSmoke({ baseUrl: await fakeApi({}), apiKey: 'k' });
    expect(summary.steps.filter((s) => !s.ok)).toEqual([]);
    expect(summary.ok).toBe(true);
  });

  it('fails the drift scenario when the run completes without asking for a decision', async () => {
    const summary = await runSmoke({ baseUrl: await fakeApi({ runStatuses: ['running', 'completed'] }), apiKey: 'k' });
    const steps = byName(summary);
    expect(summary.ok).toBe(false);
    expect(steps.golden_path_waiting_for_decision).toMatchObject({
      ok: false,
      detail: 'run reached "completed" instead of waiting_for_decision',
    });
    expect(steps.decision_submit).toMatchObject({ ok: false, detail: 'skipped: golden_path_waiting_for_decision failed' });
    expect(steps.golden_path_completed).toMatchObject({ ok: false, detail: 'skipped: decision_submit failed' });
    expect(steps.predict!.ok).toBe(true);
  });

  it('fails when one Idempotency-Key yields two readings', async () => {
    const steps = byName(await runSmoke({ baseUrl: await fakeApi({ ignoreIdempotency: true }), apiKey: 'k' }));
    expect(steps.ingest!.ok).toBe(true);
    expect(steps.ingest_replay).toMatchObject({ ok: false, detail: 'the same Idempotency-Key gave reading 2, not 1' });
    expect(steps.read_back!.ok).toBe(false);
    expect(steps.read_back!.detail).toMatch(/^2 readings stored for smoke-[0-9a-f]{8}, wanted exactly 1$/);
  });

  it('bounds a request that never answers by the request timeout', async () => {
    const started = Date.now();
    const steps = byName(await runSmoke({ baseUrl: await fakeApi({ hangHealth: true }), apiKey: 'k', requestTimeoutMs: 300 }));
    expect(steps.health).toMatchObject({ ok: false, status: null, detail: 'GET /health: no answer within 300 ms' });
    expect(steps.metrics!.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('npm run smoke (scripts/smoke.ts)', () => {
  it('prints one JSON summary and exits 1 when the system is unreachable', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => probe.once('listening', r));
    const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise((r) => probe.close(r));
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot, 'scripts', 'smoke.ts'), '--url', url, '--key', 'k'],
      {
        cwd: projectRoot,
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(1);
    const summary = JSON.parse(result.stdout) as SmokeSummary;
    expect(summary.ok).toBe(false);
    expect(summary.base_url).toBe(url);
    expect(byName(summary).health).toMatchObject({ ok: false, status: null, detail: 'GET /health: ECONNREFUSED' });
    expect(summary.steps).toHaveLength(10);
  });
});
