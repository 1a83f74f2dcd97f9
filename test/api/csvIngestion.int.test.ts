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
