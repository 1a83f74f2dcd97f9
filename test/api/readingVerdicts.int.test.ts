import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestionActivities } from '../../activities/ingestion';
import { BAD_READING_COLUMNS, badReadings, csvCells } from '../support/badReadings';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let key: string;

beforeAll(async () => {
  stack = await startTestStack();
  key = await stack.key(['data:ingest', 'data:read', 'workflows:read']);
  await stack.startWorker();
});
afterAll(() => stack.close());

interface Verdict {
  field: string;
  message: string;
  code?: string;
}

async function waitForClose(workflowId: string) {
  for (let i = 0; i < 200; i++) {
    const body = await (await stack.request(`/api/v1/workflows/${workflowId}`, { key })).json();
    if (body.status !== 'running') return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('workflow did not finish');
}

describe('a bad reading on every ingest path', () => {
  it('gets the same field and message from REST single, REST batch and the CSV workflow, and writes nothing', async () => {
    const sensor = `verdict-${randomUUID().slice(0, 8)}`;
    const bad = badReadings(sensor, new Date());

    const single: Verdict[][] = [];
    const batch: Verdict[][] = [];
    for (const b of bad) {
      const one = await stack.request('/api/v1/data/ingest', { method: 'POST', key, json: b.json });
      expect(one.status).toBe(422);
      single.push((await one.json()).errors);
      const many = await stack.request('/api/v1/data/ingest/batch', { method: 'POST', key, json: { readings: [b.json] } });
      expect(many.status).toBe(422);
      batch.push(((await many.json()).errors as Verdict[]).map((e) => ({ ...e, field: e.field.replace(/^readings\.0\./, '') })));
    }
    expect(single.map((errors) => errors.map((e) => e.field))).toEqual(bad.map((b) => [b.field]));
    expect(single.find((errors) => errors[0]!.field === 'timestamp')![0]!.message).toMatch(/s in the future$/);
    expect(batch).toEqual(single);

    const csv = [BAD_READING_COLUMNS.join(','), ...bad.map((b) => csvCells(b.json).join(','))].join('\n');
    const res = await stack.request('/api/v1/data/ingest/csv', { method: 'POST', key, headers: { 'Content-Type': 'text/csv' }, body: csv });
    expect(res.status).toBe(202);
    const done = await waitForClose((await res.json()).workflow_id);
    expect(done.progress).toMatchObject({ status: 'completed', inserted: 0, invalid: bad.length });
    // Line 1 is the header: reading i is on line i + 2.
    // The CSV report keeps each field and English message; the API's answers add the code the dashboard translates.
    expect(done.progress.errors).toEqual(
      single.flatMap((errors, i) => errors.map((e) => ({ line: i + 2, field: e.field, message: e.message }))),
    );
    expect(single.flat().every((e) => typeof e.code === 'string')).toBe(true);

    const [row] = await stack.sql<{ n: number }[]>`select count(*)::int as n from sensor_readings where sensor_id = ${sensor}`;
    expect(row!.n).toBe(0);
  });

  it('refuses a demo run that would end in the future with the verdict REST gives such a timestamp', async () => {
    const now = new Date();
    const future = badReadings('demo-verdict', now)[0]!;
    const rest = await stack.request('/api/v1/data/ingest', { method: 'POST', key, json: future.json });
    const [expected] = (await rest.json()).errors as Verdict[];
    const agents = createIngestionActivities({ sql: stack.sql, maxFutureSkewSeconds: stack.config.MAX_FUTURE_SKEW_SECONDS });
    const run = new MockActivityEnvironment().run(agents.ingestScenarioReadings, {
      correlationId: randomUUID(),
      sensorId: `demo-${randomUUID().slice(0, 8)}`,
      scenario: 'normal' as const,
      count: 5,
      end: future.json.timestamp,
    });
    await expect(run).rejects.toMatchObject({ type: 'InvalidInput', nonRetryable: true, details: [[expected]] });
  });
});
