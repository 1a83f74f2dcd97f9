import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDefaultTechnicians } from '../../db/technicians';
import { generateScenario, seedFrom } from '../../domain/scenarios';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let key: string;

beforeAll(async () => {
  stack = await startTestStack();
  await seedDefaultTechnicians(stack.sql);
  key = await stack.key(['data:ingest', 'data:read', 'decisions:write', 'workflows:write', 'workflows:read', 'ml:anomaly']);
  await stack.startWorker();
});
afterAll(() => stack.close());

const MIN = 60_000;

async function json(path: string, init: Parameters<TestStack['request']>[1] = {}) {
  const res = await stack.request(path, { key, ...init });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
  };
}

async function until<T>(get: () => Promise<T>, done: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `count` healthy readings of a sensor, one a minute, ending `endMs`. */
function healthy(sensorId: string, count: number, endMs: number, seedKey = `alarms:${sensorId}`) {
  return generateScenario('normal', { count, seed: seedFrom(seedKey) }).map((r, i) => ({
    sensor_id: sensorId,
    sensor_type: 'torque',
    value: r.value,
    unit: 'Nm',
    quality: 0.99,
    timestamp: new Date(endMs - (count - i) * MIN).toISOString(),
  }));
}

/** A sensor with its learned history (the detector learns its first 200 readings). */
async function learnedSensor(endMs = Date.now()) {
  const sensorId = `alarm-${randomUUID().slice(0, 8)}`;
  const res = await json('/api/v1/data/ingest/batch', { method: 'POST', json: { readings: healthy(sensorId, 320, endMs) } });
  expect(res.status).toBe(200);
  return sensorId;
}

async function spike(sensorId: string, value = 95) {
  const res = await json('/api/v1/data/ingest', {
    method: 'POST',
    json: { sensor_id: sensorId, sensor_type: 'torque', value, unit: 'Nm', quality: 0.99, timestamp: new Date().toISOString() },
  });
  expect(res.status).toBe(200);
}

const openAlarm = (sensorId: string) =>
  until(
    () => json(`/api/v1/alarms?sensor_id=${sensorId}`),
    (r) => r.body.length === 1 && r.body[0].workflow_id !== null,
    `an open alarm with its lifecycle on ${sensorId}`,
  ).then((r) => r.body[0]);

describe('alarms from an anomalous reading ingested over the API', () => {
  it('raises one open alarm, which is acknowledged and resolved through its lifecycle; bad steps are 409, bad bodies 422', async () => {
    const sensorId = await learnedSensor();
    expect((await json(`/api/v1/alarms?sensor_id=${sensorId}`)).body).toEqual([]);
    await spike(sensorId);
    const alarm = await openAlarm(sensorId);
    expect(alarm).toMatchObject({ state: 'open', source: 'streaming', historical: false, peak_value: 95, readings: 1 });
    expect(['high', 'critical']).toContain(alarm.severity);

    const badAck = await json(`/api/v1/alarms/${alarm.id}/acknowledge`, { method: 'POST', json: { note: 'x', colour: 'red' } });
    expect(badAck.status).toBe(422);
    const ack = await json(`/api/v1/alarms/${alarm.id}/acknowledge`, { method: 'POST', json: { note: 'checking the press' } });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ state: 'acknowledged', assigned_to: expect.stringContaining('test-') });
    const twice = await json(`/api/v1/alarms/${alarm.id}/acknowledge`, { method: 'POST', json: {} });
    expect(twice.status).toBe(409);
    expect(twice.type).toContain('application/problem+json');

    expect((await json(`/api/v1/alarms/${alarm.id}/resolve`, { method: 'POST', json: { cause: '' } })).status).toBe(422);
    const resolved = await json(`/api/v1/alarms/${alarm.id}/resolve`, { method: 'POST', json: { cause: 'tool changed' } });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ state: 'resolved', resolution_cause: 'tool changed' });
    expect((await json(`/api/v1/alarms/${alarm.id}/resolve`, { method: 'POST', json: { cause: 'again' } })).status).toBe(409);

    const detail = await json(`/api/v1/alarms/${alarm.id}`);
    expect(detail.body.timeline.map((e: { type: string }) => e.type)).toEqual(['raised', 'lifecycle_started', 'acknowledged', 'resolved']);
    expect(detail.body.readings.length).toBeGreaterThan(20);
    expect(detail.body.readings.some((r: { value: number }) => r.value === 95)).toBe(true);
    expect((await json(`/api/v1/alarms/${randomUUID()}`)).status).toBe(404);
    expect((await json('/api/v1/alarms/not-a-uuid')).status).toBe(422);
  });

  it('converts an alarm into a maintenance order through prediction-to-maintenance', async () => {
    const sensorId = await learnedSensor();
    await spike(sensorId, 120);
    const alarm = await openAlarm(sensorId);
    const converted = await json(`/api/v1/alarms/${alarm.id}/convert`, {
      method: 'POST',
      json: { justification: 'spindle overload, inspect' },
    });
    expect(converted.status).toBe(200);
    expect(converted.body.state).toBe('resolved');
    expect(converted.body.maintenance_workflow_id).toMatch(new RegExp(`^maintenance-${sensorId}-`));
    const flow = await until(
      () => json(`/api/v1/workflows/${converted.body.maintenance_workflow_id}`),
      (r) => r.status === 200 && r.body.progress?.prediction !== null && r.body.progress?.prediction !== undefined,
      'the maintenance flow predicting',
    );
    expect(flow.body.type ?? flow.body.workflow_type).toBe('predictionToMaintenance');
    expect((await json(`/api/v1/alarms/${alarm.id}/convert`, { method: 'POST', json: { justification: 'twice' } })).status).toBe(409);
  });

  it('lists with filters, paging and CSV', async () => {
    const all = await json('/api/v1/alarms?limit=1');
    expect(all.status).toBe(200);
    expect(all.body).toHaveLength(1);
    const resolved = await json('/api/v1/alarms?state=resolved&severity=high,critical');
    expect(resolved.body.every((a: { state: string }) => a.state === 'resolved')).toBe(true);
    expect((await json('/api/v1/alarms?state=closed')).status).toBe(422);
    const csv = await json('/api/v1/alarms?format=csv');
    expect(csv.type).toContain('text/csv');
    expect(String(csv.body).split('\r\n')[0]).toMatch(/^id,sensor_id,source,kind,severity,state,start_ts,end_ts/);
    const report = await json('/api/v1/alarms/report?operators=2');
    expect(report.body).toMatchObject({ period: { operators: 2 }, alarms: expect.any(Number), peak_10_minutes: expect.any(Number) });
    expect(report.body.alarms).toBeGreaterThanOrEqual(2);
    expect(report.body.time_to_acknowledge_seconds.acknowledged).toBeGreaterThanOrEqual(1);
    const reportCsv = await json('/api/v1/alarms/report?format=csv');
    expect(String(reportCsv.body)).toMatch(/^metric,value\r\n/);
    const pdf = await stack.request('/api/v1/alarms/report?format=pdf&lang=pt-BR', { key });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    expect((await json('/api/v1/alarms/report?format=pdf&tz=Mars/Olympus')).status).toBe(422);
    expect((await json('/api/v1/alarms/report?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z')).status).toBe(422);
    // The live list: the stream's first event is the summary, sent at once.
    const abort = new AbortController();
    const stream = await stack.request('/api/v1/alarms/stream', { key, signal: abort.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let first = '';
    while (!first.includes('\n\n')) first += (await reader.read()).value ?? '';
    expect(first).toMatch(/event: alarms\ndata: \{"open":\d+/);
    abort.abort();
    const summary = await json('/api/v1/alarms/summary');
    expect(summary.body).toMatchObject({ open: expect.any(Number), acknowledged: expect.any(Number) });
  });
});

describe('the alarm report per site', () => {
  it('puts an alarm under the site of the asset its sensor was on when it started, and reports one site on request', async () => {
    const sensorId = await learnedSensor();
    const site = `site-${randomUUID().slice(0, 8)}`;
    const admin = await stack.key(['admin']);
    const asset = `press-${randomUUID().slice(0, 8)}`;
    const siteCreated = await stack.request('/api/v1/sites', { method: 'POST', key: admin, json: { id: site, name: site } });
    expect(siteCreated.status).toBe(201);
    const created = await stack.request('/api/v1/assets', {
      method: 'POST',
      key: admin,
      json: { id: asset, name: 'Press', type_id: 'milling_machine', site, criticality: 3 },
    });
    expect(created.status).toBe(201);
    const attached = await stack.request(`/api/v1/assets/${asset}/sensors`, {
      method: 'POST',
      key: admin,
      json: { sensor_id: sensorId, role: 'torque', from: new Date(Date.now() - 3 * 86_400_000).toISOString() },
    });
    expect(attached.status).toBe(201);
    await spike(sensorId, 101);
    await openAlarm(sensorId);

    const all = await json('/api/v1/alarms/report');
    expect(all.body.by_site).toContainEqual(expect.objectContaining({ site, alarms: 1 }));
    const one = await json(`/api/v1/alarms/report?site=${site}`);
    expect(one.body).toMatchObject({ alarms: 1, top_contributors: [{ sensor_id: sensorId, alarms: 1 }] });
    expect(one.body.by_site.map((s: { site: string }) => s.site)).toEqual([site]);
    const csv = await json(`/api/v1/alarms/report?site=${site}&format=csv`);
    expect(String(csv.body)).toContain(`site.${site}.alarms,1`);
  });
});

describe('alarm metrics', () => {
  it('exposes raised and acknowledged totals, open alarms by severity and the time to acknowledge, read from the tables', async () => {
    const sensorId = await learnedSensor();
    await spike(sensorId, 101);
    const alarm = await openAlarm(sensorId);
    const admin = await stack.key(['admin']);
    const scrape = async () => (await stack.request('/api/v1/metrics', { key: admin })).text();
    const value = (text: string, series: string) => Number(new RegExp(`^${series} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    const before = await scrape();
    expect(value(before, 'sm_alarms_raised_total')).toBeGreaterThanOrEqual(1);
    expect(before).toMatch(/^sm_alarms_open\{severity="(high|critical)",state="open"\} [1-9]/m);
    expect((await json(`/api/v1/alarms/${alarm.id}/acknowledge`, { method: 'POST', json: {} })).status).toBe(200);
    const after = await scrape();
    expect(value(after, 'sm_alarms_acknowledged_total')).toBe(value(before, 'sm_alarms_acknowledged_total') + 1);
    expect(value(after, 'sm_alarm_time_to_acknowledge_seconds_count')).toBeGreaterThanOrEqual(1);
  });
});

describe('backfilled readings', () => {
  it('are scored in timestamp order and raise their alarms already resolved and historical, paging nobody', async () => {
    const sensorId = `backfill-${randomUUID().slice(0, 8)}`;
    const end = Date.now() - 7 * 24 * 3600_000;
    // One fixed series (not one per sensor id), so what the detector makes of it is the same every run.
    const readings = healthy(sensorId, 400, end, 'alarms:backfill');
    readings[350]!.value = 140;
    // Shuffled: the scorer must put them back in time order.
    const shuffled = [...readings].sort((a, b) => seedFrom(a.timestamp) - seedFrom(b.timestamp));
    expect((await json('/api/v1/data/ingest/batch', { method: 'POST', json: { readings: shuffled } })).status).toBe(200);
    const listed = await until(
      () => json(`/api/v1/alarms?sensor_id=${sensorId}`),
      (r) => r.body.length >= 1,
      'the backfilled alarm',
    );
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toMatchObject({
      state: 'resolved',
      historical: true,
      start_ts: readings[350]!.timestamp,
      workflow_id: null,
    });
    // The stretch ends at the spike or, when the reading after it still scores high (the series is
    // random per sensor id), at that next reading: either way on the readings' own clock.
    expect([readings[350]!.timestamp, readings[351]!.timestamp]).toContain(listed.body[0].end_ts);
    const notes = await stack.sql`select count(*)::int as n from notifications where body::text like ${'%' + listed.body[0].id + '%'}`;
    expect(notes[0]!.n).toBe(0);
  });
});

describe('POST /api/v1/ml/detect_anomaly with sensor_readings', () => {
  it("judges a learned sensor with its streaming detector (its alarms' verdicts), storing nothing, and a new sensor by the baseline", async () => {
    // Its history ends an hour ago; the readings to judge follow it, up to now.
    const now = Date.now();
    const known = await learnedSensor(now - 60 * MIN);
    const fresh = `fresh-${randomUUID().slice(0, 8)}`;
    const series = (sensorId: string) => healthy(sensorId, 30, now).map((r, i) => (i === 20 ? { ...r, value: 140 } : r));
    const body = { sensor_readings: [...series(known), ...series(fresh)] };
    // The batch ingest is scored off the request: wait until the detector has learned the sensor.
    const res = await until(
      () => json('/api/v1/ml/detect_anomaly', { method: 'POST', json: body }),
      (r) =>
        r.status === 200 &&
        r.body.anomalies_detected.some((a: { sensor_id: string; method: string }) => a.sensor_id === known && a.method === 'streaming'),
      'a streaming verdict on the learned sensor',
    );
    const spikeOf = (sensorId: string) =>
      res.body.anomalies_detected.find((a: { sensor_id: string; value: number }) => a.sensor_id === sensorId && a.value === 140);
    expect(spikeOf(known)).toMatchObject({ method: 'streaming', index: 20 });
    expect(spikeOf(fresh)).toMatchObject({ index: 50 });
    expect(spikeOf(fresh).method).not.toBe('streaming');
    expect(res.body.sensors_analyzed).toBe(2);
    // A what-if: the learned sensor raised no alarm and stored no reading from it.
    expect((await json(`/api/v1/alarms?sensor_id=${known}`)).body).toEqual([]);
    const [row] = await stack.sql<
      { n: number }[]
    >`select count(*)::int as n from sensor_readings where sensor_id = ${known} and value = 140`;
    expect(row!.n).toBe(0);
  });
});

describe('PATCH /api/v1/sensors/{id}/sensitivity', () => {
  it('stores the sensitivity of a known sensor, 422 outside 0-1, 404 for an unknown sensor', async () => {
    const sensorId = await learnedSensor();
    const ok = await json(`/api/v1/sensors/${sensorId}/sensitivity`, { method: 'PATCH', json: { sensitivity: 0.8 } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ sensor_id: sensorId, sensitivity: 0.8 });
    const [row] = await stack.sql`select sensitivity from sensor_detector_state where sensor_id = ${sensorId}`;
    expect(row!.sensitivity).toBeCloseTo(0.8);
    expect((await json(`/api/v1/sensors/${sensorId}/sensitivity`, { method: 'PATCH', json: { sensitivity: 1.5 } })).status).toBe(422);
    expect(
      (await json(`/api/v1/sensors/nope-${randomUUID().slice(0, 6)}/sensitivity`, { method: 'PATCH', json: { sensitivity: 0.2 } })).status,
    ).toBe(404);
  });
});
