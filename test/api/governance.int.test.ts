import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readingSeries } from '../../db/readingSeries';
import { rollUpReadingsBatch } from '../../db/readingRollup';
import { purgeExpiredBatch } from '../../db/retentionPurge';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue 18's data governance through the API: retention policies (validated, audited), legal
 * holds that keep a record's readings window out of the roll-up and out of the aggregate purge,
 * retention counted from ingestion, and the Explorer series reading the aggregates where the raw
 * readings were rolled up. Readings are "aged" by moving their ingested_at into 2020; the roll-up
 * is then asked for what was stored before 2021, which no other test's rows are.
 */

let stack: TestStack;
let steward: string;
let stewardName: string;
let reader: string;

const LONG_AGO = new Date('2021-01-01T00:00:00Z');
const MIN = 60_000;

beforeAll(async () => {
  stack = await startTestStack();
  // Policies persist in the test database between runs; this file owns the table.
  await stack.sql`delete from retention_policies`;
  steward = await stack.key(['governance:write', 'data:read', 'data:ingest']);
  [{ name: stewardName }] = await stack.sql<{ name: string }[]>`select name from api_keys order by created_at desc limit 1`;
  reader = await stack.key(['data:read']);
});
afterAll(async () => {
  await stack.sql`delete from retention_policies`;
  await stack.close();
});

async function call(path: string, init: Parameters<TestStack['request']>[1] = {}) {
  const res = await stack.request(path, { key: steward, ...init });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : null };
}

/** Ingests one reading a minute from `start` through the API (so sensors.reading_count is kept by ingestion). */
async function ingestMinutes(sensorId: string, start: Date, count: number, value = (i: number) => 20 + (i % 7)): Promise<void> {
  const readings = Array.from({ length: count }, (_, i) => ({
    sensor_id: sensorId,
    sensor_type: 'temperature',
    unit: '°C',
    value: value(i),
    timestamp: new Date(start.getTime() + i * MIN).toISOString(),
  }));
  for (let i = 0; i < readings.length; i += 500) {
    const res = await call('/api/v1/data/ingest/batch', { method: 'POST', json: { readings: readings.slice(i, i + 500) } });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  }
}

const ageIngestion = (sensorId: string, until?: Date) =>
  stack.sql`update sensor_readings set ingested_at = '2020-01-01' where sensor_id = ${sensorId} and (${until ?? null}::timestamptz is null or ts < ${until ?? null})`;

async function rollUpEverythingBefore(before: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const { rolledUp } = await rollUpReadingsBatch(stack.sql, { before, limit: 100 });
    total += rolledUp;
    if (rolledUp < 100) return total;
  }
}

const rawCount = async (sensorId: string) =>
  (await stack.sql<{ n: number }[]>`select count(*)::int as n from sensor_readings where sensor_id = ${sensorId}`)[0]!.n;
const aggregatedCount = async (sensorId: string, width: 'minute' | 'hour') =>
  (
    await stack.sql<{ n: number }[]>`
      select coalesce(sum(reading_count), 0)::int as n from reading_aggregates where sensor_id = ${sensorId} and bucket_width = ${width}`
  )[0]!.n;
const readingCount = async (sensorId: string) =>
  Number((await stack.sql<{ n: bigint }[]>`select reading_count as n from sensors where id = ${sensorId}`)[0]!.n);

async function insertAlarm(sensorId: string, start: Date, end: Date): Promise<string> {
  const id = randomUUID();
  await stack.sql`
    insert into alarms (id, sensor_id, source, kind, severity, state, start_ts, end_ts, last_anomalous_ts, peak_score, dedup_key)
    values (${id}, ${sensorId}, 'streaming', 'anomaly', 'high', 'resolved', ${start}, ${end}, ${end}, 0.9, ${`gov:${id}`})`;
  return id;
}

describe('GET/PUT /api/v1/governance/retention', () => {
  it('lists every data class with its configured default until someone sets it', async () => {
    const res = await call('/api/v1/governance/retention', { key: reader });
    expect(res.status).toBe(200);
    expect(res.body.map((p: { data_class: string }) => p.data_class)).toEqual([
      'raw_readings',
      'minute_aggregates',
      'hour_aggregates',
      'events',
      'predictions',
      'notifications',
      'reports',
    ]);
    expect(res.body[0]).toEqual({
      data_class: 'raw_readings',
      retain_days: stack.config.RAW_READINGS_RETENTION_DAYS,
      source: 'default',
      updated_at: null,
      updated_by: null,
    });
    expect(res.body[2].retain_days).toBe(stack.config.HOUR_AGGREGATES_RETENTION_DAYS);
  });

  it('refuses a key without governance:write, out-of-range days, unknown classes and contradicting policies', async () => {
    const put = (json: unknown, key = steward) => call('/api/v1/governance/retention', { method: 'PUT', key, json });
    expect((await put({ raw_readings: 10 }, reader)).status).toBe(403);
    for (const bad of [{ raw_readings: 0 }, { raw_readings: 1.5 }, { raw_readings: 36_501 }, { logs: 3 }, { events: '7' }]) {
      const res = await put(bad);
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect(res.type).toContain('application/problem+json');
    }
    const shorter = await put({ minute_aggregates: stack.config.RAW_READINGS_RETENTION_DAYS - 1 });
    expect(shorter.status).toBe(422);
    expect(shorter.type).toContain('application/problem+json');
    expect(JSON.stringify(shorter.body)).toContain('body.minute_aggregates');
    const [{ n }] = await stack.sql<{ n: number }[]>`select count(*)::int as n from retention_policies`;
    expect(n).toBe(0);
  });

  it('sets the given classes, keeps the others, and audits each change with who, old and new', async () => {
    const since = new Date();
    const res = await call('/api/v1/governance/retention', { method: 'PUT', json: { raw_readings: 14, events: 100 } });
    expect(res.status).toBe(200);
    const byClass = Object.fromEntries(res.body.map((p: { data_class: string }) => [p.data_class, p]));
    expect(byClass.raw_readings).toMatchObject({ retain_days: 14, source: 'set', updated_by: { kind: 'api_key', key_name: stewardName } });
    expect(byClass.events).toMatchObject({ retain_days: 100, source: 'set' });
    expect(byClass.reports).toMatchObject({ retain_days: stack.config.REPORTS_RETENTION_DAYS, source: 'default' });
    // The same values again change nothing, so they leave no audit row.
    expect((await call('/api/v1/governance/retention', { method: 'PUT', json: { raw_readings: 14 } })).status).toBe(200);

    const audit = await call('/api/v1/governance/audit?limit=50');
    expect(audit.status).toBe(200);
    const mine = audit.body.filter((e: { created_at: string }) => new Date(e.created_at) >= new Date(since.getTime() - 1000));
    expect(mine.map((e: { subject: string; old_value: unknown; new_value: unknown }) => [e.subject, e.old_value, e.new_value])).toEqual([
      ['events', { retain_days: stack.config.EVENTS_RETENTION_DAYS }, { retain_days: 100 }],
      ['raw_readings', { retain_days: stack.config.RAW_READINGS_RETENTION_DAYS }, { retain_days: 14 }],
    ]);
    expect(mine[0]).toMatchObject({ action: 'policy_changed', by: { kind: 'api_key', key_name: stewardName } });
    expect((await call('/api/v1/governance/audit', { key: reader })).status).toBe(403);
  });
});

describe('legal holds and the roll-up', () => {
  const start = new Date('2025-03-03T00:00:00Z');

  it('keeps a held alarm window raw through a roll-up, rolls up the rest, and rolls it up once released', async () => {
    const sensorId = `gov-hold-${randomUUID().slice(0, 8)}`;
    await ingestMinutes(sensorId, start, 180);
    await ageIngestion(sensorId);
    const alarmId = await insertAlarm(sensorId, new Date(start.getTime() + 30 * MIN), new Date(start.getTime() + 60 * MIN));

    const held = await call('/api/v1/governance/holds', {
      method: 'POST',
      json: { subject_kind: 'alarm', subject_id: alarmId, reason: 'warranty claim 4471', margin_hours: 0 },
    });
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({
      subject_kind: 'alarm',
      subject_id: alarmId,
      sensor_ids: [sensorId],
      window_from: new Date(start.getTime() + 30 * MIN).toISOString(),
      window_to: new Date(start.getTime() + 60 * MIN).toISOString(),
      placed_by: { key_name: stewardName },
      released_at: null,
    });
    const again = await call('/api/v1/governance/holds', {
      method: 'POST',
      json: { subject_kind: 'alarm', subject_id: alarmId, reason: 'twice' },
    });
    expect(again.status).toBe(409);

    await rollUpEverythingBefore(LONG_AGO);
    // Minutes 30 to 60 inclusive stay raw; the other 149 readings exist only as aggregates.
    expect(await rawCount(sensorId)).toBe(31);
    expect(await aggregatedCount(sensorId, 'minute')).toBe(149);
    expect(await aggregatedCount(sensorId, 'hour')).toBe(149);
    const [{ first, last }] = await stack.sql<{ first: Date; last: Date }[]>`
      select min(ts) as first, max(ts) as last from sensor_readings where sensor_id = ${sensorId}`;
    expect([first!.getTime(), last!.getTime()]).toEqual([start.getTime() + 30 * MIN, start.getTime() + 60 * MIN]);
    // reading_count means readings ever received: a roll-up moves readings, it does not lose them.
    expect(await readingCount(sensorId)).toBe(180);

    const released = await call(`/api/v1/governance/holds/${held.body.id}`, { method: 'DELETE' });
    expect(released.status).toBe(200);
    expect(released.body.released_by).toMatchObject({ key_name: stewardName });
    expect((await call(`/api/v1/governance/holds/${held.body.id}`, { method: 'DELETE' })).status).toBe(404);

    await rollUpEverythingBefore(LONG_AGO);
    expect(await rawCount(sensorId)).toBe(0);
    expect(await aggregatedCount(sensorId, 'minute')).toBe(180);
    expect(await aggregatedCount(sensorId, 'hour')).toBe(180);
    expect(await readingCount(sensorId)).toBe(180);

    const audit = await call('/api/v1/governance/audit?limit=20');
    const forAlarm = audit.body.filter((e: { subject: string }) => e.subject === `alarm:${alarmId}`);
    expect(forAlarm.map((e: { action: string }) => e.action)).toEqual(['hold_released', 'hold_placed']);
    expect(forAlarm[1].new_value).toMatchObject({ reason: 'warranty claim 4471', sensor_ids: [sensorId] });
  });

  it('keeps the aggregates of a held window when their policy deletes the others', async () => {
    const sensorId = `gov-agg-${randomUUID().slice(0, 8)}`;
    await ingestMinutes(sensorId, start, 180);
    await ageIngestion(sensorId);
    await rollUpEverythingBefore(LONG_AGO);
    await stack.sql`update reading_aggregates set stored_at = '2020-01-01' where sensor_id = ${sensorId}`;
    const alarmId = await insertAlarm(sensorId, new Date(start.getTime() + 70 * MIN), new Date(start.getTime() + 75 * MIN));
    const held = await call('/api/v1/governance/holds', {
      method: 'POST',
      json: { subject_kind: 'alarm', subject_id: alarmId, reason: 'incident review', margin_hours: 0 },
    });
    expect(held.status).toBe(201);
    while ((await purgeExpiredBatch('minute_aggregates', LONG_AGO, 50, stack.sql)) === 50);
    while ((await purgeExpiredBatch('hour_aggregates', LONG_AGO, 50, stack.sql)) === 50);
    const kept = await stack.sql<{ bucket_width: string; bucket_start: Date }[]>`
      select bucket_width, bucket_start from reading_aggregates where sensor_id = ${sensorId} order by bucket_width, bucket_start`;
    expect(kept.filter((k) => k.bucket_width === 'minute')).toHaveLength(6);
    expect(kept.filter((k) => k.bucket_width === 'hour').map((k) => k.bucket_start.getTime())).toEqual([start.getTime() + 60 * MIN]);
    await call(`/api/v1/governance/holds/${held.body.id}`, { method: 'DELETE' });
  });

  it("holds an order's sensor over its prediction's input window, and a decision's through its order", async () => {
    const sensorId = `gov-order-${randomUUID().slice(0, 8)}`;
    const [{ id: predictionId }] = await stack.sql<{ id: string }[]>`
      insert into predictions (model, version, sensor_id, features, probability, prediction, input_from, input_to)
      values ('failure_classifier', '1', ${sensorId}, '{}', 0.9, 1, '2025-05-01T08:00:00Z', '2025-05-01T09:00:00Z') returning id`;
    const [{ id: orderId }] = await stack.sql<{ id: string }[]>`
      insert into maintenance_orders (sensor_id, prediction_id, status, priority, required_skill, duration_minutes)
      values (${sensorId}, ${predictionId}, 'approved', 'high', 'vibration', 60) returning id`;
    const [{ id: decisionId }] = await stack.sql<{ id: string }[]>`
      insert into human_decisions (request_id, decision, operator_id, justification, order_id)
      values (${`req-${orderId}`}, 'approved', 'eva', 'bearing noise', ${orderId}) returning id`;

    const order = await call('/api/v1/governance/holds', {
      method: 'POST',
      json: { subject_kind: 'order', subject_id: orderId, reason: 'insurance', margin_hours: 2 },
    });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({
      sensor_ids: [sensorId],
      window_from: '2025-05-01T06:00:00.000Z',
      window_to: '2025-05-01T11:00:00.000Z',
    });
    const decision = await call('/api/v1/governance/holds', {
      method: 'POST',
      json: { subject_kind: 'decision', subject_id: decisionId, reason: 'dispute' },
    });
    expect(decision.status).toBe(201);
    const margin = stack.config.LEGAL_HOLD_MARGIN_HOURS * 3_600_000;
    expect(decision.body).toMatchObject({
      subject_kind: 'decision',
      sensor_ids: [sensorId],
      window_from: new Date(Date.parse('2025-05-01T08:00:00Z') - margin).toISOString(),
      window_to: new Date(Date.parse('2025-05-01T09:00:00Z') + margin).toISOString(),
    });
    const listed = await call('/api/v1/governance/holds', { key: reader });
    expect(listed.body.map((h: { subject_id: string }) => h.subject_id)).toEqual(expect.arrayContaining([orderId, decisionId]));
    for (const id of [order.body.id, decision.body.id]) await call(`/api/v1/governance/holds/${id}`, { method: 'DELETE' });
  });

  it('answers 404 for a record that does not exist and 422 for a malformed one', async () => {
    const missing = await call('/api/v1/governance/holds', {
      method: 'POST',
      json: { subject_kind: 'decision', subject_id: randomUUID(), reason: 'audit request' },
    });
    expect(missing.status).toBe(404);
    expect(missing.type).toContain('application/problem+json');
    const bad = await call('/api/v1/governance/holds', { method: 'POST', json: { subject_kind: 'sensor', subject_id: 'x', reason: 'r' } });
    expect(bad.status).toBe(422);
  });
});

describe('retention counts from ingestion', () => {
  it('leaves an upload of last year’s readings raw while their age since ingestion is under the policy', async () => {
    const sensorId = `gov-backfill-${randomUUID().slice(0, 8)}`;
    const lastYear = new Date(Date.now() - 365 * 86_400_000);
    await ingestMinutes(sensorId, lastYear, 120);
    // The cutoff the hourly run would use with a 30-day raw policy.
    await rollUpEverythingBefore(new Date(Date.now() - 30 * 86_400_000));
    expect(await rawCount(sensorId)).toBe(120);
    expect(await aggregatedCount(sensorId, 'hour')).toBe(0);
  });
});

describe('GET /api/v1/sensors/{id}/series over rolled-up readings', () => {
  it('merges the aggregates with the raw readings, then falls back to hourly buckets once the minute ones are purged', async () => {
    const sensorId = `gov-series-${randomUUID().slice(0, 8)}`;
    const start = new Date('2025-04-07T00:00:00Z');
    const value = (i: number) => (i % 60) + Math.floor(i / 60) * 100;
    await ingestMinutes(sensorId, start, 600, value);
    // The first six hours rolled up, the last four still raw.
    await ageIngestion(sensorId, new Date(start.getTime() + 360 * MIN));
    await rollUpEverythingBefore(LONG_AGO);
    expect(await rawCount(sensorId)).toBe(240);

    const from = start.toISOString();
    const to = new Date(start.getTime() + 600 * MIN - 1).toISOString();
    const series = (await call(`/api/v1/sensors/${sensorId}/series?from=${from}&to=${to}&max_points=2000`)).body;
    expect(series).toMatchObject({ total: 600, aggregated: 360, bucket_seconds: 60 });
    expect(series.points).toHaveLength(600);
    expect(series.points.map((p: { value: number }) => p.value)).toEqual(Array.from({ length: 600 }, (_, i) => value(i)));

    await stack.sql`update reading_aggregates set stored_at = '2020-01-01' where sensor_id = ${sensorId} and bucket_width = 'minute'`;
    while ((await purgeExpiredBatch('minute_aggregates', LONG_AGO, 100, stack.sql)) === 100);
    const hourly = await readingSeries({ sensorId, from: new Date(from), to: new Date(to), maxPoints: 2000 }, stack.sql);
    expect(hourly.total).toBe(600);
    expect(hourly.aggregated).toBe(360);
    // Six hour buckets (each the mean of its hour: 29.5 + 100 h), then the 240 raw minutes.
    const rolled = hourly.points.filter((p) => p.count === 60);
    expect(rolled.map((p) => p.value)).toEqual([0, 1, 2, 3, 4, 5].map((h) => 29.5 + 100 * h));
    expect(hourly.points.filter((p) => p.count === 1)).toHaveLength(240);
    expect(hourly.points.reduce((n, p) => n + p.count, 0)).toBe(600);
  });
});
