import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let key: string;

beforeAll(async () => {
  stack = await startTestStack();
  key = await stack.key(['data:ingest', 'workflows:read']);
});
afterAll(() => stack.close());

async function overview() {
  const res = await stack.request('/api/v1/overview', { key });
  expect(res.status).toBe(200);
  return res.json();
}

async function ingest(sensorId: string, at: Date[]) {
  const readings = at.map((ts, i) => ({
    sensor_id: sensorId,
    sensor_type: 'temperature',
    value: 20 + i,
    unit: '°C',
    timestamp: ts.toISOString(),
  }));
  const res = await stack.request('/api/v1/data/ingest/batch', { method: 'POST', key, json: { readings } });
  expect(res.status).toBeLessThan(300);
}

describe('GET /overview', () => {
  it('counts sensors by health and readings in the database', async () => {
    const before = await overview();
    const tag = randomUUID().slice(0, 8);
    const now = Date.now();
    const recent = [new Date(now - 120_000), new Date(now - 60_000)];
    await ingest(`ov-healthy-${tag}`, recent);
    await ingest(`ov-anomalous-${tag}`, recent);
    await ingest(`ov-silent-${tag}`, [new Date('2025-01-06T08:00:00Z')]);
    await stack.sql`
      insert into anomalies (sensor_id, ts, value, score, method, reason, credible)
      values (${`ov-anomalous-${tag}`}, ${recent[1]!}, 99, 5, 'zscore', 'spike', true)`;

    const after = await overview();
    expect(after.sensors.total - before.sensors.total).toBe(3);
    expect(after.sensors.healthy - before.sensors.healthy).toBe(1);
    expect(after.sensors.anomalous - before.sensors.anomalous).toBe(1);
    expect(after.sensors.silent - before.sensors.silent).toBe(1);
    expect(after.readings.total - before.readings.total).toBe(5);
    expect(after.readings.last_24h - before.readings.last_24h).toBe(4);
    expect(after.generated_at).toMatch(/Z$/);
  });

  it('needs a key that may read workflows', async () => {
    const other = await stack.key(['data:read']);
    expect((await stack.request('/api/v1/overview', { key: other })).status).toBe(403);
  });
});
