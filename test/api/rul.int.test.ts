import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUL_CAP, predictRul } from '../../models';
import { readCmapssEngines } from '../../models/cmapssData';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let key: string;

const unit = readCmapssEngines().get(1)!;
const life = unit.length;
const cuts = [1, 50, life - 60, life - 20, life];

beforeAll(async () => {
  stack = await startTestStack();
  key = await stack.key(['ml:predict']);
});
afterAll(() => stack.close());

const rul = (body: unknown, k = key) => stack.request('/api/v1/ml/rul', { method: 'POST', key: k, json: body });
const fieldsOf = async (res: Response) => ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);

describe('POST /api/v1/ml/rul', () => {
  it('answers the in-process model’s RUL and interval for a training engine cut at several points', async () => {
    for (const cut of cuts) {
      const readings = unit.slice(0, cut);
      const res = await rul({ readings });
      expect(res.status).toBe(200);
      const body = await res.json();
      const local = await predictRul(readings);
      expect(body.rul, `cut at ${cut}`).toBe(local.rul);
      expect(body.interval).toEqual(local.interval);
      expect(body.interval.lower).toBeLessThanOrEqual(body.rul);
      expect(body.interval.upper).toBeGreaterThanOrEqual(body.rul);
      expect(body.model_info).toMatchObject({ name: 'cmapss_rul_regressor', model_name: 'cmapss_rul_regressor' });
      expect(body.model_info.model_version).toBe(body.model_info.version);
      expect(body.request_id).toBe(res.headers.get('x-request-id'));
      const trueRul = Math.min(life - cut, RUL_CAP);
      // Late in life the engine has degraded visibly: the model is within 10 cycles of the truth (a training engine: in-sample).
      if (life - cut <= 60) expect(Math.abs(body.rul - trueRul), `cut at ${cut}`).toBeLessThanOrEqual(10);
    }
  });

  it('scores several trajectories in one call exactly as one at a time, in order', async () => {
    const trajectories = cuts.map((cut) => ({ id: `u1@${cut}`, readings: unit.slice(0, cut) }));
    const res = await rul({ trajectories });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results.map((r: { id: string }) => r.id)).toEqual(trajectories.map((t) => t.id));
    for (const [i, t] of trajectories.entries()) {
      const single = await (await rul({ readings: t.readings })).json();
      expect(body.results[i]).toEqual({ id: t.id, rul: single.rul, interval: single.interval });
    }
    expect(body.model_info).toMatchObject({ name: 'cmapss_rul_regressor' });
  });

  it('refuses unknown, missing, non-finite and string columns by readings.N.field', async () => {
    const row = unit[0]!;
    const { s2: _omit, ...missing } = row;
    const cases: Array<[unknown[], string]> = [
      [[row, { ...row, time: 2, s22: 1 }], 'readings.1.s22'],
      [[row, { ...missing, time: 2 }], 'readings.1.s2'],
      [[{ ...row, s7: '554.36' }], 'readings.0.s7'],
      [[{ ...row, s9: null }], 'readings.0.s9'],
      [[row, { ...row, time: 1 }], 'readings.1.time'],
      [[row, { ...row, time: 0.5 }], 'readings.1.time'],
    ];
    for (const [readings, field] of cases) {
      const res = await rul({ readings });
      expect(res.status, field).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(await fieldsOf(res)).toContain(field);
    }
    const nonFinite = await stack.request('/api/v1/ml/rul', {
      method: 'POST',
      key,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ readings: [row] }).replace('"s3":', '"s3":1e400,"x":'),
    });
    expect(nonFinite.status).toBe(422);
    expect(await fieldsOf(nonFinite)).toContain('readings.0.s3');
  });

  it('refuses an empty trajectory, both or neither of readings and trajectories, 101 trajectories and bad ids', async () => {
    const one = unit.slice(0, 3);
    expect(await fieldsOf(await rul({ readings: [] }))).toContain('readings');
    expect(await fieldsOf(await rul({ readings: one, trajectories: [{ id: 'a', readings: one }] }))).toContain('readings');
    expect(await fieldsOf(await rul({ model_name: 'cmapss_rul_regressor' }))).toContain('readings');
    const many = Array.from({ length: 101 }, (_, i) => ({ id: String(i), readings: [unit[0]] }));
    const tooMany = await rul({ trajectories: many });
    expect(tooMany.status).toBe(422);
    expect(await fieldsOf(tooMany)).toContain('trajectories');
    expect(await fieldsOf(await rul({ trajectories: [{ id: 'a', readings: [{ ...unit[0], s4: 'x' }] }] }))).toContain(
      'trajectories.0.readings.0.s4',
    );
    expect(await fieldsOf(await rul({ trajectories: [{ readings: one }] }))).toContain('trajectories.0.id');
    expect(await fieldsOf(await rul({ readings: one, extra: 1 }))).toContain('extra');
  });

  it('answers 404 for an unknown model and 422 for a model of another task', async () => {
    const readings = unit.slice(0, 5);
    const unknown = await rul({ model_name: 'no_such_model', readings });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await rul({ model_name: 'cmapss_rul_regressor', model_version: '99.0.0', readings })).status).toBe(404);
    const wrongTask = await rul({ model_name: 'ai4i_classifier_randomforest_baseline', readings });
    expect(wrongTask.status).toBe(422);
    expect(await fieldsOf(wrongTask)).toContain('model_name');
  });

  it('needs a key with ml:predict', async () => {
    const body = { readings: unit.slice(0, 5) };
    expect((await stack.request('/api/v1/ml/rul', { method: 'POST', json: body })).status).toBe(401);
    const other = await stack.key(['ml:anomaly']);
    const forbidden = await rul(body, other);
    expect(forbidden.status).toBe(403);
  });
});
