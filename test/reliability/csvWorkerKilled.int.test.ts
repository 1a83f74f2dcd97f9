import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAllServices, startWorkerProcess, waitUntil } from '../support/processes';
import { startTestStack, type TestStack } from '../support/stack';
import { directSql, serviceEnv } from './harness';

/**
 * Issue 2: "a worker killed mid-file resumes without duplicating rows". A worker child process is
 * SIGKILLed while it ingests a 30,000-row CSV; a new worker picks the activity up after its
 * heartbeat timeout, resumes from the last heartbeat, and the file ends with every row once.
 */
const ROWS = 30_000;
const sql = directSql();
let stack: TestStack;
let env: Record<string, string>;

beforeAll(async () => {
  env = serviceEnv('csvkill');
  stack = await startTestStack({ TEMPORAL_TASK_QUEUE_PREFIX: env.TEMPORAL_TASK_QUEUE_PREFIX!, REDIS_PREFIX: env.REDIS_PREFIX! });
});
afterAll(async () => {
  await killAllServices();
  await stack?.close();
  await sql.end();
});

describe('CSV ingestion when its worker is killed mid-file', () => {
  it('completes with every row exactly once after a new worker resumes it', async () => {
    const key = await stack.key(['data:ingest', 'workflows:read']);
    const sensor = `csv-kill-${Date.now()}`;
    const start = Date.UTC(2026, 3, 1);
    const csv = [
      'sensor_id,value,timestamp',
      ...Array.from({ length: ROWS }, (_, i) => `${sensor},${(i % 97) / 7},${new Date(start + i * 1000).toISOString()}`),
    ].join('\n');
    const first = startWorkerProcess(env);
    const res = await stack.request('/api/v1/data/ingest/csv', { method: 'POST', key, headers: { 'Content-Type': 'text/csv' }, body: csv });
    expect(res.status).toBe(202);
    const { workflow_id: workflowId, upload_id: uploadId } = await res.json();
    const count = async () =>
      (await sql<{ n: number }[]>`select count(*)::int as n from sensor_readings where idempotency_key like ${`csv:${uploadId}:%`}`)[0]!.n;

    // Kill as soon as some, but not all, rows are in.
    await waitUntil('some rows ingested', async () => ((await count()) >= 1000 ? true : undefined), { timeoutMs: 90_000, intervalMs: 20 });
    await first.kill();
    const atKill = await count();
    expect(atKill).toBeLessThan(ROWS);

    startWorkerProcess(env);
    await waitUntil(
      'workflow completed',
      async () =>
        (await (await stack.request(`/api/v1/workflows/${workflowId}`, { key })).json()).status === 'completed' ? true : undefined,
      { timeoutMs: 150_000, intervalMs: 500 },
    );
    const [{ n, keys }] =
      await sql`select count(*)::int as n, count(distinct idempotency_key)::int as keys from sensor_readings where sensor_id = ${sensor}`;
    expect({ n, keys }).toEqual({ n: ROWS, keys: ROWS });
    const done = await (await stack.request(`/api/v1/workflows/${workflowId}`, { key })).json();
    expect(done.progress).toMatchObject({ status: 'completed', rows_total: ROWS, rows_done: ROWS, invalid: 0 });
    console.log(`[csv worker killed] at ${atKill}/${ROWS} rows; completed with ${n} rows, ${keys} distinct keys`);
  }, 300_000);
});
