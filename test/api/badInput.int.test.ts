import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let key: string;

beforeAll(async () => {
  stack = await startTestStack();
  key = await stack.key([
    'data:ingest',
    'data:read',
    'workflows:write',
    'workflows:read',
    'decisions:write',
    'reports:generate',
    'maintenance:read',
    'admin',
  ]);
});
afterAll(() => stack.close());

interface Case {
  name: string;
  path: string;
  method?: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  status: number;
  /** A field the problem must name (in `errors[].field`), or a phrase its detail must contain. */
  names: string;
}

const ok = { sensor_id: 'bad-input-probe', value: 1 };
const future = new Date(Date.now() + 86_400_000).toISOString();
const big = 'x'.repeat(1_100_000);

const cases: Case[] = [
  { name: 'value as a string', path: '/api/v1/data/ingest', body: { ...ok, value: 'hot' }, status: 422, names: 'value' },
  { name: 'value "NaN" as a string', path: '/api/v1/data/ingest', body: { ...ok, value: 'NaN' }, status: 422, names: 'value' },
  { name: 'value "Infinity" as a string', path: '/api/v1/data/ingest', body: { ...ok, value: 'Infinity' }, status: 422, names: 'value' },
  { name: 'value null', path: '/api/v1/data/ingest', body: { ...ok, value: null }, status: 422, names: 'value' },
  { name: 'value missing', path: '/api/v1/data/ingest', body: { sensor_id: 'x' }, status: 422, names: 'value' },
  { name: 'sensor_id missing', path: '/api/v1/data/ingest', body: { value: 1 }, status: 422, names: 'sensor_id' },
  { name: 'sensor_id a number', path: '/api/v1/data/ingest', body: { ...ok, sensor_id: 42 }, status: 422, names: 'sensor_id' },
  {
    name: 'sensor_id with SQL',
    path: '/api/v1/data/ingest',
    body: { ...ok, sensor_id: "x'; DROP TABLE sensors;--" },
    status: 422,
    names: 'sensor_id',
  },
  { name: 'sensor_id with spaces', path: '/api/v1/data/ingest', body: { ...ok, sensor_id: 'pump 1' }, status: 422, names: 'sensor_id' },
  { name: 'sensor_id too long', path: '/api/v1/data/ingest', body: { ...ok, sensor_id: 'a'.repeat(65) }, status: 422, names: 'sensor_id' },
  { name: 'sensor_id empty', path: '/api/v1/data/ingest', body: { ...ok, sensor_id: '' }, status: 422, names: 'sensor_id' },
  {
    name: 'unknown sensor_type',
    path: '/api/v1/data/ingest',
    body: { ...ok, sensor_type: 'warp_drive' },
    status: 422,
    names: 'sensor_type',
  },
  { name: 'quality above 1', path: '/api/v1/data/ingest', body: { ...ok, quality: 1.5 }, status: 422, names: 'quality' },
  { name: 'quality negative', path: '/api/v1/data/ingest', body: { ...ok, quality: -0.1 }, status: 422, names: 'quality' },
  { name: 'quality as a string', path: '/api/v1/data/ingest', body: { ...ok, quality: 'good' }, status: 422, names: 'quality' },
  {
    name: 'correlation_id not a UUID',
    path: '/api/v1/data/ingest',
    body: { ...ok, correlation_id: 'abc' },
    status: 422,
    names: 'correlation_id',
  },
  { name: 'timestamp not ISO', path: '/api/v1/data/ingest', body: { ...ok, timestamp: 'yesterday' }, status: 422, names: 'timestamp' },
  {
    name: 'timestamp without zone',
    path: '/api/v1/data/ingest',
    body: { ...ok, timestamp: '2026-01-01T00:00:00' },
    status: 422,
    names: 'timestamp',
  },
  { name: 'timestamp far in the future', path: '/api/v1/data/ingest', body: { ...ok, timestamp: future }, status: 422, names: 'timestamp' },
  { name: 'unknown field', path: '/api/v1/data/ingest', body: { ...ok, temperature: 3 }, status: 422, names: 'temperature' },
  { name: 'metadata not an object', path: '/api/v1/data/ingest', body: { ...ok, metadata: 'x' }, status: 422, names: 'metadata' },
  { name: 'unit too long', path: '/api/v1/data/ingest', body: { ...ok, unit: 'u'.repeat(40) }, status: 422, names: 'unit' },
  { name: 'body an array', path: '/api/v1/data/ingest', body: [ok], status: 422, names: 'expected object' },
  { name: 'body a number', path: '/api/v1/data/ingest', raw: '42', status: 422, names: 'expected object' },
  { name: 'malformed JSON', path: '/api/v1/data/ingest', raw: '{"sensor_id": "x", "value": 1', status: 400, names: 'Malformed JSON' },
  {
    name: 'NaN literal in JSON',
    path: '/api/v1/data/ingest',
    raw: '{"sensor_id": "x", "value": NaN}',
    status: 400,
    names: 'Malformed JSON',
  },
  { name: 'empty body', path: '/api/v1/data/ingest', raw: '', status: 422, names: 'expected object' },
  {
    name: 'wrong content type',
    path: '/api/v1/data/ingest',
    raw: 'sensor_id=x&value=1',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
    names: 'application/json',
  },
  { name: 'oversize body', path: '/api/v1/data/ingest', body: { ...ok, metadata: { pad: big } }, status: 413, names: 'exceeds the limit' },
  {
    name: 'bad Idempotency-Key',
    path: '/api/v1/data/ingest',
    body: ok,
    headers: { 'Idempotency-Key': 'has spaces and ;' },
    status: 422,
    names: 'Idempotency-Key',
  },
  { name: 'batch without readings', path: '/api/v1/data/ingest/batch', body: {}, status: 422, names: 'readings' },
  { name: 'batch empty', path: '/api/v1/data/ingest/batch', body: { readings: [] }, status: 422, names: 'readings' },
  {
    name: 'batch with one bad item',
    path: '/api/v1/data/ingest/batch',
    body: { readings: [ok, ok, { ...ok, value: 'x' }] },
    status: 422,
    names: 'readings.2.value',
  },
  {
    name: 'batch with a future item',
    path: '/api/v1/data/ingest/batch',
    body: { readings: [ok, { ...ok, timestamp: future }] },
    status: 422,
    names: 'readings.1.timestamp',
  },
  {
    name: 'batch over 10,000',
    path: '/api/v1/data/ingest/batch',
    body: { readings: Array.from({ length: 10_001 }, () => ok) },
    status: 422,
    names: 'readings',
  },
  {
    name: 'CSV without required column',
    path: '/api/v1/data/ingest/csv',
    raw: 'sensor,value\na,1\n',
    contentType: 'text/csv',
    status: 422,
    names: 'csv.line.1',
  },
  {
    name: 'CSV with unknown column',
    path: '/api/v1/data/ingest/csv',
    raw: 'sensor_id,value,evil\na,1,2\n',
    contentType: 'text/csv',
    status: 422,
    names: 'csv.line.1',
  },
  {
    name: 'CSV with a ragged row',
    path: '/api/v1/data/ingest/csv',
    raw: 'sensor_id,value\na,1\nb,2,3\n',
    contentType: 'text/csv',
    status: 422,
    names: 'csv.line.3',
  },
  {
    name: 'CSV with an unterminated quote',
    path: '/api/v1/data/ingest/csv',
    raw: 'sensor_id,value\n"a,1\n',
    contentType: 'text/csv',
    status: 422,
    names: 'csv.line.2',
  },
  {
    name: 'CSV header only',
    path: '/api/v1/data/ingest/csv',
    raw: 'sensor_id,value\n',
    contentType: 'text/csv',
    status: 422,
    names: 'csv.line.2',
  },
  {
    name: 'CSV binary garbage',
    path: '/api/v1/data/ingest/csv',
    raw: 'sensor_id,value\n\u0000\u0001,2\n',
    contentType: 'text/csv',
    status: 422,
    names: 'csv.line.2',
  },
  { name: 'CSV as JSON', path: '/api/v1/data/ingest/csv', body: { rows: [] }, status: 415, names: 'text/csv' },
  { name: 'readings limit 0', path: '/api/v1/sensors/readings?limit=0', method: 'GET', status: 422, names: 'query.limit' },
  { name: 'readings limit 5000', path: '/api/v1/sensors/readings?limit=5000', method: 'GET', status: 422, names: 'query.limit' },
  { name: 'readings limit not a number', path: '/api/v1/sensors/readings?limit=abc', method: 'GET', status: 422, names: 'query.limit' },
  { name: 'readings negative offset', path: '/api/v1/sensors/readings?offset=-1', method: 'GET', status: 422, names: 'query.offset' },
  { name: 'readings bad start_ts', path: '/api/v1/sensors/readings?start_ts=monday', method: 'GET', status: 422, names: 'query.start_ts' },
  {
    name: 'readings SQL in sensor_id',
    path: `/api/v1/sensors/readings?sensor_id=${encodeURIComponent("1' OR '1'='1")}`,
    method: 'GET',
    status: 422,
    names: 'query.sensor_id',
  },
  { name: 'readings unknown query key', path: '/api/v1/sensors/readings?drop=1', method: 'GET', status: 422, names: 'query.drop' },
  {
    name: 'readings reversed range',
    path: '/api/v1/sensors/readings?start_ts=2026-02-01T00:00:00Z&end_ts=2026-01-01T00:00:00Z',
    method: 'GET',
    status: 422,
    names: 'query.start_ts',
  },
  { name: 'golden path too few events', path: '/api/v1/demo/golden-path', body: { sensor_events: 2 }, status: 422, names: 'sensor_events' },
  { name: 'golden path fractional seed', path: '/api/v1/demo/golden-path', body: { seed: 1.5 }, status: 422, names: 'seed' },
  { name: 'golden path seed beyond 32 bits', path: '/api/v1/demo/golden-path', body: { seed: 2 ** 32 }, status: 422, names: 'seed' },
  { name: 'golden path unknown scenario', path: '/api/v1/demo/golden-path', body: { scenario: 'meteor' }, status: 422, names: 'scenario' },
  {
    name: 'decision with unknown verdict',
    path: '/api/v1/decisions/submit',
    body: { request_id: 'r1', decision: 'maybe', operator_id: 'a', justification: 'because' },
    status: 422,
    names: 'decision',
  },
  {
    name: 'decision without justification',
    path: '/api/v1/decisions/submit',
    body: { request_id: 'r1', decision: 'approved', operator_id: 'a' },
    status: 422,
    names: 'justification',
  },
  {
    name: 'decision for an unknown request',
    path: '/api/v1/decisions/submit',
    body: { request_id: 'nobody-waits', decision: 'approved', operator_id: 'a', justification: 'fine by me' },
    status: 404,
    names: 'nobody-waits',
  },
  {
    name: 'workflow id with SQL',
    path: `/api/v1/workflows/${encodeURIComponent("x' OR 1=1")}`,
    method: 'GET',
    status: 422,
    names: 'path.id',
  },
  {
    name: 'report with a reversed period',
    path: '/api/v1/reports/generate',
    body: { report_type: 'system_health', from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
    status: 422,
    names: 'from',
  },
  { name: 'report id not a UUID', path: '/api/v1/reports/not-a-uuid', method: 'GET', status: 422, names: 'path.id' },
  {
    name: 'api key with unknown scope',
    path: '/api/v1/admin/api-keys',
    body: { name: 'k', scopes: ['root'] },
    status: 422,
    names: 'scopes.0',
  },
  {
    name: 'NUL in a decision justification',
    path: '/api/v1/decisions/submit',
    raw: '{"request_id":"r1","decision":"approved","operator_id":"a","justification":"ok\\u0000"}',
    status: 422,
    names: 'NUL',
  },
  {
    name: 'site zone not IANA',
    path: '/api/v1/sites',
    body: { id: 'bad-zone', name: 'B', time_zone: 'Mars/Base' },
    status: 422,
    names: 'time_zone',
  },
  {
    name: 'site zone an offset',
    path: '/api/v1/sites',
    body: { id: 'bad-zone', name: 'B', time_zone: '-03:00' },
    status: 422,
    names: 'time_zone',
  },
  { name: 'site id with spaces', path: '/api/v1/sites', body: { id: 'plant 1', name: 'P' }, status: 422, names: 'id' },
  { name: 'site name empty', path: '/api/v1/sites', body: { id: 'p1', name: ' ' }, status: 422, names: 'name' },
  { name: 'site patch empty', path: '/api/v1/sites/plant-north', method: 'PATCH', body: {}, status: 422, names: 'give at least one' },
  {
    name: 'asset on an unknown site',
    path: '/api/v1/assets',
    body: { id: 'bad-site-asset', name: 'A', type_id: 'turbofan', site: 'no-such-site' },
    status: 422,
    names: 'site',
  },
  {
    name: 'asset moved to an unknown site',
    path: '/api/v1/assets/any',
    method: 'PATCH',
    body: { site: 'nowhere' },
    status: 422,
    names: 'site',
  },
  { name: 'unknown API route', path: '/api/v1/nowhere', method: 'GET', status: 404, names: 'No route' },
];

async function readingCount(): Promise<number> {
  const [row] = await stack.sql<{ n: number }[]>`select count(*)::int as n from sensor_readings`;
  return row!.n;
}

describe('bad input', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$name → $status problem+json naming "$names", nothing written', async (c) => {
    const before = await readingCount();
    const uploadsBefore = (await stack.sql<{ n: number }[]>`select count(*)::int as n from csv_uploads`)[0]!.n;
    const headers: Record<string, string> = { ...c.headers };
    let body: string | undefined;
    if (c.raw !== undefined) {
      body = c.raw;
      headers['Content-Type'] = c.contentType ?? 'application/json';
    } else if (c.body !== undefined) {
      body = JSON.stringify(c.body);
      headers['Content-Type'] = c.contentType ?? 'application/json';
    }
    const res = await stack.request(c.path, { method: c.method ?? 'POST', key, headers, body });
    expect(res.status).toBe(c.status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await res.json();
    expect(problem).toMatchObject({ status: c.status, title: expect.any(String), detail: expect.any(String) });
    const fields: string[] = (problem.errors ?? []).map((e: { field: string }) => e.field);
    const named =
      fields.some((f) => f === c.names || f.endsWith(`.${c.names}`) || f.startsWith(c.names)) || String(problem.detail).includes(c.names);
    expect(named, `problem ${JSON.stringify(problem).slice(0, 400)} should name ${c.names}`).toBe(true);
    expect(await readingCount()).toBe(before);
    expect((await stack.sql<{ n: number }[]>`select count(*)::int as n from csv_uploads`)[0]!.n).toBe(uploadsBefore);
  });
  it('gives the hand-written field errors a code and parameters beside the English message', async () => {
    const before = await readingCount();
    const badKey = await stack.request('/api/v1/data/ingest', {
      method: 'POST',
      key,
      headers: { 'Idempotency-Key': 'has spaces' },
      json: ok,
    });
    expect(badKey.status).toBe(422);
    expect((await badKey.json()).errors).toEqual([
      {
        field: 'header.Idempotency-Key',
        message: 'must be 1-128 characters of A-Z a-z 0-9 . _ : -',
        code: 'invalid_idempotency_key',
        params: {},
      },
    ]);
    const both = await stack.request('/api/v1/simulate/normal-data', {
      method: 'POST',
      key,
      json: { sensor_id: 'bad-input-probe', noise: 1, noise_level: 2, interval_seconds: 60, duration_minutes: 30 },
    });
    expect(both.status).toBe(422);
    expect((await both.json()).errors).toEqual([
      { field: 'noise_level', message: 'give noise or noise_level, not both', code: 'exclusive_with', params: { other: 'noise' } },
      {
        field: 'duration_minutes',
        message: 'give interval_seconds or duration_minutes, not both',
        code: 'exclusive_with',
        params: { other: 'interval_seconds' },
      },
    ]);
    expect(await readingCount()).toBe(before);
  });
});
