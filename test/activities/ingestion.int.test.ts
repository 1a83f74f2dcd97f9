import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createIngestionActivities } from '../../activities/ingestion';
import { insertCsvUpload } from '../../db/csvUploads';
import { createSql } from '../../db/sql';

let sql: postgres.Sql;
beforeAll(() => {
  sql = createSql(inject('databaseUrl'), 3);
});
afterAll(() => sql.end({ timeout: 2 }));

async function upload(lines: string[]): Promise<string> {
  const id = randomUUID();
  const content = ['sensor_id,value,timestamp', ...lines].join('\n');
  await insertCsvUpload(
    { id, filename: null, content, sizeBytes: content.length, sha256: 'x', lineCount: lines.length, correlationId: null, workflowId: null },
    sql,
  );
  return id;
}

const rows = (sensor: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) => `${sensor},${i},2026-02-01T00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`,
  );

describe('DataIngestionAgent.ingestCsvRange', () => {
  it('ingests its range in sub-batches, heartbeating the next record each time', async () => {
    const sensor = `csv-act-${randomUUID().slice(0, 6)}`;
    const id = await upload(rows(sensor, 1200));
    const env = new MockActivityEnvironment();
    const beats: unknown[] = [];
    env.on('heartbeat', (d: unknown) => beats.push(d));
    const agents = createIngestionActivities({ sql, maxFutureSkewSeconds: 300 });
    const r = await env.run(agents.ingestCsvRange, { uploadId: id, from: 0, to: 1200 });
    expect(r).toMatchObject({ inserted: 1200, duplicates: 0, invalid: 0, resumedAt: null });
    // Each beat also carries the sensors written so far: a retry still scores them after its last chunk.
    expect(beats).toEqual([500, 1000, 1200].map((next) => ({ next, sensors: [sensor] })));
  });

  it('resumes after a crash from the last heartbeat and writes no row twice', async () => {
    const sensor = `csv-act-${randomUUID().slice(0, 6)}`;
    const id = await upload(rows(sensor, 900));
    const agents = createIngestionActivities({ sql, maxFutureSkewSeconds: 300 });
    // The first attempt wrote records 0..599 and heartbeated { next: 500 } before dying.
    await new MockActivityEnvironment().run(agents.ingestCsvRange, { uploadId: id, from: 0, to: 600 });
    const retry = new MockActivityEnvironment({ attempt: 2, heartbeatDetails: { next: 500 } });
    const r = await retry.run(agents.ingestCsvRange, { uploadId: id, from: 0, to: 900 });
    expect(r).toMatchObject({ inserted: 300, duplicates: 100, resumedAt: 500 });
    const [{ n, keys }] =
      await sql`select count(*)::int as n, count(distinct idempotency_key)::int as keys from sensor_readings where sensor_id = ${sensor}`;
    expect([n, keys]).toEqual([900, 900]);
  });

  it('refuses a missing upload without retrying', async () => {
    const agents = createIngestionActivities({ sql, maxFutureSkewSeconds: 300 });
    await expect(
      new MockActivityEnvironment().run(agents.ingestCsvRange, { uploadId: randomUUID(), from: 0, to: 1 }),
    ).rejects.toMatchObject({
      type: 'UploadMissing',
      nonRetryable: true,
    });
  });
});

describe('DataIngestionAgent.ingestScenarioReadings at demo pace', () => {
  const paced = (correlationId: string, sensorId: string) => ({
    correlationId,
    sensorId,
    scenario: 'anomaly' as const,
    count: 5,
    readingsPerSecond: 10,
  });

  it('streams the readings one insert at a time, heartbeating the next index after each', async () => {
    const correlationId = randomUUID();
    const sensorId = `pace-${correlationId.slice(0, 8)}`;
    const env = new MockActivityEnvironment();
    const beats: unknown[] = [];
    env.on('heartbeat', (d: unknown) => beats.push(d));
    const agents = createIngestionActivities({ sql, maxFutureSkewSeconds: 300 });
    const r = await env.run(agents.ingestScenarioReadings, paced(correlationId, sensorId));
    expect(r).toMatchObject({ inserted: 5, duplicates: 0 });
    expect(beats).toEqual([1, 2, 3, 4, 5].map((next) => ({ next })));
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from sensor_readings where correlation_id = ${correlationId}`;
    expect(n).toBe(5);
  });

  it('resumes after a crash from the last heartbeat and writes no reading twice', async () => {
    const correlationId = randomUUID();
    const sensorId = `pace-${correlationId.slice(0, 8)}`;
    const agents = createIngestionActivities({ sql, maxFutureSkewSeconds: 300 });
    await new MockActivityEnvironment().run(agents.ingestScenarioReadings, paced(correlationId, sensorId));
    const retry = new MockActivityEnvironment({ attempt: 2, heartbeatDetails: { next: 3 } });
    const beats: unknown[] = [];
    retry.on('heartbeat', (d: unknown) => beats.push(d));
    const r = await retry.run(agents.ingestScenarioReadings, paced(correlationId, sensorId));
    // Readings 0..2 count as already there, 3 and 4 are found already written.
    expect(r).toMatchObject({ inserted: 0, duplicates: 5 });
    expect(beats).toEqual([{ next: 4 }, { next: 5 }]);
  });

  it('refuses a pace outside the demo range without retrying', async () => {
    const agents = createIngestionActivities({ sql, maxFutureSkewSeconds: 300 });
    const input = { ...paced(randomUUID(), 'pace-refused'), readingsPerSecond: 1000 };
    await expect(new MockActivityEnvironment().run(agents.ingestScenarioReadings, input)).rejects.toMatchObject({ type: 'InvalidInput' });
  });
});
