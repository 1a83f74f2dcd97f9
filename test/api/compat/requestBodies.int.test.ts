import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDefaultTechnicians } from '../../../db/technicians';
import { startTestStack, type TestStack } from '../../support/stack';

/** The request bodies the original system's clients send (issue 16), each with its meaning. */
let stack: TestStack;
let key: string;

beforeAll(async () => {
  stack = await startTestStack();
  await seedDefaultTechnicians(stack.sql);
  key = await stack.key(['data:ingest', 'data:read', 'ml:anomaly', 'maintenance:schedule', 'maintenance:read', 'reports:generate']);
});
afterAll(() => stack.close());

const post = async (path: string, json: unknown, headers: Record<string, string> = {}) => {
  const res = await stack.request(`/api/v1${path}`, { method: 'POST', key, json, headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.json() };
};
const sensor = () => `compat-${randomUUID().slice(0, 8)}`;

/** The original's reading shape: every field it sends. */
function series(sensorId: string, n: number, spikeAt: number | null, base: number) {
  const start = Date.now() - n * 60_000;
  return Array.from({ length: n }, (_, i) => ({
    sensor_id: sensorId,
    sensor_type: 'temperature',
    value: i === spikeAt ? base * 3 : base + Math.sin(i * 1.3) * 1.2,
    unit: 'C',
    timestamp: new Date(start + i * 60_000).toISOString(),
    quality: 0.98,
    metadata: { line: 'A' },
  }));
}

describe('POST /api/v1/ml/detect_anomaly with sensor_readings', () => {
  it('scores each sensor in its own series and answers anomalies_detected with sensor_id, score and method', async () => {
    const hot = sensor();
    const calm = sensor();
    const readings = [...series(calm, 60, null, 20), ...series(hot, 60, 45, 40)];
    const { status, body } = await post('/ml/detect_anomaly', { sensor_readings: readings, sensitivity: 0.7 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ total_readings_analyzed: 120, sensors_analyzed: 2, threshold: 0.3, sensitivity: 0.7 });
    expect(body.anomaly_count).toBe(body.anomalies_detected.length);
    expect(Date.parse(body.analysis_timestamp)).not.toBeNaN();
    expect('model_info' in body).toBe(true);
    const spike = body.anomalies_detected.find((a: { index: number }) => a.index === 105);
    expect(spike).toMatchObject({ sensor_id: hot, value: 120, unit: 'C', sensor_type: 'temperature', timestamp: readings[105]!.timestamp });
    expect(spike.score).toBeGreaterThanOrEqual(0.3);
    expect(['combined', 'isolation_forest', 'robust_zscore']).toContain(spike.method);
  });

  it('flags more with a higher sensitivity: it moves the threshold', async () => {
    const readings = series(sensor(), 80, 70, 30).map((r, i) => (i === 50 ? { ...r, value: 36 } : r));
    const low = (await post('/ml/detect_anomaly', { sensor_readings: readings, sensitivity: 0.05 })).body;
    const high = (await post('/ml/detect_anomaly', { sensor_readings: readings, sensitivity: 0.95 })).body;
    expect(low.threshold).toBe(0.95);
    expect(high.threshold).toBe(0.05);
    expect(high.anomaly_count).toBeGreaterThan(low.anomaly_count);
    const plain = (await post('/ml/detect_anomaly', { sensor_readings: readings })).body;
    expect(plain.threshold).toBe(0.5);
  });

  it('is a 422 problem naming sensor_readings without them, and names a bad field of a reading', async () => {
    for (const [body, field] of [
      [{}, 'sensor_readings'],
      [{ sensitivity: 0.7 }, 'sensor_readings'],
      [{ sensor_readings: [{ sensor_id: 's1', value: '42' }] }, 'sensor_readings.0.value'],
      [{ sensor_readings: series('s1', 3, null, 1), sensitivity: 1.5 }, 'sensitivity'],
      [{ sensor_readings: series('s1', 3, null, 1), sensor_id: 's1' }, 'sensor_readings'],
    ] as const) {
      const res = await post('/ml/detect_anomaly', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});

describe('POST /api/v1/maintenance/schedule with the original body', () => {
  const original = (over: Record<string, unknown> = {}) => ({
    sensor_id: sensor(),
    sensor_type: 'vibration',
    equipment_id: 'pump-7',
    time_to_failure_days: 10,
    maintenance_type: 'preventive',
    prediction_confidence: 0.82,
    include_report: false,
    correlation_id: randomUUID(),
    ...over,
  });

  it('answers 2xx echoing correlation_id, with equipment_id and maintenance_type kept on the order', async () => {
    const body = original();
    const res = await post('/maintenance/schedule', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      correlation_id: body.correlation_id,
      sensor_id: body.sensor_id,
      equipment: 'pump-7',
      failure_probability: 0.82,
      maintenance_type: 'preventive',
    });
    expect(res.body.report).toBeUndefined();
    const detail = await (await stack.request(`/api/v1/maintenance/orders/${res.body.id}`, { key })).json();
    expect(detail.transitions[0]).toMatchObject({ to_status: 'proposed', note: 'maintenance_type: preventive' });
  });

  it('sets the deadline from time_to_failure_days and predicted_failure_date (half-way to the failure)', async () => {
    const before = Date.now();
    const inDays = (await post('/maintenance/schedule', original({ time_to_failure_days: 10 }))).body;
    const atDate = (
      await post(
        '/maintenance/schedule',
        original({ time_to_failure_days: undefined, predicted_failure_date: new Date(before + 40 * 86_400_000).toISOString() }),
      )
    ).body;
    const daysUntil = (iso: string) => (Date.parse(iso) - before) / 86_400_000;
    expect(daysUntil(inDays.deadline)).toBeCloseTo(5, 1);
    expect(daysUntil(atDate.deadline)).toBeCloseTo(20, 1);
    expect(inDays.priority).toBe('very_urgent');
    expect(atDate.priority).toBe('high');
  });

  it('attaches a report with include_report', async () => {
    const res = await post('/maintenance/schedule', original({ include_report: true }));
    expect(res.status).toBe(201);
    expect(res.body.report).toMatchObject({
      report_type: 'maintenance_order',
      format: 'json',
      content: { order_id: res.body.id, equipment: 'pump-7' },
    });
    expect(Date.parse(res.body.report.generated_at)).not.toBeNaN();
  });

  it('is a 422 problem naming sensor_id for {}, and failure_probability without any estimate', async () => {
    for (const [body, field] of [
      [{}, 'sensor_id'],
      [{ sensor_id: 's1' }, 'failure_probability'],
      [original({ prediction_confidence: '0.8' }), 'prediction_confidence'],
      [original({ correlation_id: 'not-a-uuid' }), 'correlation_id'],
      [original({ predicted_failure_date: 'tomorrow' }), 'predicted_failure_date'],
    ] as const) {
      const res = await post('/maintenance/schedule', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});

describe('POST /api/v1/simulate/* with the original bodies', () => {
  const landed = async (sensorId: string) =>
    Number((await stack.sql<{ n: string }[]>`select count(*) as n from sensor_readings where sensor_id = ${sensorId}`)[0]!.n);

  it('drift-event: noise_level and base_value have meaning and exactly events_generated rows land', async () => {
    const sensorId = sensor();
    const res = await post('/simulate/drift-event', {
      sensor_id: sensorId,
      drift_magnitude: 20,
      num_samples: 40,
      base_value: 50,
      noise_level: 0,
    });
    expect(res.status).toBe(200); // the original's status
    expect(res.body).toMatchObject({ status: 'success', events_generated: 40, sensor_id: sensorId });
    expect(typeof res.body.message).toBe('string');
    expect(res.body.simulation_id).toBe(`sim-${res.body.correlation_id}`);
    expect(await landed(sensorId)).toBe(40);
    const values = (await stack.sql<{ value: number }[]>`select value from sensor_readings where sensor_id = ${sensorId} order by ts`).map(
      (r) => r.value,
    );
    expect(values[0]).toBeCloseTo(50, 6); // no noise: the first, undrifted reading is the base value
    expect(values[39]!).toBeGreaterThan(60);
  });

  it('anomaly-event: num_anomalies spikes among events_generated rows under the sensor', async () => {
    const sensorId = sensor();
    const res = await post('/simulate/anomaly-event', { sensor_id: sensorId, anomaly_magnitude: 10, num_anomalies: 4 });
    expect(res.status).toBe(200); // the original's status
    expect(res.body.injected).toBe(4);
    expect(await landed(sensorId)).toBe(res.body.events_generated);
  });

  it('normal-data: duration_minutes spreads num_samples over that span', async () => {
    const sensorId = sensor();
    const res = await post('/simulate/normal-data', { sensor_id: sensorId, num_samples: 31, duration_minutes: 30 });
    expect(res.body.events_generated).toBe(31);
    expect(await landed(sensorId)).toBe(31);
    expect(Date.parse(res.body.last_timestamp) - Date.parse(res.body.first_timestamp)).toBe(30 * 60_000);
  });

  it('is a 422 problem for two names of one setting and for a string number', async () => {
    for (const [path, body, field] of [
      ['/simulate/normal-data', { sensor_id: 's1', num_samples: 10, duration_minutes: 5, interval_seconds: 10 }, 'duration_minutes'],
      ['/simulate/drift-event', { sensor_id: 's1', noise: 1, noise_level: 2 }, 'noise_level'],
      ['/simulate/drift-event', { sensor_id: 's1', num_samples: '40' }, 'num_samples'],
    ] as const) {
      const res = await post(path, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});

describe('POST /api/v1/reports/generate with the original body', () => {
  for (const reportType of ['system_health', 'anomaly_summary', 'ingestion_activity', 'maintenance_decisions'] as const) {
    it(`answers 200 with report_id, report_type, format, content, generated_at and metadata for ${reportType}`, async () => {
      const res = await post('/reports/generate', { report_type: reportType, format: 'json', parameters: { detail_level: 'detailed' } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({
        report_id: res.body.id,
        report_type: reportType,
        format: 'json',
        metadata: { detail_level: 'detailed' },
      });
      expect(Date.parse(res.body.generated_at)).not.toBeNaN();
      expect(res.body.content).toEqual(res.body.body);
    });
  }

  it('detail_level summary holds the key figures without charts and tables', async () => {
    const summary = await post('/reports/generate', {
      report_type: 'system_health',
      format: 'json',
      parameters: { detail_level: 'summary' },
    });
    const detailed = await post('/reports/generate', {
      report_type: 'system_health',
      format: 'json',
      parameters: { detail_level: 'detailed' },
    });
    expect(Object.keys(summary.body.content).sort()).toEqual(['period', 'summary', 'title']);
    expect(detailed.body.content.tables.length).toBeGreaterThan(0);
    expect(summary.body.content.summary).toBeTypeOf('object');
  });

  it("keeps today's 201 without the original's fields", async () => {
    const res = await post('/reports/generate', { report_type: 'system_health' });
    expect(res.status).toBe(201);
    expect(res.body.report_id).toBeUndefined();
  });

  it('is a 422 problem naming report_type when it is missing, and names a bad detail_level or format', async () => {
    for (const [body, field] of [
      [{ format: 'json', parameters: { detail_level: 'summary' } }, 'report_type'],
      [{ report_type: 'system_health', parameters: { detail_level: 'all' } }, 'parameters.detail_level'],
      [{ report_type: 'system_health', format: 'xml' }, 'format'],
    ] as const) {
      const res = await post('/reports/generate', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});
