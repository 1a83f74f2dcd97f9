import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Redis from 'ioredis';
import Koa from 'koa';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDecisionAuditActivities } from '../../activities/decisionAudit';
import { ApiKeyResolver } from '../../api/middleware/auth';
import { problemDetails } from '../../api/middleware/problem';
import { RateCounter } from '../../api/middleware/rateLimit';
import { requestContext } from '../../api/middleware/requestContext';
import { createRedis } from '../../api/redis';
import { ApiRouter } from '../../api/route';
import { decisionListRoutes } from '../../api/routes/decisions';
import { reportRoutes } from '../../api/routes/reports';
import { createApiKey } from '../../db/apiKeys';
import { createSql } from '../../db/sql';
import { createLogger } from '../../observability/logger';
import { createMetrics } from '../../observability/metrics';
import { TEST_REDIS_URL } from '../support/testEnv';

/** The report and decision-list routes on the same middleware chain as api/app.ts, before they are wired there. */
let sql: postgres.Sql;
let redis: Redis;
let server: Server;
let baseUrl: string;
let reportsKey: string;
let readKey: string;

beforeAll(async () => {
  sql = createSql(inject('databaseUrl'), 3);
  redis = createRedis(TEST_REDIS_URL);
  redis.on('error', () => {});
  await redis.connect().catch(() => {});
  const api = new ApiRouter(
    {
      resolver: new ApiKeyResolver(sql),
      counter: new RateCounter(redis, `test:${randomUUID()}:`),
      bodyLimit: 1_048_576,
      globalRateLimit: 10_000,
    },
    '/api/v1',
  );
  reportRoutes(api, { sql });
  decisionListRoutes(api, { sql });
  const app = new Koa();
  app.use(requestContext({ logger: createLogger('agent-routes-test', 'silent'), metrics: createMetrics() }));
  app.use(problemDetails());
  app.use(api.router.routes());
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  reportsKey = (await createApiKey({ name: 'reports', scopes: ['reports:generate'] }, sql)).key;
  readKey = (await createApiKey({ name: 'read', scopes: ['workflows:read'] }, sql)).key;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  redis.disconnect();
  await sql.end({ timeout: 2 });
});

const request = (path: string, key: string, init: RequestInit & { json?: unknown } = {}) =>
  fetch(baseUrl + path, {
    ...init,
    headers: { 'X-API-Key': key, ...(init.json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  });

describe('report routes', () => {
  it('generates a report (201), reads it back as JSON, CSV and PDF, and lists it', async () => {
    const period = { from: '2003-02-01T00:00:00Z', to: '2003-02-01T12:00:00Z' };
    const res = await request('/api/v1/reports/generate', reportsKey, {
      method: 'POST',
      json: { report_type: 'system_health', ...period },
    });
    expect(res.status).toBe(201);
    const report = await res.json();
    expect(report).toMatchObject({
      report_type: 'system_health',
      body: { title: 'System health', period: { from: '2003-02-01T00:00:00.000Z', to: '2003-02-01T12:00:00.000Z' } },
      artifacts: { csv: `/api/v1/reports/${report.id}/artifact.csv`, pdf: `/api/v1/reports/${report.id}/artifact.pdf` },
    });
    expect(res.headers.get('location')).toBe(`/api/v1/reports/${report.id}`);
    expect(report.body.charts[0].series[0].points).toHaveLength(12);

    const json = await (await request(`/api/v1/reports/${report.id}`, reportsKey)).json();
    expect(json.body).toEqual(report.body);
    const csv = await request(report.artifacts.csv, reportsKey);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).split('\r\n')[0]).toBe('Sensors');
    const pdf = await request(report.artifacts.pdf, reportsKey);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    const list = await request('/api/v1/reports?report_type=system_health&limit=200', reportsKey);
    expect(Number(list.headers.get('x-total-count'))).toBeGreaterThanOrEqual(1);
    const items = await list.json();
    expect(items.find((r: { id: string }) => r.id === report.id)).toMatchObject({ title: 'System health', summary: { readings: 0 } });
  });

  it('answers 422 for a malformed id or period and 404 for an unknown report, as problem+json', async () => {
    const malformed = await request('/api/v1/reports/not-a-uuid', reportsKey);
    expect(malformed.status).toBe(422);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    const unknown = await request(`/api/v1/reports/${randomUUID()}/artifact.pdf`, reportsKey);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).code).toBe('not_found');
    const reversed = await request('/api/v1/reports/generate', reportsKey, {
      method: 'POST',
      json: { report_type: 'anomaly_summary', from: '2003-02-02T00:00:00Z', to: '2003-02-01T00:00:00Z' },
    });
    expect(reversed.status).toBe(422);
    expect((await reversed.json()).detail).toContain('from must be before to');
    const badType = await request('/api/v1/reports/generate', reportsKey, { method: 'POST', json: { report_type: 'random' } });
    expect(badType.status).toBe(422);
  });

  it("renders a report in the reader's language and zone, and refuses an unknown zone or language with 422", async () => {
    const res = await request('/api/v1/reports/generate', reportsKey, {
      method: 'POST',
      json: { report_type: 'system_health', from: '2003-02-01T00:00:00Z', to: '2003-02-01T12:00:00Z' },
    });
    const report = await res.json();
    const json = await (
      await request(`/api/v1/reports/${report.id}?tz=America/Sao_Paulo`, reportsKey, { headers: { 'Accept-Language': 'pt-BR,pt;q=0.9' } })
    ).json();
    expect(json.presentation).toMatchObject({ lang: 'pt-BR', time_zone: 'America/Sao_Paulo', title: 'Saúde do sistema' });
    expect(json.presentation.period).toEqual({ from: '31/01/2003, 22:00', to: '01/02/2003, 10:00' });
    expect(json.presentation.summary.find((s: { key: string }) => s.key === 'sensors_stale_24h').label).toBe(
      'Sensores em silêncio há 24 h',
    );
    expect(json.presentation.summary.map((s: { value: string }) => s.value)).not.toContain('null');
    // The stored data itself does not change with the reader.
    expect(json.body.title).toBe('System health');

    const csv = await (await request(`${report.artifacts.csv}?lang=pt-BR`, reportsKey)).text();
    expect(csv.split('\r\n').slice(0, 2)).toEqual([
      'Sensores',
      'Sensor,Tipo,Leituras,Qualidade média,Última leitura,Anomalias,Última situação de deriva',
    ]);
    // An English reader without parameters gets the stored artifact, keys and all.
    const stored = await (await request(report.artifacts.csv, reportsKey, { headers: { 'Accept-Language': 'en-US' } })).text();
    expect(stored.split('\r\n')[1]).toBe('sensor_id,type,readings,mean_quality,last_reading,anomalies,latest_drift_status');
    const pdf = await request(`${report.artifacts.pdf}?lang=pt-BR&tz=America/Sao_Paulo`, reportsKey);
    expect(pdf.status).toBe(200);
    const localPdf = Buffer.from(await pdf.arrayBuffer());
    expect(localPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Rendered for this reader (test/reports/localize.test.ts reads the words), not the stored English one.
    const storedPdf = Buffer.from(await (await request(report.artifacts.pdf, reportsKey)).arrayBuffer());
    expect(localPdf.equals(storedPdf)).toBe(false);

    for (const query of ['tz=Mars/Olympus', 'tz=', 'lang=fr']) {
      const bad = await request(`${report.artifacts.pdf}?${query}`, reportsKey);
      expect(bad.status, query).toBe(422);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('requires the reports:generate scope', async () => {
    expect((await request('/api/v1/reports', readKey)).status).toBe(403);
    expect((await fetch(`${baseUrl}/api/v1/reports`)).status).toBe(401);
  });
});

describe('GET /api/v1/decisions', () => {
  it('filters, pages with X-Total-Count, marks superseded rows and exports CSV', async () => {
    const audit = createDecisionAuditActivities({ sql });
    const operatorId = `op-${randomUUID().slice(0, 8)}`;
    const base = { operatorId, justification: 'j', source: 'api' as const };
    const first = await audit.recordDecision({ ...base, requestId: `r-${randomUUID()}`, decision: 'approved', dedupKey: randomUUID() });
    const second = await audit.recordDecision({ ...base, requestId: `r-${randomUUID()}`, decision: 'rejected', dedupKey: randomUUID() });
    const correction = await audit.recordCorrection({ ...base, supersedes: second.id, decision: 'approved', dedupKey: randomUUID() });

    const page = await request(`/api/v1/decisions?operator_id=${operatorId}&limit=2`, readKey);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-total-count')).toBe('3');
    const items = await page.json();
    expect(items.map((d: { id: string; superseded_by: string | null }) => [d.id, d.superseded_by])).toEqual([
      [correction.id, null],
      [second.id, correction.id],
    ]);
    expect(items[0]).not.toHaveProperty('dedup_key');
    const rest = await (await request(`/api/v1/decisions?operator_id=${operatorId}&limit=2&offset=2`, readKey)).json();
    expect(rest.map((d: { id: string }) => d.id)).toEqual([first.id]);

    const rejected = await (await request(`/api/v1/decisions?operator_id=${operatorId}&decision=rejected`, readKey)).json();
    expect(rejected.map((d: { id: string }) => d.id)).toEqual([second.id]);

    const csv = await request(`/api/v1/decisions?operator_id=${operatorId}`, readKey, { headers: { Accept: 'text/csv' } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,request_id,decision,operator_id,justification,workflow_id,correlation_id,order_id,source,supersedes,superseded_by,' +
        'decided_by_kind,decided_by_key_id,decided_by_key_name,created_at',
    );
    expect(lines).toHaveLength(4);
    expect(lines[2]!.startsWith(`${second.id},`)).toBe(true);
    expect(lines[2]!.split(',')[10]).toBe(correction.id);
  });

  it('validates the limit, the decision and the time range', async () => {
    expect((await request('/api/v1/decisions?limit=501', readKey)).status).toBe(422);
    expect((await request('/api/v1/decisions?decision=maybe', readKey)).status).toBe(422);
    const reversed = await request('/api/v1/decisions?from=2024-02-02T00:00:00Z&to=2024-02-01T00:00:00Z', readKey);
    expect(reversed.status).toBe(422);
    expect((await request('/api/v1/decisions', reportsKey)).status).toBe(403);
  });
});
