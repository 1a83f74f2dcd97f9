import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/stack';

/** POST /api/v1/ml/predict/batch (issue 16): many rows, one model run, the fields of /ml/predict. */
let stack: TestStack;
let key: string;

const row = (i: number) => ({
  Air_temperature_K: 298 + (i % 7) * 0.5,
  Process_temperature_K: 308 + (i % 5) * 0.4,
  Rotational_speed_rpm: 1200 + (i % 50) * 10,
  Torque_Nm: 30 + (i % 40),
  Tool_wear_min: (i * 7) % 250,
  Type: (['L', 'M', 'H'] as const)[i % 3],
});

beforeAll(async () => {
  stack = await startTestStack({ PREDICT_BATCH_ROWS_PER_MINUTE: '1500' });
  key = await stack.key(['ml:predict']);
});
afterAll(() => stack.close());

const post = (path: string, json: unknown, k = key) => stack.request(`/api/v1${path}`, { method: 'POST', key: k, json });

describe('POST /api/v1/ml/predict/batch', () => {
  it('answers one prediction per row, in order, with the fields and values of /ml/predict', async () => {
    const rows = [row(1), row(2), { ...row(3), Torque_Nm: 70, Tool_wear_min: 230 }];
    const res = await post('/ml/predict/batch', { model_name: 'ai4i_classifier_randomforest_baseline', rows });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.count).toBe(3);
    expect(body.model_info).toMatchObject({
      name: 'ai4i_classifier_randomforest_baseline',
      model_name: 'ai4i_classifier_randomforest_baseline',
    });
    for (const [i, features] of rows.entries()) {
      const single = await (await post('/ml/predict', { model_name: 'ai4i_classifier_randomforest_baseline', features })).json();
      const answer = body.predictions[i];
      expect(Object.keys(answer).sort()).toEqual(Object.keys(single).sort());
      expect(answer.probability).toBeCloseTo(single.probability, 6);
      expect(answer).toMatchObject({ prediction: single.prediction, threshold: single.threshold, model_info: single.model_info });
      expect(answer.confidence).toBeCloseTo(single.confidence, 6);
    }
    expect(new Set(body.predictions.map((p: { prediction_id: string }) => p.prediction_id)).size).toBe(3);
  });

  it('takes 1,000 rows and refuses 1,001', async () => {
    const ok = await post('/ml/predict/batch', { rows: Array.from({ length: 1000 }, (_, i) => row(i)) });
    expect(ok.status).toBe(200);
    expect((await ok.json()).predictions).toHaveLength(1000);
    const tooMany = await post('/ml/predict/batch', { rows: Array.from({ length: 1001 }, (_, i) => row(i)) });
    expect(tooMany.status).toBe(422);
    expect(JSON.stringify(await tooMany.json())).toContain('"rows"');
  });

  it('is all or nothing: a bad row is a 422 problem naming rows.N.field, strings are not coerced', async () => {
    for (const [bad, field] of [
      [{ ...row(0), Torque_Nm: '42' }, 'rows.2.Torque_Nm'],
      [{ ...row(0), Colour: 'red' }, 'rows.2'],
      [(({ Tool_wear_min: _, ...rest }) => rest)(row(0)), 'rows.2.Tool_wear_min'],
      [{ ...row(0), Type: 'X' }, 'rows.2.Type'],
    ] as const) {
      const res = await post('/ml/predict/batch', { rows: [row(0), row(1), bad] });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const fields = (await res.json()).errors.map((e: { field: string }) => e.field);
      expect(
        fields.some((f: string) => f.startsWith(field)),
        `${JSON.stringify(fields)} names ${field}`,
      ).toBe(true);
    }
    const res = await post('/ml/predict/batch', { rows: [row(0)], sensor_ids: ['a', 'b'] });
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([
      { field: 'sensor_ids', message: 'must have one entry per row (1)', code: 'one_per_row', params: { rows: 1 } },
    ]);
    expect((await post('/ml/predict/batch', { rows: [row(0)], model_name: 'nothing' })).status).toBe(404);
  });

  it('counts once against the request limit and its rows against PREDICT_BATCH_ROWS_PER_MINUTE', async () => {
    const k = await stack.key(['ml:predict']);
    // Limits count in fixed one-minute windows aligned to the clock: start early in a window, so
    // the three requests cannot straddle a boundary (which would reset the counts under test).
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 40_000) await new Promise((r) => setTimeout(r, 60_500 - intoWindow));
    const first = await post('/ml/predict/batch', { rows: Array.from({ length: 1000 }, (_, i) => row(i)) }, k);
    const second = await post('/ml/predict/batch', { rows: Array.from({ length: 400 }, (_, i) => row(i)) }, k);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    // The per-key request limit saw two requests, not 1,400.
    expect(Number(first.headers.get('ratelimit-remaining')) - Number(second.headers.get('ratelimit-remaining'))).toBe(1);
    expect(second.headers.get('ratelimit-predict-rows-remaining')).toBe('100');
    const over = await post('/ml/predict/batch', { rows: Array.from({ length: 101 }, (_, i) => row(i)) }, k);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.headers.get('content-type')).toContain('application/problem+json');
  });
});
