import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maybeRecordHistory } from '../support/histories';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let key: string;

beforeAll(async () => {
  stack = await startTestStack();
  key = await stack.key(['data:ingest', 'data:read', 'workflows:read']);
  await stack.startWorker();
});
afterAll(() => stack.close());

async function waitForClose(workflowId: string) {
  for (let i = 0; i < 200; i++) {
    const res = await stack.request(`/api/v1/workflows/${workflowId}`, { key });
    const body = await res.json();
    if (body.status !== 'running') return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('workflow did not finish');
}

describe('POST /api/v1/data/ingest/csv', () => {
  it('ingests valid rows through a workflow and reports invalid ones by line', async () => {
    const csv = [
      'sensor_id,value,timestamp,sensor_type',
      'csv-a,1.5,2026-03-01T00:00:00Z,vibration',
      'csv-a,oops,2026-03-01T00:01:00Z,vibration',
      'csv-a,2.5,2026-03-01T00:02:00Z,vibration',
      'csv-b,3.5,2026-03-01T00:03:00Z,unknown_type',
    ].join('\n');
    const res = await stack.request('/api/v1/data/ingest/csv?filename=a.csv', {
      method: 'POST',
      key,
      headers: { 'Content-Type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(202);
    const started = await res.json();
    expect(started).toMatchObject({ rows_total: 4, workflow_id: expect.stringMatching(/^csv-ingest-/) });
    expect(started.temporal_url).toContain(`/workflows/${started.workflow_id}`);
    const done = await waitForClose(started.workflow_id);
    await maybeRecordHistory(stack.temporal.client.workflow.getHandle(started.workflow_id), 'csvIngestion-completed');
    expect(done.status).toBe('completed');
    expect(done.progress).toMatchObject({ status: 'completed', rows_total: 4, rows_done: 4, inserted: 2, invalid: 2 });
    expect(done.progress.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [3, 'value'],
      [5, 'sensor_type'],
    ]);
    const [row] = await stack.sql<{ n: bigint }[]>`select count(*) as n from sensor_readings where sensor_id = 'csv-a'`;
    expect(Number(row!.n)).toBe(2);
  });

  it("scores the file's sensors before it completes: a backfilled spike is an alarm at once, historical, paging nobody", async () => {
    const sensorId = `csv-alarm-${Date.now().toString(36)}`;
    const start = Date.now() - 10 * 24 * 3600_000;
    // A steady sawtooth the detector learns on its first 200 rows, then one spike.
    const rows = Array.from({ length: 300 }, (_, i) => {
      const value = i === 260 ? 150 : 40 + (i % 7) * 0.5;
      return `${sensorId},${value},${new Date(start + i * 60_000).toISOString()},vibration`;
    });
    // Rows out of order: the scorer puts them back in time order.
    const body = ['sensor_id,value,timestamp,sensor_type', ...rows.slice(150), ...rows.slice(0, 150)].join('\n');
    const res = await stack.request('/api/v1/data/ingest/csv?filename=backfill.csv', {
      method: 'POST',
      key,
      headers: { 'Content-Type': 'text/csv' },
      body,
    });
    expect(res.status).toBe(202);
    const started = await res.json();
    const done = await waitForClose(started.workflow_id);
    await maybeRecordHistory(stack.temporal.client.workflow.getHandle(started.workflow_id), 'csvIngestion-scored');
    expect(done.progress).toMatchObject({ status: 'completed', inserted: 300, sensors_scored: 1, alarms_started: [] });
    const alarms = await stack.sql<{ state: string; historical: boolean; start_ts: Date }[]>`
      select state, historical, start_ts from alarms where sensor_id = ${sensorId}`;
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ state: 'resolved', historical: true });
    expect(alarms[0]!.start_ts.getTime()).toBe(start + 260 * 60_000);
  });

  it('refuses a structurally malformed file whole, naming the line, and stores nothing', async () => {
    const before = await stack.sql`select count(*)::int as n from csv_uploads`;
    const csv = 'sensor_id,value\ncsv-c,1\ncsv-c,"2\n';
    const res = await stack.request('/api/v1/data/ingest/csv', { method: 'POST', key, headers: { 'Content-Type': 'text/csv' }, body: csv });
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.errors[0].field).toBe('csv.line.3');
    const after = await stack.sql`select count(*)::int as n from csv_uploads`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
