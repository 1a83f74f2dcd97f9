import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/stack';

/** The request bodies the original system's clients send (issue 16), each with its meaning. */
let stack: TestStack;
let key: string;

beforeAll(async () => {
  stack = await startTestStack();
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
