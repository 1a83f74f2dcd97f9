import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDefaultTechnicians } from '../../../db/technicians';
import { startTestStack, type TestStack } from '../../support/stack';

/**
 * The answer fields the original system's clients read (issue 16), replayed as such a client
 * would, each beside the field it has today.
 */
let stack: TestStack;
let key: string;

beforeAll(async () => {
  stack = await startTestStack();
  await seedDefaultTechnicians(stack.sql);
  key = await stack.key([
    'data:ingest',
    'data:read',
    'ml:predict',
    'ml:drift',
    'maintenance:read',
    'maintenance:schedule',
    'workflows:read',
    'admin',
  ]);
});
afterAll(() => stack.close());

const sensor = () => `compat-${randomUUID().slice(0, 8)}`;
const get = async (path: string) => {
  const res = await stack.request(`/api/v1${path}`, { key });
  return { status: res.status, body: await res.json() };
};

describe('POST /api/v1/data/ingest (original fields)', () => {
  it('answers status, event_id, sensor_id and the correlation id sent, also on a replay', async () => {
    const correlationId = randomUUID();
    const sensorId = sensor();
    const send = () =>
      stack.request('/api/v1/data/ingest', {
        method: 'POST',
        key,
        headers: { 'X-Correlation-ID': correlationId, 'Idempotency-Key': `k-${sensorId}` },
        json: { sensor_id: sensorId, value: 21.5, sensor_type: 'temperature', unit: 'C', metadata: { site: 'a' } },
      });
    const first = await send();
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toMatchObject({ status: 'success', sensor_id: sensorId, correlation_id: correlationId, event_id: body.reading.id });
    expect(body.reading.metadata).toEqual({ site: 'a' });
    const replay = await send();
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toMatchObject({ event_id: body.reading.id, sensor_id: sensorId, correlation_id: correlationId });
  });

  it('answers a new UUID as correlation_id when none is sent', async () => {
    const res = await stack.request('/api/v1/data/ingest', { method: 'POST', key, json: { sensor_id: sensor(), value: 1 } });
    const body = await res.json();
    expect(body.correlation_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(body.correlation_id).toBe(res.headers.get('x-correlation-id'));
  });
});

describe('GET /api/v1/sensors/readings (original fields)', () => {
  it('carries sensor_metadata and ingestion_timestamp beside metadata and ingested_at', async () => {
    const sensorId = sensor();
    await stack.request('/api/v1/data/ingest', { method: 'POST', key, json: { sensor_id: sensorId, value: 3, metadata: { line: 7 } } });
    const { status, body } = await get(`/sensors/readings?sensor_id=${sensorId}`);
    expect(status).toBe(200);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ metadata: { line: 7 }, sensor_metadata: { line: 7 } });
    expect(body[0].ingestion_timestamp).toBe(body[0].ingested_at);
  });
});

describe('GET /api/v1/ml/models* (original fields)', () => {
  it('lists models as { models, count }', async () => {
    const { status, body } = await get('/ml/models');
    expect(status).toBe(200);
    expect(body.count).toBe(body.models.length);
    expect(body.models.map((m: { name: string }) => m.name)).toContain('ai4i_classifier_randomforest_baseline');
  });

  it('lists versions as { model_name, versions } newest first, each with current_stage beside stage', async () => {
    const { status, body } = await get('/ml/models/ai4i_classifier_randomforest_baseline/versions');
    expect(status).toBe(200);
    expect(body.model_name).toBe('ai4i_classifier_randomforest_baseline');
    expect(body.versions.length).toBeGreaterThan(0);
    for (const v of body.versions) expect(v.current_stage).toBe(v.stage);
    const created = body.versions.map((v: { created_at: string }) => v.created_at);
    expect([...created].sort().reverse()).toEqual(created);
    expect((await get('/ml/models/nothing/versions')).status).toBe(404);
  });

  it('answers latest with model_name, resolved_version and current_stage', async () => {
    const { body } = await get('/ml/models/ai4i_classifier_gbm/latest');
    expect(body).toMatchObject({
      model_name: 'ai4i_classifier_gbm',
      resolved_version: '1.0.0',
      current_stage: 'Staging',
      version: '1.0.0',
      stage: 'Staging',
    });
  });
});

describe('POST /api/v1/ml/predict (original fields)', () => {
  it('answers model_info.model_name and model_version beside name and version', async () => {
    const res = await stack.request('/api/v1/ml/predict', {
      method: 'POST',
      key,
      json: {
        model_name: 'ai4i_classifier_randomforest_baseline',
        features: {
          Air_temperature_K: 300.1,
          Process_temperature_K: 310.2,
          Rotational_speed_rpm: 1250,
          Torque_Nm: 55,
          Tool_wear_min: 210,
          Type: 'L',
        },
      },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).model_info).toEqual({
      name: 'ai4i_classifier_randomforest_baseline',
      version: '1.0.0',
      stage: 'Production',
      model_name: 'ai4i_classifier_randomforest_baseline',
      model_version: '1.0.0',
    });
  });
});

describe('POST /api/v1/ml/check_drift (original fields)', () => {
  const drift = (body: unknown) => stack.request('/api/v1/ml/check_drift', { method: 'POST', key, json: body });

  it('answers a sensor without readings as insufficient_data with zero counts', async () => {
    const res = await drift({ sensor_id: sensor() });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'insufficient_data', drift_detected: false, recent_count: 0, baseline_count: 0 });
    expect(Date.parse(body.evaluated_at)).not.toBeNaN();
  });

  it('answers recent_count and baseline_count equal to the windows it compared', async () => {
    const sensorId = sensor();
    const end = Date.now() - 1000;
    const readings = Array.from({ length: 40 }, (_, i) => ({
      sensor_id: sensorId,
      value: 10 + (i % 5),
      timestamp: new Date(end - i * 3 * 60_000).toISOString(),
    }));
    expect((await stack.request('/api/v1/data/ingest/batch', { method: 'POST', key, json: { readings } })).status).toBe(200);
    const body = await (await drift({ sensor_id: sensorId, window_minutes: 60, min_samples: 5 })).json();
    expect(body.recent_count).toBe(body.recent.count);
    expect(body.baseline_count).toBe(body.reference.count);
    expect(body.recent_count).toBeGreaterThan(0);
    expect(body.baseline_count).toBeGreaterThan(0);
  });
});

describe('GET /api/v1/maintenance/scheduled (original fields)', () => {
  it('carries correlation_id, scheduled_start/end_time, assigned_technician_id and status, filtered by ?correlation_id=', async () => {
    const correlationId = randomUUID();
    const created = await stack.request('/api/v1/maintenance/schedule', {
      method: 'POST',
      key,
      headers: { 'X-Correlation-ID': correlationId },
      json: { sensor_id: sensor(), sensor_type: 'vibration', failure_probability: 0.9 },
    });
    expect(created.status).toBe(201);
    const order = await created.json();
    expect(order.plan).not.toBeNull();
    const { status, body } = await get(`/maintenance/scheduled?correlation_id=${correlationId}`);
    expect(status).toBe(200);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({
      id: order.id,
      correlation_id: correlationId,
      status: order.status,
      assigned_technician_id: order.plan.technician_id,
      scheduled_start_time: order.plan.window_start,
      scheduled_end_time: order.plan.window_end,
    });
    expect((await get(`/maintenance/scheduled?correlation_id=${randomUUID()}`)).body).toEqual([]);
  });

  it('takes limit 1-100: 0 and 101 are 422 naming the field', async () => {
    for (const limit of [0, 101]) {
      const res = await stack.request(`/api/v1/maintenance/scheduled?limit=${limit}`, { key });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(await res.json())).toContain('query.limit');
    }
    expect((await stack.request('/api/v1/maintenance/scheduled?limit=100', { key })).status).toBe(200);
  });
});

describe('GET /api/v1/decisions?start_date&end_date', () => {
  it('filters by UTC days, inclusive at both ends', async () => {
    const operator = `compat-${randomUUID().slice(0, 8)}`;
    const at = ['2031-03-09T23:59:59.000Z', '2031-03-10T00:00:00.000Z', '2031-03-11T23:59:59.000Z', '2031-03-12T00:00:00.000Z'];
    // The audit table is append-only, so the instants are written as the rows are inserted.
    for (const ts of at) {
      await stack.sql`
        insert into human_decisions (request_id, decision, operator_id, justification, source, dedup_key, created_at)
        values (${`r-${randomUUID()}`}, 'approved', ${operator}, ${ts}, 'api', ${randomUUID()}, ${ts})`;
    }
    const { status, body } = await get(`/decisions?operator_id=${operator}&start_date=2031-03-10&end_date=2031-03-11`);
    expect(status).toBe(200);
    expect(body.map((d: { justification: string }) => d.justification).sort()).toEqual([at[1], at[2]]);
    for (const bad of ['start_date=2031-3-10', 'start_date=2031-02-30', 'start_date=2031-03-12&end_date=2031-03-11']) {
      const res = await stack.request(`/api/v1/decisions?${bad}`, { key });
      expect(res.status, bad).toBe(422);
      expect(JSON.stringify(await res.json())).toContain('query.start_date');
    }
  });
});

describe('GET /api/v1/metrics (original series)', () => {
  it('exposes http_requests_total{method,route,status} and a duration histogram beside the sm_ series', async () => {
    await get('/ml/models');
    const text = await (await stack.request('/api/v1/metrics', { key })).text();
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/api\/v1\/ml\/models",status="200"\} \d+/m);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{.*method="GET"/m);
    expect(text).toMatch(/^sm_http_requests_total\{method="GET",route="\/api\/v1\/ml\/models",status="200"\} \d+/m);
  });
});
