import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../activities';
import { registerBusinessMetrics } from '../../activities/metricsCollector';
import { insertDriftCheck } from '../../db/driftChecks';
import { insertReadings } from '../../db/readings';
import { predictFailure } from '../../models';
import { createLogger } from '../../observability/logger';
import { attachSensorToAsset, createAsset } from '../../usecases/assets';
import { pendingDecisions } from '../../usecases/pendingDecisions';
import { ensureRoleSensors, writeEngineCycles } from '../../usecases/assetRun';
import type { AssetEvaluatorInput, AssetEvaluatorState } from '../../workflows/assetEvaluator';
import type { AssetMaintenanceProgress } from '../../workflows/assetMaintenance';
import { maybeRecordHistory } from '../support/histories';
import { startTestStack, type TestStack } from '../support/stack';
import { createTimeSkippingEnv } from '../support/timeSkipping';

let env: TestWorkflowEnvironment;
let stack: TestStack;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  stack = await startTestStack();
});
afterAll(async () => {
  await env?.teardown();
  await stack?.close();
});

async function withWorker(body: (taskQueue: string) => Promise<void>) {
  const taskQueue = `assets-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: createActivities({
      sql: stack.sql,
      config: stack.config,
      metrics: registerBusinessMetrics(new Registry()),
      logger: createLogger('worker-test', 'silent'),
    }),
  });
  await worker.runUntil(body(taskQueue));
}

const state = (h: WorkflowHandle) => h.query<AssetEvaluatorState>('state');

/** Waits (in real time: queries do not skip time) until the evaluator has made `n` evaluations. */
/**
 * The state once `n` evaluations are done and `settled` holds: a query may land between an
 * evaluation and the maintenance start it leads to, so a test expecting a start waits for it.
 */
async function evaluations(h: WorkflowHandle, n: number, settled = (_: AssetEvaluatorState) => true): Promise<AssetEvaluatorState> {
  for (let i = 0; i < 300; i++) {
    const s = await state(h);
    if (s.evaluations >= n && settled(s)) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the evaluator did not reach ${n} evaluations`);
}

function startEvaluator(taskQueue: string, assetId: string, decisionTimeoutSeconds = 7200) {
  const input: AssetEvaluatorInput = { assetId, intervalSeconds: 3600, decisionTimeoutSeconds, timeoutPolicy: 'auto_approve' };
  return env.client.workflow.start('assetEvaluator', { taskQueue, workflowId: `asset-evaluator-${assetId}`, args: [input] });
}

const episodesOf = (assetId: string) =>
  stack.sql<{ id: string; maintenance_workflow_id: string | null; gate_reason: string | null; closed_at: Date | null }[]>`
    select id, maintenance_workflow_id, gate_reason, closed_at from asset_episodes where asset_id = ${assetId} order by opened_at`;

describe('assetEvaluator on the time-skipping server, against the real database and models', () => {
  it('starts maintenance exactly once for a degrading engine, with the deadline from the RUL lower bound', async () => {
    const assetId = `engine-${randomUUID().slice(0, 8)}`;
    await createAsset({ id: assetId, name: 'Engine 1', type_id: 'turbofan', site: null, criticality: 5, metadata: {} }, stack.sql);
    const now = new Date();
    const lastCycle = 192;
    await ensureRoleSensors(assetId, stack.sql, now, new Date(now.getTime() - lastCycle * 60_000));
    const write = (fromCycle: number, toCycle: number) =>
      writeEngineCycles({ assetId, unit: 1, fromCycle, toCycle, anchor: now, lastCycle, cycleSeconds: 60, runId: 'test' }, stack.sql);
    await write(1, 100);

    await withWorker(async (taskQueue) => {
      const h = await startEvaluator(taskQueue, assetId);
      const first = await evaluations(h, 1);
      expect(first.last).toMatchObject({ status: 'ok', action: 'none', start: null });
      expect(first.last!.health).toBeGreaterThan(50);

      // The rest of the engine's life, ten cycles at a time, each batch announced by a signal.
      let seen = 1;
      const actions: string[] = [];
      for (let from = 101; from <= lastCycle; from += 10) {
        await write(from, Math.min(lastCycle, from + 9));
        await h.signal('readingsArrived');
        const s = await evaluations(h, ++seen);
        actions.push(s.last!.action);
      }
      // Extra wake-ups with no new data change nothing: still one episode, one start.
      await h.signal('readingsArrived');
      const last = await evaluations(h, ++seen);
      expect(actions.filter((a) => a === 'open')).toHaveLength(1);
      expect(actions.filter((a) => a === 'start')).toHaveLength(0);
      expect(last.started).toHaveLength(1);
      expect(last.last!.health).toBeLessThan(25);

      const episodes = await episodesOf(assetId);
      expect(episodes).toHaveLength(1);
      expect(episodes[0]!.maintenance_workflow_id).toBe(`asset-maintenance-${assetId}-${episodes[0]!.id}`);

      const child = env.client.workflow.getHandle(episodes[0]!.maintenance_workflow_id!);
      let progress: AssetMaintenanceProgress;
      for (;;) {
        progress = await child.query<AssetMaintenanceProgress>('progress');
        if (progress.status === 'waiting_for_decision') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const [order] = await stack.sql<{ equipment: string; deadline: Date; created_at: Date; status: string }[]>`
        select equipment, deadline, created_at, status from maintenance_orders where id = ${progress.maintenance_order_id}`;
      expect(order).toMatchObject({ equipment: assetId, status: 'awaiting_approval' });
      // The deadline is half-way to the failure the RUL interval's lower bound predicts (a day per cycle).
      const health = await stack.sql<{ rul_lower: number }[]>`
        select rul_lower from asset_health where asset_id = ${assetId} and episode_id is not null order by id limit 1`;
      const halfWayHours = Math.max(4, (health[0]!.rul_lower * 24) / 2);
      const deadlineHours = (order!.deadline.getTime() - order!.created_at.getTime()) / 3_600_000;
      expect(deadlineHours).toBeCloseTo(halfWayHours, 0);

      await h.signal('stop');
      const result = await h.result();
      expect(result.stopped).toBe(true);
      await maybeRecordHistory(h, 'assetEvaluator-episode');

      await child.signal('decision', { decision: 'approved', operator_id: 'planner', justification: 'engine near end of life' });
      const done = await child.result();
      expect(done.decision).toMatchObject({ decision: 'approved', source: 'signal' });
      await maybeRecordHistory(child, 'assetMaintenance-approved');
    });
  });

  it('starts maintenance from drifted inputs, shows the drift in the decision request, and never auto-approves it', async () => {
    const assetId = `mill-${randomUUID().slice(0, 8)}`;
    await createAsset({ id: assetId, name: 'Mill', type_id: 'milling_machine', site: null, criticality: 3, metadata: {} }, stack.sql);
    const risky = { air_temperature: 302, process_temperature: 311, rotational_speed: 1250, torque: 68, tool_wear: 235 };
    const features = { Air_temperature_K: 302, Process_temperature_K: 311, Rotational_speed_rpm: 1250, Torque_Nm: 68, Tool_wear_min: 235 };
    const p = await predictFailure(features, { modelName: 'ai4i_classifier_randomforest_baseline' });
    expect(p.probability).toBeGreaterThanOrEqual(p.threshold);
    const ts = new Date();
    for (const [role, value] of Object.entries(risky)) {
      const sensorId = `${assetId}.${role}`;
      await attachSensorToAsset(assetId, { sensorId, role, sensorType: 'torque', from: new Date(ts.getTime() - 60_000) }, stack.sql, ts);
      await insertReadings(
        [{ sensorId, ts, value, unit: null, quality: 1, sensorType: 'torque', metadata: {}, correlationId: null, idempotencyKey: null }],
        stack.sql,
      );
    }
    // The torque sensor's latest check found drift: the evidence the decision request must show.
    await insertDriftCheck(
      {
        sensorId: `${assetId}.torque`,
        windowMinutes: 60,
        referenceCount: 100,
        recentCount: 100,
        ksStatistic: 0.6,
        pValue: 1e-9,
        psi: 0.9,
        driftDetected: true,
        status: 'drift',
        workflowId: null,
        dedupKey: null,
      },
      stack.sql,
    );

    await withWorker(async (taskQueue) => {
      // The evaluator is configured to approve on timeout (startEvaluator): drift must override it.
      // A deadline short in real time: it passes whether or not the server skips time.
      const h = await startEvaluator(taskQueue, assetId, 4);
      const opened = await evaluations(h, 1, (s) => s.started.length > 0);
      expect(opened.last).toMatchObject({ action: 'open', drifted: true });
      expect(opened.last!.start!.drift).toEqual([
        expect.objectContaining({ sensor_id: `${assetId}.torque`, window_minutes: 60, ks_statistic: 0.6, p_value: 1e-9, psi: 0.9 }),
      ]);
      expect(opened.started).toHaveLength(1);
      const [marked] = await stack.sql<{ drifted: boolean }[]>`select drifted from asset_health where asset_id = ${assetId}`;
      expect(marked!.drifted).toBe(true);

      // Still drifting: still one episode, one flow.
      await h.signal('readingsArrived');
      expect((await evaluations(h, 2)).started).toHaveLength(1);
      const episodes = await episodesOf(assetId);
      expect(episodes).toHaveLength(1);
      const [episode] = episodes;
      expect(episode!.maintenance_workflow_id).toBe(opened.started[0]);
      expect(episode!.gate_reason).toMatch(/drifted/);
      await h.signal('stop');
      await h.result();

      const child = env.client.workflow.getHandle(episode!.maintenance_workflow_id!);
      let progress: AssetMaintenanceProgress;
      for (;;) {
        progress = await child.query<AssetMaintenanceProgress>('progress');
        if (progress.status === 'waiting_for_decision') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // The decision request a person sees carries the drift evidence.
      const pending = (await pendingDecisions(stack.sql)).find((d) => d.request_id === progress.decision_request_id);
      expect(pending?.drift).toEqual([
        expect.objectContaining({ sensor_id: `${assetId}.torque`, window_minutes: 60, ks_statistic: 0.6, p_value: 1e-9, psi: 0.9 }),
      ]);

      // The deadline passes: the auto_approve policy does not approve.
      const done = await child.result();
      expect(done.decision).toMatchObject({ decision: 'escalated', source: 'timeout_policy' });
      expect(done.decision!.justification).toMatch(/drifted/);
      const [order] = await stack.sql<
        { status: string }[]
      >`select status from maintenance_orders where id = ${progress.maintenance_order_id}`;
      expect(order!.status).not.toMatch(/approved|scheduled/);
      await maybeRecordHistory(child, 'assetMaintenance-drift-escalated');
    });
  });
});
