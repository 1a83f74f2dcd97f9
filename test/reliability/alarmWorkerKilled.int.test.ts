import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { generateScenario, seedFrom } from '../../domain/scenarios';
import type { AlarmLifecycleStatus } from '../../workflows/alarmLifecycle';
import { killAllServices, startWorkerProcess, waitUntil, type ServiceProcess } from '../support/processes';
import { startTestStack, type TestStack } from '../support/stack';
import { directSql, serviceEnv } from './harness';

/**
 * An alarm's lifecycle outlives its worker: a worker process SIGKILLed while the alarm waits,
 * acknowledged, on its durable timers changes nothing. A fresh worker picks the workflow up with
 * its state (acknowledged, assigned) and the rest of the lifecycle runs once: one of each
 * timeline entry, one page to the on-call level.
 */
const sql = directSql();
let stack: TestStack;
let env: Record<string, string>;
let worker: ServiceProcess;
let key: string;

async function waitForPoller(w: ServiceProcess): Promise<void> {
  const { client, taskQueue } = stack.temporal;
  await waitUntil(
    `worker ${w.pid} polling`,
    async () => {
      if (w.child.exitCode !== null) throw new Error(`worker exited: ${w.output().slice(-1500)}`);
      const res = await client.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: { name: taskQueue },
        taskQueueType: 1,
      });
      return res.pollers?.some((p) => p.identity?.startsWith(`${w.pid}@`)) ? true : undefined;
    },
    { timeoutMs: 180_000, intervalMs: 250 },
  );
}

beforeAll(async () => {
  env = serviceEnv('alarm-kill', { WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath') });
  stack = await startTestStack({ TEMPORAL_TASK_QUEUE_PREFIX: env.TEMPORAL_TASK_QUEUE_PREFIX!, REDIS_PREFIX: env.REDIS_PREFIX! });
  key = await stack.key(['data:ingest', 'data:read', 'decisions:write']);
  worker = startWorkerProcess(env);
  await waitForPoller(worker);
}, 240_000);

afterAll(async () => {
  await killAllServices();
  await stack?.close();
  await sql.end();
});

const post = (path: string, json: unknown) => stack.request(path, { method: 'POST', key, json });

describe('an alarm lifecycle whose worker is SIGKILLed', () => {
  it('keeps its state and completes once on a fresh worker, with nothing lost or duplicated', async () => {
    const sensorId = `kill-${randomUUID().slice(0, 8)}`;
    const end = Date.now();
    const readings = generateScenario('normal', { count: 320, seed: seedFrom(sensorId) }).map((r, i) => ({
      sensor_id: sensorId,
      sensor_type: 'torque',
      value: r.value,
      quality: 0.99,
      timestamp: new Date(end - (320 - i) * 60_000).toISOString(),
    }));
    expect((await post('/api/v1/data/ingest/batch', { readings })).status).toBe(200);
    expect(
      (
        await post('/api/v1/data/ingest', {
          sensor_id: sensorId,
          sensor_type: 'torque',
          value: 99,
          quality: 0.99,
          timestamp: new Date().toISOString(),
        })
      ).status,
    ).toBe(200);
    const alarm = await waitUntil('the alarm with its lifecycle', async () => {
      const [row] = await sql`select id, workflow_id from alarms where sensor_id = ${sensorId}`;
      return row?.workflow_id ? row : undefined;
    });
    const ack = await post(`/api/v1/alarms/${alarm.id}/acknowledge`, { note: 'on it', assigned_to: 'night-shift' });
    expect(ack.status).toBe(200);

    worker.child.kill('SIGKILL');
    await worker.exited;
    worker = startWorkerProcess(env);
    await waitForPoller(worker);

    const handle = stack.temporal.client.workflow.getHandle(alarm.workflow_id as string);
    const status = await handle.query<AlarmLifecycleStatus>('alarmStatus');
    expect(status).toMatchObject({ state: 'acknowledged', assigned_to: 'night-shift', notes: [{ text: 'on it' }] });
    const resolved = await post(`/api/v1/alarms/${alarm.id}/resolve`, { cause: 'coupling replaced' });
    expect(resolved.status).toBe(200);
    expect(((await handle.result()) as AlarmLifecycleStatus).state).toBe('resolved');

    const timeline = await sql`select type from alarm_events where alarm_id = ${alarm.id} order by id`;
    expect(timeline.map((e) => e.type)).toEqual(['raised', 'lifecycle_started', 'acknowledged', 'resolved']);
    const pages =
      await sql`select count(distinct dedup_key)::int as n from notifications where dedup_key like ${`${alarm.workflow_id}:notify:%`}`;
    expect(pages[0]!.n).toBe(1);
    const [row] = await sql`select state, assigned_to, acknowledged_by, resolution_cause from alarms where id = ${alarm.id}`;
    expect(row).toMatchObject({ state: 'resolved', assigned_to: 'night-shift', resolution_cause: 'coupling replaced' });
  });
});
