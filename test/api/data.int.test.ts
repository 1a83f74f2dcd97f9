import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let key: string;

beforeAll(async () => {
  stack = await startTestStack();
  key = await stack.key(['data:ingest', 'data:read']);
});
afterAll(() => stack.close());

const sensor = () => `it-${randomUUID().slice(0, 8)}`;

async function countRows(sensorId: string): Promise<number> {
  const [row] = await stack.sql<{ n: bigint }[]>`select count(*) as n from sensor_readings where sensor_id = ${sensorId}`;
  return Number(row!.n);
}

describe('POST /api/v1/data/ingest', () => {
  it('commits the reading before answering, so an immediate read sees it', async () => {
    const id = sensor();
    const res = await stack.request('/api/v1/data/ingest', { method: 'POST', key, json: { sensor_id: id, value: 21.5, unit: '°C' } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.reading).toMatchObject({ sensor_id: id, value: 21.5, unit: '°C', quality: 1, sensor_type: 'temperature' });
    const read = await stack.request(`/api/v1/sensors/readings?sensor_id=${id}`, { key });
    expect(read.headers.get('x-total-count')).toBe('1');
    expect((await read.json())[0].id).toBe(body.reading.id);
  });

  it('replays the first answer for a repeated Idempotency-Key and writes one row', async () => {
    const id = sensor();
    const idem = randomUUID();
    const send = () =>
      stack.request('/api/v1/data/ingest', {
        method: 'POST',
        key,
        headers: { 'Idempotency-Key': idem },
        json: { sensor_id: id, value: 3 },
      });
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    const bodies = await Promise.all([a.json(), b.json(), c.json()]);
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    expect(new Set(bodies.map((x) => x.reading.id)).size).toBe(1);
    expect(c.headers.get('idempotent-replayed')).toBe('true');
    expect(await countRows(id)).toBe(1);
  });

  it('answers 409 when an Idempotency-Key is reused with a different body', async () => {
    const id = sensor();
    const idem = randomUUID();
    await stack.request('/api/v1/data/ingest', {
      method: 'POST',
      key,
      headers: { 'Idempotency-Key': idem },
      json: { sensor_id: id, value: 1 },
    });
    const res = await stack.request('/api/v1/data/ingest', {
      method: 'POST',
      key,
      headers: { 'Idempotency-Key': idem },
      json: { sensor_id: id, value: 2 },
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).code).toBe('idempotency_key_reused');
    expect(await countRows(id)).toBe(1);
  });

  it('keeps exactly-once through PostgreSQL when Redis has forgotten the key', async () => {
    const id = sensor();
    const idem = randomUUID();
    const send = () =>
      stack.request('/api/v1/data/ingest', {
        method: 'POST',
        key,
        headers: { 'Idempotency-Key': idem },
        json: { sensor_id: id, value: 7 },
      });
    const first = await (await send()).json();
    // Redis entries are scoped by API key (`idem:<key id>/<Idempotency-Key>`).
    const cached = await stack.redis.keys(`${stack.config.REDIS_PREFIX}idem:*/${idem}`);
    expect(cached).toHaveLength(1);
    await stack.redis.del(...cached);
    const again = await send();
    expect(again.status).toBe(200);
    expect((await again.json()).reading.id).toBe(first.reading.id);
    expect(await countRows(id)).toBe(1);
  });

  it('echoes X-Request-ID and stores the correlation id on the row', async () => {
    const id = sensor();
    const correlation = randomUUID();
    const res = await stack.request('/api/v1/data/ingest', {
      method: 'POST',
      key,
      headers: { 'X-Request-ID': 'req-123', 'X-Correlation-ID': correlation },
      json: { sensor_id: id, value: 1 },
    });
    expect(res.headers.get('x-request-id')).toBe('req-123');
    expect(res.headers.get('x-correlation-id')).toBe(correlation);
    expect((await res.json()).reading.correlation_id).toBe(correlation);
  });
});

describe('POST /api/v1/data/ingest/batch', () => {
  it('commits every reading and updates the sensor registry', async () => {
    const id = sensor();
    const readings = Array.from({ length: 250 }, (_, i) => ({
      sensor_id: id,
      value: i,
      timestamp: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    }));
    const res = await stack.request('/api/v1/data/ingest/batch', { method: 'POST', key, json: { readings } });
    expect(res.status).toBe(200);
    expect((await res.json()).inserted).toBe(250);
    const sensors = await (await stack.request('/api/v1/sensors/sensors', { key })).json();
    const s = sensors.find((x: { sensor_id: string }) => x.sensor_id === id);
    expect(s).toMatchObject({ reading_count: 250, first_reading: '2026-01-01T00:00:00.000Z', last_reading: '2026-01-01T04:09:00.000Z' });
  });

  it('writes nothing and names the index and field when one item is invalid', async () => {
    const id = sensor();
    const readings = [
      { sensor_id: id, value: 1 },
      { sensor_id: id, value: 'hot' },
    ];
    const res = await stack.request('/api/v1/data/ingest/batch', { method: 'POST', key, json: { readings } });
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.errors).toEqual([
      { field: 'readings.1.value', message: expect.any(String), code: 'invalid_type', params: { expected: 'number' } },
    ]);
    expect(await countRows(id)).toBe(0);
  });
});

describe('GET /api/v1/sensors/readings', () => {
  it('pages newest first and filters by time', async () => {
    const id = sensor();
    const readings = Array.from({ length: 30 }, (_, i) => ({
      sensor_id: id,
      value: i,
      timestamp: new Date(Date.UTC(2026, 1, 1, 0, i)).toISOString(),
    }));
    await stack.request('/api/v1/data/ingest/batch', { method: 'POST', key, json: { readings } });
    const page = await (await stack.request(`/api/v1/sensors/readings?sensor_id=${id}&limit=5&offset=5`, { key })).json();
    expect(page.map((r: { value: number }) => r.value)).toEqual([24, 23, 22, 21, 20]);
    const ranged = await stack.request(
      `/api/v1/sensors/readings?sensor_id=${id}&start_ts=2026-02-01T00:10:00Z&end_ts=2026-02-01T00:12:00Z`,
      { key },
    );
    expect(ranged.headers.get('x-total-count')).toBe('3');
  });

  it('returns CSV when asked with Accept: text/csv', async () => {
    const id = sensor();
    await stack.request('/api/v1/data/ingest', { method: 'POST', key, json: { sensor_id: id, value: 5.5, metadata: { note: 'a,b' } } });
    const res = await stack.request(`/api/v1/sensors/readings?sensor_id=${id}`, { key, headers: { Accept: 'text/csv' } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('id,sensor_id,timestamp,value,unit,quality,sensor_type,correlation_id,ingested_at,metadata');
    expect(lines[1]).toContain(`,${id},`);
    expect(lines[1]).toContain('"{""note"":""a,b""}"');
  });
});

describe('GET /api/v1/sensors/:id/series', () => {
  async function seed(id: string, start: number, count: number, stepMs: number, value: (i: number) => number) {
    const readings = Array.from({ length: count }, (_, i) => ({
      sensor_id: id,
      sensor_type: 'torque',
      value: value(i),
      unit: 'Nm',
      timestamp: new Date(start + i * stepMs).toISOString(),
    }));
    const res = await stack.request('/api/v1/data/ingest/batch', { method: 'POST', key, json: { readings } });
    expect(res.status).toBeLessThan(300);
  }

  it("returns every reading of a short range, defaulting to the day up to the sensor's last reading, with its anomalies", async () => {
    const id = sensor();
    const start = Date.parse('2025-05-01T10:00:00Z');
    // Two days of readings an hour apart: the default range holds the last 24 h, both ends included.
    await seed(id, start, 48, 3_600_000, (i) => 40 + i);
    await stack.sql`insert into anomalies (sensor_id, ts, value, score, method, reason)
      values (${id}, ${new Date(start + 47 * 3_600_000)}, 87, 4.2, 'zscore', 'spike'), (${id}, ${new Date(start)}, 40, 3, 'zscore', 'old')`;
    const res = await stack.request(`/api/v1/sensors/${id}/series`, { key });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ sensor_id: id, unit: 'Nm', sensor_type: 'torque', bucket_seconds: 0, total: 25 });
    expect(body.to).toBe(new Date(start + 47 * 3_600_000).toISOString());
    expect(body.points).toHaveLength(25);
    expect(body.points[0]).toEqual({ ts: new Date(start + 23 * 3_600_000).toISOString(), value: 63, min: 63, max: 63, count: 1 });
    expect(body.anomalies).toEqual([{ ts: body.to, value: 87, score: 4.2, method: 'zscore', credible: null }]);
  });

  it('averages a long range into at most max_points buckets that keep each bucket minimum and maximum', async () => {
    const id = sensor();
    const start = Date.parse('2025-05-01T00:00:00Z');
    // 600 readings a minute apart; one spike at reading 301 must survive as a bucket's max.
    await seed(id, start, 600, 60_000, (i) => (i === 301 ? 500 : 10));
    const from = new Date(start).toISOString();
    const to = new Date(start + 600 * 60_000).toISOString();
    const body = await (await stack.request(`/api/v1/sensors/${id}/series?from=${from}&to=${to}&max_points=100`, { key })).json();
    expect(body.total).toBe(600);
    expect(body.bucket_seconds).toBe(360);
    expect(body.points.length).toBeLessThanOrEqual(100);
    expect(body.points.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(600);
    expect(Math.max(...body.points.map((p: { max: number }) => p.max))).toBe(500);
    const spiked = body.points.find((p: { max: number }) => p.max === 500);
    expect(spiked).toMatchObject({ min: 10, count: 6 });
    expect(spiked.value).toBeCloseTo((5 * 10 + 500) / 6, 6);
  });

  it('answers 404 for an unknown sensor and 422 for a reversed or too long range', async () => {
    expect((await stack.request(`/api/v1/sensors/${sensor()}/series`, { key })).status).toBe(404);
    const reversed = await stack.request(`/api/v1/sensors/x1/series?from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z`, { key });
    expect(reversed.status).toBe(422);
    const long = await stack.request(`/api/v1/sensors/x1/series?from=2020-01-01T00:00:00Z&to=2025-01-01T00:00:00Z`, { key });
    expect(long.status).toBe(422);
    expect((await stack.request(`/api/v1/sensors/x1/series?max_points=1`, { key })).status).toBe(422);
  });
});

describe('PATCH /api/v1/sensors/:id (archive)', () => {
  it('hides a sensor from the list until asked for, keeps its readings, and lists it again when restored', async () => {
    const id = sensor();
    const ingest = await stack.request('/api/v1/data/ingest', { method: 'POST', key, json: { sensor_id: id, value: 7 } });
    expect(ingest.status).toBe(200);
    const listed = async (query = '') =>
      (
        (await (await stack.request(`/api/v1/sensors/sensors${query}`, { key })).json()) as {
          sensor_id: string;
          archived_at: string | null;
        }[]
      ).find((s) => s.sensor_id === id);
    expect(await listed()).toMatchObject({ archived_at: null });

    const hidden = await stack.request(`/api/v1/sensors/${id}`, { method: 'PATCH', key, json: { archived: true } });
    expect(hidden.status).toBe(200);
    const { archived_at } = await hidden.json();
    expect(Date.parse(archived_at)).not.toBeNaN();
    expect(await listed()).toBeUndefined();
    expect(await listed('?include_archived=true')).toMatchObject({ archived_at });
    // Hiding twice keeps the first time; the readings are all still there.
    const again = await (await stack.request(`/api/v1/sensors/${id}`, { method: 'PATCH', key, json: { archived: true } })).json();
    expect(again.archived_at).toBe(archived_at);
    expect(await countRows(id)).toBe(1);
    expect((await stack.request(`/api/v1/sensors/readings?sensor_id=${id}`, { key })).headers.get('x-total-count')).toBe('1');

    const restored = await stack.request(`/api/v1/sensors/${id}`, { method: 'PATCH', key, json: { archived: false } });
    expect((await restored.json()).archived_at).toBeNull();
    expect(await listed()).toMatchObject({ archived_at: null });
  });

  it('answers 404 for an unknown sensor, 422 for a bad body and 403 without data:ingest', async () => {
    expect((await stack.request(`/api/v1/sensors/${sensor()}`, { method: 'PATCH', key, json: { archived: true } })).status).toBe(404);
    expect((await stack.request(`/api/v1/sensors/x1`, { method: 'PATCH', key, json: { archived: 'yes' } })).status).toBe(422);
    const reader = await stack.key(['data:read']);
    expect((await stack.request(`/api/v1/sensors/x1`, { method: 'PATCH', key: reader, json: { archived: true } })).status).toBe(403);
  });
});

describe('API keys', () => {
  it('answers 401 without a key, 401 for an unknown key and 403 without the scope', async () => {
    const body = { sensor_id: 'x1', value: 1 };
    expect((await stack.request('/api/v1/data/ingest', { method: 'POST', json: body })).status).toBe(401);
    expect((await stack.request('/api/v1/data/ingest', { method: 'POST', key: 'sm_unknown_key_value', json: body })).status).toBe(401);
    const readOnly = await stack.key(['data:read']);
    const res = await stack.request('/api/v1/data/ingest', { method: 'POST', key: readOnly, json: body });
    expect(res.status).toBe(403);
    expect((await res.json()).required_scopes).toEqual(['data:ingest']);
  });

  it('lets an admin create a scoped key that works at once and stops working when revoked', async () => {
    const admin = await stack.key(['admin']);
    const created = await stack.request('/api/v1/admin/api-keys', {
      method: 'POST',
      key: admin,
      json: { name: 'bot', scopes: ['data:read'] },
    });
    expect(created.status).toBe(201);
    const { id, key: newKey } = await created.json();
    expect((await stack.request('/api/v1/sensors/sensors', { key: newKey })).status).toBe(200);
    expect((await stack.request(`/api/v1/admin/api-keys/${id}`, { method: 'DELETE', key: admin })).status).toBe(200);
    expect((await stack.request('/api/v1/sensors/sensors', { key: newKey })).status).toBe(401);
  });
});
