import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
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

  it('scores each sensor of the file once after every row is in, starts the live alarms, and leaves a failed sensor to the sweep', async () => {
    const order: string[] = [];
    const taskQueue = `csv-${randomUUID()}`;
    const alarmId = randomUUID();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      activities: {
        async ingestCsvRange(input: { from: number; to: number }) {
          order.push(`range:${input.from}`);
          const sensorIds = input.from === 0 ? ['s-b', 's-a'] : ['s-a', 's-c'];
          return { inserted: input.to - input.from, duplicates: 0, invalid: 0, errors: [], resumedAt: null, sensorIds };
        },
        async releaseCsvUpload() {
          order.push('release');
          return { released: true };
        },
        // The started lifecycle's first step; the lifecycle itself is tested on its own.
        async applyAlarmTransition() {
          return { state: 'open' };
        },
        async sendNotification() {
          return { status: 'sent' };
        },
        async alarmLastAnomalousAt() {
          return { lastAnomalousAt: '2026-01-01T00:00:00.000Z' };
        },
        async scoreSensorReadings(input: { sensorId: string }) {
          order.push(`score:${input.sensorId}`);
          if (input.sensorId === 's-c') throw ApplicationFailure.nonRetryable('database away', 'Unavailable');
          const opened =
            input.sensorId === 's-b' ? [{ id: alarmId, sensor_id: 's-b', severity: 'high', start_ts: '2026-01-01T00:00:00.000Z' }] : [];
          return { scored: 10, anomalies: opened.length, historical: 0, opened };
        },
      },
    });
    const result = (await worker.runUntil(
      env.client.workflow.execute('csvIngestion', {
        taskQueue,
        workflowId: `csv-ingest-${randomUUID()}`,
        args: [{ uploadId: randomUUID(), records: 6000 }],
      }),
    )) as CsvIngestionProgress;
    expect(order).toEqual(['range:0', 'range:5000', 'score:s-a', 'score:s-b', 'score:s-c', 'release']);
    expect(result).toMatchObject({ status: 'completed', inserted: 6000, sensors_scored: 2, alarms_started: [`alarm-${alarmId}`] });
  });
});
