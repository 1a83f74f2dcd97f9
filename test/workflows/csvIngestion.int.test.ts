import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CsvIngestionProgress } from '../../workflows/csvIngestion';
import { createTimeSkippingEnv } from '../support/timeSkipping';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await createTimeSkippingEnv();
});
afterAll(() => env?.teardown());

describe('csvIngestion on the time-skipping server', () => {
  it('ingests in chunks of 5,000 records and adds up their results, keeping the first 100 errors', async () => {
    const calls: { from: number; to: number }[] = [];
    const released: string[] = [];
    const taskQueue = `csv-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      activities: {
        async ingestCsvRange(input: { from: number; to: number }) {
          calls.push({ from: input.from, to: input.to });
          const errors = Array.from({ length: 60 }, (_, i) => ({ line: input.from + i + 2, field: 'value', message: 'bad' }));
          return { inserted: input.to - input.from - 60, duplicates: 0, invalid: 60, errors, resumedAt: null };
        },
        async releaseCsvUpload(input: { uploadId: string }) {
          // Recorded after the ranges it follows: the file is released only once every row is in.
          released.push(`${input.uploadId}@${calls.length}`);
          return { released: true };
        },
      },
    });
    const uploadId = randomUUID();
    const result = (await worker.runUntil(
      env.client.workflow.execute('csvIngestion', {
        taskQueue,
        workflowId: `csv-ingest-${randomUUID()}`,
        args: [{ uploadId, records: 12_000 }],
      }),
    )) as CsvIngestionProgress;
    expect(calls).toEqual([
      { from: 0, to: 5000 },
      { from: 5000, to: 10_000 },
      { from: 10_000, to: 12_000 },
    ]);
    expect(result).toMatchObject({ status: 'completed', rows_total: 12_000, rows_done: 12_000, inserted: 12_000 - 180, invalid: 180 });
    expect(result.errors).toHaveLength(100);
    expect(released).toEqual([`${uploadId}@3`]);
    expect(result.errors[0]).toEqual({ line: 2, field: 'value', message: 'bad' });
  });
});
