import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDataApi, type DataApi } from '../support/dataApi';
import type { TestStack } from '../support/stack';

let stack: TestStack;
let writer: string;
let reader: string;
let call: DataApi['call'];

beforeAll(async () => {
  ({ stack, writer, reader, call } = await startDataApi());
});
afterAll(() => stack.close());

async function until<T>(what: string, probe: () => Promise<T | undefined>, tries = 300): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const fieldsOf = async (res: Response) => ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);

describe('asset types', () => {
  it('lists the seeded milling-machine and turbofan types with their models and roles', async () => {
    const res = await call('GET', '/asset-types', undefined, reader);
    expect(res.status).toBe(200);
    const types = (await res.json()) as { id: string; kind: string; model_name: string; roles: Record<string, string> }[];
    const milling = types.find((t) => t.id === 'milling_machine')!;
    expect(milling).toMatchObject({ kind: 'failure', model_name: 'ai4i_classifier_randomforest_baseline' });
    expect(milling.roles).toEqual({
      air_temperature: 'Air_temperature_K',
      process_temperature: 'Process_temperature_K',
      rotational_speed: 'Rotational_speed_rpm',
      torque: 'Torque_Nm',
      tool_wear: 'Tool_wear_min',
    });
    const turbofan = types.find((t) => t.id === 'turbofan')!;
    expect(turbofan).toMatchObject({ kind: 'rul', model_name: 'cmapss_rul_regressor', planning_horizon_cycles: 30 });
    expect(Object.keys(turbofan.roles)).toHaveLength(14);
  });

  it('refuses a type whose model is not in the registry, and an rul type without a life and horizon', async () => {
    const base = { id: 'press', name: 'Press', kind: 'failure', model_name: 'no_such_model', roles: { torque: 'Torque_Nm' } };
    const unknownModel = await call('POST', '/asset-types', base);
    expect(unknownModel.status).toBe(422);
    expect(unknownModel.headers.get('content-type')).toContain('application/problem+json');
    expect((await unknownModel.json()).errors).toEqual([
      {
        field: 'model_name',
        message: 'no model no_such_model in the registry',
        code: 'unknown_model',
        params: { model: 'no_such_model' },
      },
    ]);
    const noLife = await call('POST', '/asset-types', { ...base, kind: 'rul', model_name: 'cmapss_rul_regressor' });
    expect(noLife.status).toBe(422);
    expect(await fieldsOf(noLife)).toEqual(['typical_life_cycles']);
    expect((await call('GET', '/asset-types/press', undefined, reader)).status).toBe(404);
  });

  it('creates a type once; the same id again is a conflict', async () => {
    const t = {
      id: 'lathe',
      name: 'Lathe',
      kind: 'failure',
      model_name: 'ai4i_classifier_randomforest_baseline',
      roles: { torque: 'Torque_Nm' },
    };
    expect((await call('POST', '/asset-types', t)).status).toBe(201);
    const again = await call('POST', '/asset-types', t);
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe('asset_type_exists');
  });
});

describe('assets', () => {
  it('creates, reads, filters, patches and deletes an asset', async () => {
    for (const id of ['plant-a', 'plant-b']) expect((await call('POST', '/sites', { id, name: id })).status).toBe(201);
    const created = await call('POST', '/assets', {
      id: 'mill-7',
      name: 'Mill 7',
      type_id: 'milling_machine',
      site: 'plant-a',
      criticality: 4,
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'mill-7', site: 'plant-a', criticality: 4, metadata: {}, sensors: [] });
    await call('POST', '/assets', { id: 'mill-8', name: 'Mill 8', type_id: 'milling_machine', site: 'plant-b', criticality: 2 });

    const bySite = (await (await call('GET', '/assets?site=plant-a', undefined, reader)).json()) as { id: string }[];
    expect(bySite.map((a) => a.id)).toEqual(['mill-7']);
    const byCriticality = (await (await call('GET', '/assets?criticality=2', undefined, reader)).json()) as { id: string }[];
    expect(byCriticality.map((a) => a.id)).toEqual(['mill-8']);

    const patched = await call('PATCH', '/assets/mill-7', { criticality: 5, metadata: { line: 3 } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ name: 'Mill 7', criticality: 5, metadata: { line: 3 } });

    const deleted = await call('DELETE', '/assets/mill-8');
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toMatchObject({ id: 'mill-8', site: 'plant-b' });
    expect((await call('GET', '/assets/mill-8', undefined, reader)).status).toBe(404);
    expect((await call('DELETE', '/assets/mill-8')).status).toBe(404);
  });

  it('answers problem+json naming the field for bad input, and writes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ id: 'bad id', name: 'x', type_id: 'milling_machine' }, 'id'],
      [{ id: 'm-1', name: 'x', type_id: 'milling_machine', criticality: 6 }, 'criticality'],
      [{ id: 'm-1', name: 'x', type_id: 'no_type' }, 'type_id'],
      [{ id: 'm-1', name: 'x', type_id: 'milling_machine', colour: 'red' }, 'colour'],
      [{ id: 'm-1', name: 'x', type_id: 'milling_machine', site: 'Plant A' }, 'site'],
      [{ id: 'm-1', name: 'x', type_id: 'milling_machine', site: 'no-such-plant' }, 'site'],
    ];
    for (const [body, field] of cases) {
      const res = await call('POST', '/assets', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await fieldsOf(res)).join(','), JSON.stringify(body)).toContain(field);
    }
    const noType = await call('POST', '/assets', { id: 'm-1', name: 'x', type_id: 'no_type' });
    expect((await noType.json()).errors).toEqual([
      { field: 'type_id', message: 'no asset type no_type', code: 'unknown_asset_type', params: { type: 'no_type' } },
    ]);
    expect((await call('GET', '/assets/m-1', undefined, reader)).status).toBe(404);
    expect((await call('PATCH', '/assets/mill-7', {})).status).toBe(422);
    expect((await call('POST', '/assets', { id: 'm-2', name: 'x', type_id: 'milling_machine' }, reader)).status).toBe(403);
  });

  it('attaches sensors by role, re-attaches with history, and leaves the sensor usable on its own', async () => {
    await call('POST', '/assets', { id: 'mill-9', name: 'Mill 9', type_id: 'milling_machine' });
    await call('POST', '/assets', { id: 'mill-10', name: 'Mill 10', type_id: 'milling_machine' });

    const unknown = await call('POST', '/assets/mill-9/sensors', { sensor_id: 'm9-torque', role: 'torque' });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors).toEqual([
      {
        field: 'sensor_id',
        message: 'no sensor m9-torque; give sensor_type to register it',
        code: 'unknown_sensor_without_type',
        params: { sensor: 'm9-torque' },
      },
    ]);
    const badRole = await call('POST', '/assets/mill-9/sensors', { sensor_id: 'm9-torque', role: 'vibration', sensor_type: 'torque' });
    expect(badRole.status).toBe(422);
    expect((await badRole.json()).errors).toEqual([
      {
        field: 'role',
        message: expect.stringMatching(/^is not a role of milling_machine \(.*torque.*\)$/),
        code: 'not_a_role',
        params: { type: 'milling_machine', roles: expect.stringContaining('torque') },
      },
    ]);

    const t0 = '2026-01-01T00:00:00.000Z';
    const first = await call('POST', '/assets/mill-9/sensors', { sensor_id: 'm9-torque', role: 'torque', sensor_type: 'torque', from: t0 });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ sensor_id: 'm9-torque', role: 'torque', attached_at: t0, detached_at: null });

    // A sensor's readings go in as before, asset or not.
    const reading = await stack.request('/api/v1/data/ingest', {
      method: 'POST',
      key: writer,
      json: { sensor_id: 'm9-torque', value: 41.5, sensor_type: 'torque' },
    });
    expect(reading.status).toBe(200);

    // Moving the sensor to another asset closes its period on the first at the same instant.
    const t1 = '2026-02-01T00:00:00.000Z';
    expect((await call('POST', '/assets/mill-10/sensors', { sensor_id: 'm9-torque', role: 'torque', from: t1 })).status).toBe(201);
    const mill9 = await (await call('GET', '/assets/mill-9', undefined, reader)).json();
    expect(mill9.sensors).toEqual([]);
    const history = await (await call('GET', '/assets/mill-9/sensors/history', undefined, reader)).json();
    expect(history).toEqual([{ sensor_id: 'm9-torque', role: 'torque', attached_at: t0, detached_at: t1 }]);
    const mill10 = await (await call('GET', '/assets/mill-10', undefined, reader)).json();
    expect(mill10.sensors).toEqual([{ sensor_id: 'm9-torque', role: 'torque', attached_at: t1, detached_at: null }]);

    // A new sensor in the same role replaces the old one from its attachment time.
    const t2 = '2026-03-01T00:00:00.000Z';
    await call('POST', '/assets/mill-10/sensors', { sensor_id: 'm10-torque', role: 'torque', sensor_type: 'torque', from: t2 });
    const after = await (await call('GET', '/assets/mill-10/sensors/history', undefined, reader)).json();
    expect(after).toEqual([
      { sensor_id: 'm10-torque', role: 'torque', attached_at: t2, detached_at: null },
      { sensor_id: 'm9-torque', role: 'torque', attached_at: t1, detached_at: t2 },
    ]);

    expect((await call('DELETE', '/assets/mill-10/sensors/m9-torque')).status).toBe(404);
    const detached = await call('DELETE', '/assets/mill-10/sensors/m10-torque');
    expect(detached.status).toBe(200);
    expect(await detached.json()).toMatchObject({ sensor_id: 'm10-torque', role: 'torque', attached_at: t2 });
    expect((await (await call('GET', '/assets/mill-10', undefined, reader)).json()).sensors).toEqual([]);
  });
});

describe('GET /api/v1/assets/{id}/correlations', () => {
  it('answers Pearson and Spearman matrices and finds the lag by which one sensor follows another', async () => {
    await call('POST', '/assets', { id: 'corr-1', name: 'Correlated', type_id: 'milling_machine' });
    const start = Date.parse('2026-04-01T00:00:00Z');
    const series: Record<string, (i: number) => number> = {
      air_temperature: (i) => Math.sin(i / 3),
      process_temperature: (i) => Math.sin((i - 3) / 3), // air_temperature three minutes later
      rotational_speed: (i) => i,
      torque: (i) => Math.exp(i / 10), // monotone in rotational_speed, far from linear
    };
    for (const [role, f] of Object.entries(series)) {
      const sensor = `corr-1.${role}`;
      await call('POST', '/assets/corr-1/sensors', { sensor_id: sensor, role, sensor_type: 'torque', from: new Date(start).toISOString() });
      const readings = Array.from({ length: 100 }, (_, i) => ({
        sensor_id: sensor,
        sensor_type: 'torque',
        value: f(i),
        timestamp: new Date(start + i * 60_000).toISOString(),
      }));
      expect((await stack.request('/api/v1/data/ingest/batch', { method: 'POST', key: writer, json: { readings } })).status).toBeLessThan(
        300,
      );
    }
    const res = await call(
      'GET',
      '/assets/corr-1/correlations?window=3h&step=60s&pair=air_temperature,process_temperature&max_lag=6',
      undefined,
      reader,
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.roles).toEqual(['air_temperature', 'process_temperature', 'rotational_speed', 'torque']);
    expect(body.buckets).toBe(100);
    const [speed, torque] = [2, 3];
    expect(body.spearman[speed][torque]).toBeCloseTo(1, 6);
    expect(body.pearson[speed][torque]).toBeLessThan(0.95);
    expect(body.pearson[torque][speed]).toBe(body.pearson[speed][torque]);
    expect(body.pearson[0][0]).toBe(1);
    expect(body.lagged).toMatchObject({ pair: ['air_temperature', 'process_temperature'], max_lag: 6, best_lag: 3 });
    expect(body.lagged.coefficient).toBeCloseTo(1, 6);
    expect(body.lagged.by_lag).toHaveLength(13);

    const badPair = await call('GET', '/assets/corr-1/correlations?pair=air_temperature,vibration', undefined, reader);
    expect(badPair.status).toBe(422);
    expect((await badPair.json()).errors).toEqual([
      {
        field: 'pair',
        message: 'not a current role of corr-1: vibration',
        code: 'not_a_current_role',
        params: { asset: 'corr-1', roles: 'vibration' },
      },
    ]);
    expect((await call('GET', '/assets/corr-1/correlations?window=45d', undefined, reader)).status).toBe(422);
    const fine = await call('GET', '/assets/corr-1/correlations?window=30d&step=1s', undefined, reader);
    expect(fine.status).toBe(422);
    expect((await fine.json()).errors).toEqual([
      {
        field: 'step_seconds',
        message: 'window / step must be at most 20000 buckets',
        code: 'too_many_buckets',
        params: { maximum: 20_000 },
      },
    ]);
  });
});

describe('GET /api/v1/assets: open alarms and next maintenance', () => {
  it('counts unresolved alarms on the asset’s sensors since they were attached, and names the pending order due soonest', async () => {
    await call('POST', '/sites', { id: 'plant-al', name: 'Plant AL' });
    await call('POST', '/assets', { id: 'mill-al', name: 'Mill AL', type_id: 'milling_machine', site: 'plant-al' });
    await call('POST', '/assets', { id: 'mill-quiet', name: 'Mill Q', type_id: 'milling_machine', site: 'plant-al' });
    const attachedAt = '2026-06-01T00:00:00.000Z';
    await call('POST', '/assets/mill-al/sensors', { sensor_id: 'al-torque', role: 'torque', sensor_type: 'torque', from: attachedAt });
    await call('POST', '/assets/mill-al/sensors', { sensor_id: 'al-wear', role: 'tool_wear', sensor_type: 'tool_wear', from: attachedAt });
    const alarm = (sensor: string, severity: string, state: string, last: string) => stack.sql`
      insert into alarms (id, sensor_id, source, kind, severity, state, start_ts, last_anomalous_ts, peak_score, dedup_key)
      values (gen_random_uuid(), ${sensor}, 'streaming', 'level', ${severity}, ${state}, ${last}, ${last}, 5, gen_random_uuid()::text)`;
    await alarm('al-torque', 'critical', 'open', '2026-06-02T00:00:00Z');
    await alarm('al-torque', 'low', 'acknowledged', '2026-06-03T00:00:00Z');
    await alarm('al-wear', 'medium', 'open', '2026-06-02T00:00:00Z');
    await alarm('al-wear', 'high', 'resolved', '2026-06-02T00:00:00Z'); // resolved: not open
    await alarm('al-wear', 'high', 'open', '2026-05-01T00:00:00Z'); // before the sensor was on this asset

    const order = (o: { sensor: string; equipment: string | null; status: string; window?: string; deadline?: string; created: string }) =>
      stack.sql<{ id: string }[]>`
        insert into maintenance_orders (sensor_id, equipment, status, priority, required_skill, duration_minutes, window_start, deadline, created_at)
        values (${o.sensor}, ${o.equipment}, ${o.status}, 'high', 'mechanical', 60, ${o.window ?? null}, ${o.deadline ?? null}, ${o.created})
        returning id`;
    const [named] = await order({
      sensor: 'al-torque',
      equipment: 'mill-al',
      status: 'completed',
      window: '2026-06-05T00:00:00Z',
      created: '2026-06-02T00:00:00Z',
    });
    await order({
      sensor: 'al-torque',
      equipment: null,
      status: 'awaiting_approval',
      deadline: '2026-07-01T00:00:00Z',
      created: '2026-06-02T00:00:00Z',
    });
    const [soonest] = await order({
      sensor: 'al-wear',
      equipment: 'al-wear',
      status: 'scheduled',
      window: '2026-06-20T08:00:00Z',
      deadline: '2026-06-25T00:00:00Z',
      created: '2026-06-03T00:00:00Z',
    });
    // Raised on the sensor before it was attached here: another machine's order.
    const [elsewhere] = await order({
      sensor: 'al-wear',
      equipment: null,
      status: 'approved',
      deadline: '2026-06-10T00:00:00Z',
      created: '2026-05-01T00:00:00Z',
    });

    const list = (await (await call('GET', '/assets?site=plant-al', undefined, reader)).json()) as {
      id: string;
      open_alarms: unknown;
      next_maintenance: unknown;
    }[];
    const byId = Object.fromEntries(list.map((a) => [a.id, a]));
    expect(byId['mill-al']!.open_alarms).toEqual({ count: 3, by_severity: { low: 1, medium: 1, high: 0, critical: 1 }, worst: 'critical' });
    expect(byId['mill-al']!.next_maintenance).toEqual({
      order_id: soonest!.id,
      status: 'scheduled',
      priority: 'high',
      at: '2026-06-20T08:00:00.000Z',
      window_start: '2026-06-20T08:00:00.000Z',
      window_end: null,
      deadline: '2026-06-25T00:00:00.000Z',
    });
    expect(byId['mill-quiet']).toMatchObject({ open_alarms: { count: 0, worst: null }, next_maintenance: null });
    // The detail page's orders: the one named for the asset and the two raised on its sensors while attached.
    const orders = (await (
      await call('GET', '/assets/mill-al/orders', undefined, await stack.key(['maintenance:read']))
    ).json()) as unknown[];
    expect(orders).toHaveLength(3);

    // Its decisions: those on its orders only, newest first, a system justification kept as its text.
    const decide = (orderId: string, decision: string, justification: string, at: string) => stack.sql<{ id: string }[]>`
      insert into human_decisions (request_id, decision, operator_id, justification, order_id, source, created_at)
      values (${`req-${orderId}-${at}`}, ${decision}, 'eva', ${justification}, ${orderId}, 'api', ${at}) returning id`;
    const [first] = await decide(named!.id, 'approved', 'bearing noise', '2026-06-02T01:00:00Z');
    const [second] = await decide(soonest!.id, 'escalated', 'needs a second look', '2026-06-03T01:00:00Z');
    await decide(elsewhere!.id, 'rejected', 'not this machine', '2026-05-01T01:00:00Z');
    const maintenanceReader = await stack.key(['maintenance:read']);
    const decisionsRes = await call('GET', '/assets/mill-al/decisions', undefined, maintenanceReader);
    expect(decisionsRes.status).toBe(200);
    const decisions = (await decisionsRes.json()) as { id: string; order_id: string; decision: string; justification: string }[];
    expect(decisions.map((d) => [d.id, d.order_id, d.decision, d.justification])).toEqual([
      [second!.id, soonest!.id, 'escalated', 'needs a second look'],
      [first!.id, named!.id, 'approved', 'bearing noise'],
    ]);
    expect(await (await call('GET', '/assets/mill-quiet/decisions', undefined, maintenanceReader)).json()).toEqual([]);
    expect((await call('GET', '/assets/no-such-mill/decisions', undefined, maintenanceReader)).status).toBe(404);
    expect((await call('GET', '/assets/mill-al/decisions', undefined, reader)).status).toBe(403);
  });
});

describe('the asset evaluator follows the asset', () => {
  it('starts with the asset, re-evaluates at once when a sensor is attached, stops when the asset is deleted, and starts afresh for a new asset of the same id', async () => {
    const worker = await stack.startWorker();
    try {
      const healthOf = async () =>
        stack.sql<{ status: string; reasons: { code: string; text?: { code: string } }[] }[]>`
          select status, reasons from asset_health where asset_id = 'mill-life' order by id`;
      const created = await call('POST', '/assets', { id: 'mill-life', name: 'Mill L', type_id: 'milling_machine' });
      expect(created.status).toBe(201);
      expect((await created.json()).evaluator).toMatchObject({ workflow_id: 'asset-evaluator-mill-life' });
      const first = await until('the first evaluation', async () => ((await healthOf()).length ? healthOf() : undefined));
      expect(first[0]!.status).toBe('insufficient_data');
      expect(new Set(first[0]!.reasons.map((r) => r.text?.code))).toEqual(new Set(['healthNoSensorInRole']));

      // The interval is five minutes: a second evaluation within seconds is the attachment's doing.
      expect(
        (await call('POST', '/assets/mill-life/sensors', { sensor_id: 'life-torque', role: 'torque', sensor_type: 'torque' })).status,
      ).toBe(201);
      const second = await until('the evaluation after the attachment', async () => {
        const rows = await healthOf();
        return rows.length >= 2 ? rows : undefined;
      });
      expect(second.at(-1)!.reasons.map((r) => r.text?.code)).toContain('healthRoleNoReading');

      const handle = stack.temporal.client.workflow.getHandle('asset-evaluator-mill-life');
      const firstRun = (await handle.describe()).runId;
      // Asking for the evaluator again hands the running one new settings, which wakes it: the same run evaluates once more.
      const operator = await stack.key(['workflows:write']);
      const configured = await call('POST', '/assets/mill-life/evaluator', { interval_seconds: 600 }, operator);
      expect(configured.status).toBe(202);
      await until('the evaluation after the new settings', async () => ((await healthOf()).length >= 3 ? true : undefined));
      expect((await handle.describe()).runId).toBe(firstRun);
      expect((await call('DELETE', '/assets/mill-life')).status).toBe(200);
      expect(await handle.result()).toMatchObject({ asset_id: 'mill-life', stopped: true });

      expect((await call('POST', '/assets', { id: 'mill-life', name: 'Mill L2', type_id: 'milling_machine' })).status).toBe(201);
      const again = await handle.describe();
      expect(again.runId).not.toBe(firstRun);
      expect(again.status.name).toBe('RUNNING');
      await call('DELETE', '/assets/mill-life');
      await handle.result();
    } finally {
      await worker.stop();
    }
  });
});
