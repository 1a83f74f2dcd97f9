import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDefaultTechnicians } from '../../db/technicians';
import { GOLDEN_PATH_STAGES, type GoldenPathStatus, type StageName } from '../../workflows/goldenPathState';
import { killAllServices, startWorkerProcess, waitUntil, type ServiceProcess } from '../support/processes';
import { startTestStack, type TestStack } from '../support/stack';
import { directSql, serviceEnv } from './harness';

/**
 * SPEC 10, "a worker killed at any stage loses nothing and duplicates nothing": for each of the
 * seven Golden Path stages, a worker child process (`worker/runWorker.ts`) is SIGKILLed as soon
 * as the progress query shows that stage running, a fresh worker process is started, and the run
 * must complete with one order, one live booking, one decision, one report and its readings once.
 *
 * Each stage gets its own task queue, API stack and worker, so the seven kills run side by side
 * (an activity lost with its worker is only retried after its 1-minute start-to-close timeout;
 * seven of those in a row would take too long). Stages take tens of milliseconds: the progress
 * query is polled every 20 ms and the kill is sent the moment the stage is seen running. When a
 * stage slips by between two polls, that run is left to finish and another is started (bounded).
 */

const SENSOR_EVENTS = 20;
const POLL_MS = 20;
const ATTEMPTS_PER_STAGE = 4;

interface Lane {
  stage: StageName;
  stack: TestStack;
  env: Record<string, string>;
  worker: ServiceProcess;
  key: string;
}

const sql = directSql();
const lanes: Lane[] = [];

beforeAll(async () => {
  await seedDefaultTechnicians(sql);
  for (const stage of GOLDEN_PATH_STAGES) {
    const env = serviceEnv(`wk-${stage.replace('_', '')}`);
    const stack = await startTestStack({ TEMPORAL_TASK_QUEUE_PREFIX: env.TEMPORAL_TASK_QUEUE_PREFIX!, REDIS_PREFIX: env.REDIS_PREFIX! });
    const key = await stack.key(['workflows:write', 'workflows:read']);
    lanes.push({ stage, stack, env, key, worker: startWorkerProcess(env) });
  }
  await Promise.all(lanes.map((lane) => waitForPoller(lane)));
}, 240_000);

afterAll(async () => {
  await killAllServices();
  await Promise.allSettled(lanes.map((l) => l.stack.close()));
  await sql.end();
});

/** A worker is ready once Temporal lists its process among the workflow-queue pollers. */
async function waitForPoller(lane: Lane): Promise<void> {
  const { client, taskQueue } = lane.stack.temporal;
  await waitUntil(
    `worker ${lane.worker.pid} polling ${taskQueue}`,
    async () => {
      if (lane.worker.child.exitCode !== null) throw new Error(`worker exited: ${lane.worker.output().slice(-1500)}`);
      const res = await client.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: { name: taskQueue },
        taskQueueType: 1,
      });
      return res.pollers?.some((p) => p.identity?.startsWith(`${lane.worker.pid}@`)) ? true : undefined;
    },
    { timeoutMs: 180_000, intervalMs: 250 },
  );
}

async function startRun(lane: Lane): Promise<{ correlation_id: string; workflow_id: string }> {
  const res = await lane.stack.request('/api/v1/demo/golden-path', {
    method: 'POST',
    key: lane.key,
    json: { sensor_events: SENSOR_EVENTS, scenario: 'drift', auto_decision: 'approved' },
  });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(202);
  return body;
}

/**
 * Starts runs until one is seen with `lane.stage` running, then SIGKILLs the worker at once.
 * Returns the run that was hit (and how many runs slipped past the kill window).
 */
async function killDuringStage(
  lane: Lane,
): Promise<{ workflowId: string; correlationId: string; slipped: number; observedAfterMs: number }> {
  const index = GOLDEN_PATH_STAGES.indexOf(lane.stage);
  for (let attempt = 0; attempt < ATTEMPTS_PER_STAGE; attempt++) {
    const started = await startRun(lane);
    const handle = lane.stack.temporal.client.workflow.getHandle(started.workflow_id);
    const t0 = Date.now();
    for (;;) {
      const doc = await handle.query<GoldenPathStatus>('progress').catch(() => undefined);
      const status = doc?.stages[index]?.status;
      if (status === 'running') {
        lane.worker.child.kill('SIGKILL');
        await lane.worker.exited;
        return {
          workflowId: started.workflow_id,
          correlationId: started.correlation_id,
          slipped: attempt,
          observedAfterMs: Date.now() - t0,
        };
      }
      if (status === 'complete' || status === 'skipped' || status === 'failed' || Date.now() - t0 > 60_000) break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
  throw new Error(`never observed stage ${lane.stage} running in ${ATTEMPTS_PER_STAGE} runs`);
}

/** What the kill interrupted, read from the run's history after the fact. */
async function whatTheKillHit(lane: Lane, workflowId: string): Promise<string> {
  const history = await lane.stack.temporal.client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  const activityTimeouts = events.filter((e) => e.activityTaskTimedOutEventAttributes).length;
  const retriedActivities = events.filter((e) => (e.activityTaskStartedEventAttributes?.attempt ?? 1) > 1).length;
  const workflowTaskTimeouts = events.filter((e) => e.workflowTaskTimedOutEventAttributes).length;
  return `activity timeouts=${activityTimeouts} retried activity attempts=${retriedActivities} workflow-task timeouts=${workflowTaskTimeouts}`;
}

describe('Golden Path with its worker process SIGKILLed', () => {
  it('completes after a fresh worker starts, whichever of the seven stages the kill hit, with nothing lost or duplicated', async () => {
    const started = Date.now();
    const hits = await Promise.all(
      lanes.map(async (lane) => {
        const hit = await killDuringStage(lane);
        lane.worker = startWorkerProcess(lane.env);
        return { lane, ...hit, killedAtMs: Date.now() - started };
      }),
    );

    const finished = await Promise.all(
      hits.map(async (hit) => {
        const handle = hit.lane.stack.temporal.client.workflow.getHandle(hit.workflowId);
        const result = (await handle.result()) as GoldenPathStatus;
        return { ...hit, result, doneAtMs: Date.now() - started, hitWhat: await whatTheKillHit(hit.lane, hit.workflowId) };
      }),
    );

    for (const run of finished) {
      console.log(
        `[worker killed] stage=${run.lane.stage} seen running after ${run.observedAfterMs} ms (runs slipped: ${run.slipped}); ` +
          `completed ${Math.round((run.doneAtMs - run.killedAtMs) / 100) / 10} s after the kill; ${run.hitWhat}`,
      );
    }

    for (const { result, workflowId, correlationId, lane } of finished) {
      const label = `${lane.stage} ${workflowId}`;
      expect(result.status, label).toBe('completed');
      expect(
        result.stages.map((s) => s.status),
        label,
      ).toEqual(['complete', 'complete', 'complete', 'complete', 'complete', 'complete', 'complete']);

      const orders = await sql`select id, status from maintenance_orders where workflow_id = ${workflowId}`;
      expect(orders, label).toHaveLength(1);
      expect(orders[0]!.status, label).toBe('scheduled');
      expect(orders[0]!.id, label).toBe(result.maintenance_order_id);
      const live = await sql`select status from technician_bookings where order_id = ${orders[0]!.id} and status <> 'released'`;
      expect(
        live.map((b) => b.status),
        label,
      ).toEqual(['firm']);
      const decisions = await sql`select decision, operator_id from human_decisions where workflow_id = ${workflowId}`;
      expect(decisions, label).toEqual([{ decision: 'approved', operator_id: 'auto' }]);
      const [{ readings }] = await sql`select count(*)::int as readings from sensor_readings where correlation_id = ${correlationId}`;
      expect(readings, label).toBe(SENSOR_EVENTS);
      const reports = await sql`select id from reports where workflow_id = ${workflowId}`;
      expect(
        reports.map((r) => r.id),
        label,
      ).toEqual([result.report_id]);
      const [{ predictions }] = await sql`select count(*)::int as predictions from predictions where workflow_id = ${workflowId}`;
      expect(predictions, label).toBe(1);
      const [{ drift }] = await sql`select count(*)::int as drift from drift_checks where workflow_id = ${workflowId}`;
      expect(drift, label).toBe(1);
      const [{ knowledge }] = await sql`select count(*)::int as knowledge from knowledge where workflow_id = ${workflowId}`;
      expect(knowledge, label).toBe(1);
      const doubleSent = await sql`
        select dedup_key, channel from notifications where workflow_id = ${workflowId} and status = 'sent'
        group by 1, 2 having count(*) > 1`;
      expect(doubleSent, label).toEqual([]);
    }
  }, 300_000);
});
