import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let key: string;

beforeAll(async () => {
  stack = await startTestStack();
  key = await stack.key(['data:ingest', 'data:read', 'workflows:write', 'maintenance:read', 'ml:predict']);
});
afterAll(() => stack.close());

const call = (method: string, path: string, json?: unknown) => stack.request(`/api/v1${path}`, { method, key, json });

async function until<T>(what: string, probe: () => Promise<T | undefined>, tries = 600): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('POST /api/v1/simulate/asset-run', () => {
  it('replays a training engine into a new asset and ends with exactly one proposed order waiting for a human, with its worker stopped mid-run and replaced', async () => {
    expect((await call('POST', '/sites', { id: 'hangar-2', name: 'Hangar 2' })).status).toBe(201);
    expect(
      (await call('POST', '/assets', { id: 'esn-1', name: 'Engine 1', type_id: 'turbofan', site: 'hangar-2', criticality: 5 })).status,
    ).toBe(201);

    let worker = await stack.startWorker();
    const started = await call('POST', '/simulate/asset-run', {
      asset_id: 'esn-1',
      unit: 1,
      cycles_per_batch: 32,
      batch_interval_seconds: 0.1,
      interval_seconds: 3600,
    });
    expect(started.status).toBe(202);
    const run = await started.json();
    expect(run).toMatchObject({ sensors_attached: 14, cycles: 192, from_cycle: 1, to_cycle: 192 });
    expect(run.evaluator.workflow_id).toBe('asset-evaluator-esn-1');

    // Stop the worker once part of the engine is in, then bring another up: the run resumes.
    await until('the first batches', async () => {
      const [row] = await stack.sql<{ n: number }[]>`select count(*)::int as n from sensor_readings where sensor_id = 'esn-1.s2'`;
      return row!.n >= 64 ? true : undefined;
    });
    await worker.stop();
    worker = await stack.startWorker();

    const runHandle = stack.temporal.client.workflow.getHandle(run.workflow_id);
    expect(await runHandle.result()).toMatchObject({ batches: 6, inserted: 192 * 14 });

    const episodes = await until('a started episode', async () => {
      const body = (await (await call('GET', '/assets/esn-1/episodes')).json()) as { maintenance_workflow_id: string | null }[];
      return body.length && body[0]!.maintenance_workflow_id ? body : undefined;
    });
    const orders = await until('the order waiting for a decision', async () => {
      const body = (await (await call('GET', '/assets/esn-1/orders')).json()) as { status: string; deadline: string }[];
      return body.length && body[0]!.status === 'awaiting_approval' ? body : undefined;
    });
    // One more wake-up after the end of life starts nothing new.
    await stack.temporal.client.workflow.getHandle('asset-evaluator-esn-1').signal('readingsArrived');
    await new Promise((r) => setTimeout(r, 1000));
    expect((await (await call('GET', '/assets/esn-1/episodes')).json()).length).toBe(1);
    expect((await (await call('GET', '/assets/esn-1/orders')).json()).length).toBe(1);
    expect(episodes).toHaveLength(1);
    expect(orders).toHaveLength(1);
    // The deadline is half-way to the failure the RUL's lower bound foresaw when the episode opened (a day per cycle).
    const [opening] = await stack.sql<{ rul_lower: number; evaluated_at: Date }[]>`
      select rul_lower, evaluated_at from asset_health where asset_id = 'esn-1' and episode_id is not null order by id limit 1`;
    expect(opening!.rul_lower).toBeLessThan(30);
    const hours = (new Date(orders[0]!.deadline).getTime() - opening!.evaluated_at.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(Math.max(4, (opening!.rul_lower * 24) / 2), 0);

    const health = await (await call('GET', '/assets/esn-1/health')).json();
    expect(health.latest).toMatchObject({ status: 'ok', drifted: false, model: { name: 'cmapss_rul_regressor' } });
    expect(health.latest.rul).toBeLessThan(15);
    expect(health.latest.interval.lower).toBeLessThanOrEqual(health.latest.rul);
    expect(health.latest.interval.upper).toBeGreaterThanOrEqual(health.latest.rul);
    expect(health.latest.health).toBeLessThan(15);
    expect(health.latest.reasons.map((r: { code: string }) => r.code)).toContain('rul');
    expect(health.latest.reasons.some((r: { code: string }) => r.code === 'trend')).toBe(true);
    // RUL falls over the run: the first evaluation saw a healthier engine than the last.
    const oldest = health.history.filter((h: { status: string }) => h.status === 'ok').at(-1);
    expect(oldest.rul).toBeGreaterThan(health.latest.rul);

    // The same RUL from POST /ml/rul by asset id: the model on the asset's own latest window.
    const byAsset = await call('POST', '/ml/rul', { asset_id: 'esn-1' });
    expect(byAsset.status).toBe(200);
    const rulBody = await byAsset.json();
    expect(rulBody).toMatchObject({ rul: health.latest.rul, interval: health.latest.interval, data_until: health.latest.data_until });
    expect(rulBody.model_info.name).toBe('cmapss_rul_regressor');

    // The dashboard's heatmap request: a week in one-minute buckets, every one of the 192 cycles complete.
    const corr = await call('GET', '/assets/esn-1/correlations?window=7d&step=60s');
    const corrBody = await corr.json();
    expect(corr.status, JSON.stringify(corrBody).slice(0, 500)).toBe(200);
    expect(corrBody.roles).toHaveLength(14);
    expect(corrBody.buckets).toBe(192);

    const list = (await (await call('GET', '/assets?site=hangar-2')).json()) as { id: string; health: { health: number } | null }[];
    expect(list.map((a) => [a.id, a.health?.health])).toEqual([['esn-1', health.latest.health]]);

    await stack.temporal.client.workflow.getHandle('asset-evaluator-esn-1').signal('stop');
    await stack.temporal.client.workflow.getHandle(episodes[0]!.maintenance_workflow_id!).terminate('test done');
    await worker.stop();
  });

  it('refuses a failure-type asset, an unknown asset and an unknown engine with problem+json', async () => {
    await call('POST', '/assets', { id: 'mill-x', name: 'Mill', type_id: 'milling_machine' });
    const notEngine = await call('POST', '/simulate/asset-run', { asset_id: 'mill-x' });
    expect(notEngine.status).toBe(422);
    expect(notEngine.headers.get('content-type')).toContain('application/problem+json');
    expect((await notEngine.json()).errors).toEqual([
      {
        field: 'asset_id',
        message: 'mill-x is a milling_machine, not an engine-like (rul) asset',
        code: 'not_rul_asset',
        params: { asset: 'mill-x', type: 'milling_machine' },
      },
    ]);
    expect((await call('POST', '/simulate/asset-run', { asset_id: 'nope' })).status).toBe(404);
    const hasty = await call('POST', '/simulate/asset-run', { asset_id: 'esn-1', decision_timeout_seconds: 1 });
    expect(hasty.status).toBe(422);
    expect((await hasty.json()).errors).toEqual([
      { field: 'decision_timeout_seconds', message: 'must be at least 60', code: 'decision_timeout_too_short', params: { minimum: 60 } },
    ]);
    const badUnit = await call('POST', '/simulate/asset-run', { asset_id: 'esn-1', unit: 101 });
    expect(badUnit.status).toBe(422);
    // The schema bounds the unit by FD001's 100 engines before the use case looks it up.
    expect((await badUnit.json()).errors).toEqual([
      expect.objectContaining({ field: 'unit', code: 'too_big', params: expect.objectContaining({ maximum: 100 }) }),
    ]);
    expect((await call('GET', '/assets/nope/health')).status).toBe(404);
    const millRul = await call('POST', '/ml/rul', { asset_id: 'mill-x' });
    expect(millRul.status).toBe(422);
    expect((await millRul.json()).errors).toEqual([
      {
        field: 'asset_id',
        message: 'mill-x is a milling_machine: its model is not an RUL model',
        code: 'not_rul_asset',
        params: { asset: 'mill-x', type: 'milling_machine' },
      },
    ]);
    expect((await call('POST', '/ml/rul', { asset_id: 'nope' })).status).toBe(404);
    expect((await call('POST', '/ml/rul', { asset_id: 'esn-1', readings: [] })).status).toBe(422);
  });
});
