import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropDatabase, ensureDatabase, migrate } from '../../db/migrate';
import { rollUpReadingsBatch } from '../../db/readingRollup';
import { createTemporalClient } from '../../temporal/client';
import { ensureRetentionSchedule } from '../../temporal/retentionSchedule';
import type { ReadingsRetentionProgress } from '../../workflows/readingsRetention';
import { killAllServices, startWorkerProcess, waitUntil, type ServiceProcess } from '../support/processes';
import { maybeRecordHistory } from '../support/histories';
import { TEST_REDIS_URL } from '../support/testEnv';

/**
 * Issue 18's retention roll-up, crashed half-way: the worker process running it is SIGKILLed
 * after some batches have committed and before the backlog is done; a fresh worker finishes the
 * run. Every old reading must then be in the aggregates exactly once (counts, sums, minima and
 * maxima per sensor and hour equal to those of the raw data) and gone from the raw table, and
 * recent readings untouched; expired sessions are deleted in bounded batches, live ones kept. A separate database: the roll-up deletes every old reading in it.
 */

const OLD_PER_SENSOR = 1500;
const RECENT_PER_SENSOR = 25;
const SENSORS = ['ret-a', 'ret-b'];
const BATCH = 100;
/** Two full batches and a partial one. */
const EXPIRED_SESSIONS = 2 * BATCH + 37;
const EXPIRED_LINKS = 2;

const databaseUrl = (() => {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `${url.pathname}_retention`;
  return url.toString();
})();
const prefix = `retention-${randomUUID().slice(0, 8)}`;
const taskQueue = `${prefix}-main`;
let sql: postgres.Sql;
const temporal = createTemporalClient({ TEMPORAL_ADDRESS: inject('temporalAddress'), TEMPORAL_NAMESPACE: 'default' });

function worker(): ServiceProcess {
  return startWorkerProcess({
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `${prefix}:`,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE_PREFIX: prefix,
    WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
    DATA_DIR: '.data/test-retention',
    // The roll-up needs no model; skipping the preload halves the worker's start-up.
    DISABLE_MODEL_LOADING: 'true',
  });
}

interface HourTotals {
  sensor_id: string;
  hour: Date;
  n: number;
  sum: number;
  min: number;
  max: number;
}

beforeAll(async () => {
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  await migrate(sql);
  for (const id of SENSORS) {
    await sql`insert into sensors (id, type, unit) values (${id}, 'temperature', 'C')`;
    // Old readings every 7 s from 2024-03-01 (so minute and hour buckets both get several).
    // Stored back then too: retention counts from ingestion.
    await sql`
      insert into sensor_readings (sensor_id, ts, value, sensor_type, ingested_at)
      select ${id}, t, sin(g) * 10 + g % 13, 'temperature', t
      from generate_series(1, ${OLD_PER_SENSOR}) g, lateral (select timestamptz '2024-03-01T00:00:00Z' + g * interval '7 seconds' as t) at`;
    await sql`
      insert into sensor_readings (sensor_id, ts, value, sensor_type)
      select ${id}, now() - g * interval '1 second', g, 'temperature' from generate_series(1, ${RECENT_PER_SENSOR}) g`;
  }
  // The stored policies drive the run (the input's retainDays only serves runs recorded before them).
  await sql`
    insert into retention_policies (data_class, retain_days, updated_by_kind) values ('raw_readings', 1, 'system'), ('notifications', 30, 'system')`;
  await sql`
    insert into notifications (channel, recipient, subject, body, status, dedup_key, created_at)
    values ('log', 'ops', 'old', '{}', 'sent', 'retention-old', now() - interval '400 days'),
           ('log', 'ops', 'new', '{}', 'sent', 'retention-new', now())`;
  // Dashboard sessions: more expired ones than one batch holds, and live ones that must stay.
  const [user] = await sql<{ id: string }[]>`
    insert into users (name, email, roles) values ('Retention', 'retention@plant.test', '{viewer}') returning id`;
  await sql`
    insert into user_sessions (token_hash, user_id, expires_at)
    select 'expired-' || g, ${user!.id}, now() - g * interval '1 minute' from generate_series(1, ${EXPIRED_SESSIONS}) g`;
  await sql`
    insert into user_sessions (token_hash, user_id, expires_at)
    select 'live-' || g, ${user!.id}, now() + interval '1 day' from generate_series(1, 3) g`;
  // One-time sign-in links: expired ones (used or not) go with the sessions, a live one stays.
  await sql`
    insert into user_sign_in_links (token_hash, user_id, purpose, expires_at, used_at)
    values ('link-expired', ${user!.id}, 'invite', now() - interval '1 hour', null),
           ('link-used-expired', ${user!.id}, 'first_run', now() - interval '1 minute', now() - interval '2 hours'),
           ('link-live', ${user!.id}, 'invite', now() + interval '1 day', null)`;
}, 60_000);

afterAll(async () => {
  await killAllServices();
  await temporal.connection.close().catch(() => {});
  await sql?.end();
  await dropDatabase(databaseUrl);
});

describe('readings retention roll-up', () => {
  it('leaves every reading raw when a batch is aborted mid-transaction, after its deletes ran', async () => {
    const countOld = async () =>
      (await sql<{ n: number }[]>`select count(*)::int as n from sensor_readings where ts < now() - interval '1 day'`)[0]!.n;
    const before = await countOld();
    // The batch's foreign-key check on its aggregates runs after its DELETE and INSERT and waits on
    // this row lock: the batch is then caught half-done and its statement is cancelled. (Terminating the
    // backend instead aborts the transaction the same way in PostgreSQL, but upsets the client library.)
    const locker = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    const batchSql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [{ pid }] = await batchSql<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await locker.begin(async (tx) => {
        await tx`select 1 from sensors where id = ${SENSORS[0]!} for update`;
        const batch = rollUpReadingsBatch(batchSql, { before: new Date(Date.now() - 86_400_000), limit: 500 }).then(
          () => 'committed',
          () => 'failed',
        );
        await waitUntil('the batch to wait on the sensor row', async () => {
          const [row] = await tx`select wait_event_type from pg_stat_activity where pid = ${pid}`;
          return row?.wait_event_type === 'Lock' ? true : undefined;
        });
        await tx`select pg_cancel_backend(${pid})`;
        expect(await batch).toBe('failed');
      });
    } finally {
      await locker.end();
      await batchSql.end();
    }
    expect(await countOld()).toBe(before);
    expect(await sql`select 1 from reading_aggregates`).toHaveLength(0);
  });

  it('resumes after its worker is killed mid-roll-up, losing and double-counting nothing', async () => {
    const expected = await sql<HourTotals[]>`
      select sensor_id, date_trunc('hour', ts) as hour, count(*)::int as n, sum(value) as sum, min(value) as min, max(value) as max
      from sensor_readings where ts < now() - interval '1 day' group by 1, 2 order by 1, 2`;
    expect(expected.reduce((n, h) => n + h.n, 0)).toBe(OLD_PER_SENSOR * SENSORS.length);

    let proc = worker();
    const handle = await temporal.client.workflow.start('readingsRetention', {
      taskQueue,
      workflowId: `${prefix}-rollup`,
      args: [{ retainDays: 30, batchSize: BATCH, pauseMs: 150 }],
    });
    // Killed once a few batches have committed: part of the backlog rolled up, part still raw.
    await waitUntil(
      'some batches to commit',
      async () => {
        if (proc.child.exitCode !== null) throw new Error(`worker exited: ${proc.output().slice(-1500)}`);
        const [{ n }] = await sql<
          { n: number }[]
        >`select coalesce(sum(reading_count), 0)::int as n from reading_aggregates where bucket_width = 'hour'`;
        return n >= 3 * BATCH ? true : undefined;
      },
      { timeoutMs: 150_000, intervalMs: 20 },
    );
    await proc.kill();
    const [atKill] = await sql<{ raw: number; aggregated: number }[]>`
      select (select count(*)::int from sensor_readings where ts < now() - interval '1 day') as raw,
             (select coalesce(sum(reading_count), 0)::int from reading_aggregates where bucket_width = 'hour') as aggregated`;
    expect(atKill!.raw, 'the kill came before the roll-up finished').toBeGreaterThan(0);
    expect(atKill!.raw + atKill!.aggregated).toBe(OLD_PER_SENSOR * SENSORS.length);

    proc = worker();
    const result = (await handle.result()) as ReadingsRetentionProgress;
    expect(result.status).toBe('completed');
    expect(result.purged).toMatchObject({ notifications: 1, minute_aggregates: 0, hour_aggregates: 0 });
    expect(await sql`select subject from notifications`).toEqual([{ subject: 'new' }]);
    expect(result.sessions_purged).toBe(EXPIRED_SESSIONS + EXPIRED_LINKS);
    expect(await sql`select token_hash from user_sign_in_links`).toEqual([{ token_hash: 'link-live' }]);
    expect(await sql`select token_hash from user_sessions order by 1`).toEqual([
      { token_hash: 'live-1' },
      { token_hash: 'live-2' },
      { token_hash: 'live-3' },
    ]);
    await maybeRecordHistory(handle, 'readingsRetention-policies');

    const [{ raw }] = await sql<{ raw: number }[]>`select count(*)::int as raw from sensor_readings where ts < now() - interval '1 day'`;
    expect(raw).toBe(0);
    const [{ recent }] = await sql<{ recent: number }[]>`select count(*)::int as recent from sensor_readings`;
    expect(recent).toBe(RECENT_PER_SENSOR * SENSORS.length);

    const hours = await sql<HourTotals[]>`
      select sensor_id, bucket_start as hour, reading_count::int as n, sum_value as sum, min_value as min, max_value as max
      from reading_aggregates where bucket_width = 'hour' order by 1, 2`;
    expect(hours.map((h) => [h.sensor_id, h.hour.toISOString(), h.n, h.min, h.max])).toEqual(
      expected.map((h) => [h.sensor_id, h.hour.toISOString(), h.n, h.min, h.max]),
    );
    hours.forEach((h, i) => expect(h.sum).toBeCloseTo(expected[i]!.sum, 6));
    const [{ minutes }] = await sql<{ minutes: number }[]>`
      select sum(reading_count)::int as minutes from reading_aggregates where bucket_width = 'minute'`;
    expect(minutes).toBe(OLD_PER_SENSOR * SENSORS.length);
  }, 240_000);

  it('is scheduled hourly per task queue, and re-ensuring updates the settings and keeps a pause', async () => {
    const queue = `${prefix}-schedule`;
    const first = await ensureRetentionSchedule(temporal.client, queue, { retainDays: 30, batchSize: 5000, pauseMs: 100 });
    expect(first).toEqual({ scheduleId: `readings-retention-${queue}`, created: true });
    const schedule = temporal.client.schedule.getHandle(first.scheduleId);
    try {
      await schedule.pause('kept across updates');
      const again = await ensureRetentionSchedule(temporal.client, queue, { retainDays: 7, batchSize: 1000, pauseMs: 100 });
      expect(again.created).toBe(false);
      const d = await schedule.describe();
      expect(d.spec.intervals?.map((i) => i.every)).toEqual([3_600_000]);
      expect(d.state.paused).toBe(true);
      expect(d.action).toMatchObject({ workflowType: 'readingsRetention', taskQueue: queue, args: [{ retainDays: 7, batchSize: 1000 }] });
    } finally {
      await schedule.delete();
    }
  });
});
