import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createRedis } from '../../api/redis';
import { createSql } from '../../db/sql';
import { scoringStream } from '../support/scoringStream';
import { DEFAULT_SCORING, scoreSensorReadings } from '../../usecases/alarmScoring';
import { DetectorStateCache } from '../../usecases/detectorStateCache';
import { ingestBatch, ingestSingle } from '../../usecases/ingestion';
import { setSensorSensitivity } from '../../db/detectorState';
import { TEST_REDIS_URL } from '../support/testEnv';

const sql = createSql(inject('databaseUrl'), 4);
const redis = createRedis(TEST_REDIS_URL);
afterAll(async () => {
  await sql.end();
  redis.disconnect();
});

const MIN = 60_000;
const N = 900;

/** The same values for any sensor id, five minutes apart. */
const stream = (sensorId: string, endMs: number) => scoringStream(sensorId, N, endMs, 5 * MIN);

/** What scoring left behind for a sensor, without the ids and names that differ between sensors. */
async function outcome(sensorId: string) {
  const anomalies = await sql`
    select ts, value, score, reason from anomalies where sensor_id = ${sensorId} and method = 'streaming' order by ts`;
  const alarms = await sql`
    select severity, state, start_ts, end_ts, last_anomalous_ts, peak_score, peak_value, peak_ts, readings, historical
    from alarms where sensor_id = ${sensorId} order by start_ts`;
  const [state] = await sql`select detector, grouper, readings from sensor_detector_state where sensor_id = ${sensorId}`;
  return { anomalies: [...anomalies], alarms: [...alarms], state: { ...state } };
}

describe('scoring single ingests with the per-process detector cache', () => {
  it('finds the same anomalies and alarms, and saves the same state, as one batch scored in one pass', async () => {
    const run = randomUUID().slice(0, 8);
    const end = Date.now() - 2 * 24 * 3600_000;
    const opts = { ...DEFAULT_SCORING, now: new Date() };

    const batched = `batch-${run}`;
    await ingestBatch(sql, stream(batched, end), { maxFutureSkewSeconds: 300 });
    expect((await scoreSensorReadings(sql, batched, opts)).scored).toBe(N);

    // The same stream one REST-style reading at a time, scored as the API does after each ingest,
    // sometimes after a few ingests at once (coalesced kicks), and twice by another process that
    // has no cache (the monitoring sweep), after which the cached state must not be trusted.
    const single = `single-${run}`;
    const cache = new DetectorStateCache();
    const deps = { sql, redis, redisPrefix: `test:${run}:`, idempotencyTtlSeconds: 60 };
    let scored = 0;
    for (const [i, r] of stream(single, end).entries()) {
      await ingestSingle(deps, r, r, { maxFutureSkewSeconds: 300, apiKeyId: randomUUID() });
      if (i === 350 || i === 700) scored += (await scoreSensorReadings(sql, single, opts)).scored;
      else if (i % 7 !== 3) scored += (await scoreSensorReadings(sql, single, opts, cache)).scored;
    }
    scored += (await scoreSensorReadings(sql, single, opts, cache)).scored;
    expect(scored).toBe(N);
    // The cache served most passes and noticed both foreign writes.
    expect(cache.stats.hits).toBeGreaterThan(N / 2);
    expect(cache.stats.misses).toBe(2);

    const expected = await outcome(batched);
    expect(expected.anomalies.length).toBeGreaterThan(1);
    expect(expected.alarms.length).toBeGreaterThanOrEqual(1);
    expect(await outcome(single)).toEqual(expected);
  });

  it('does not use a cached state once the sensitivity changed', async () => {
    const sensorId = `sens-${randomUUID().slice(0, 8)}`;
    const readings = stream(sensorId, Date.now() - 24 * 3600_000);
    const cache = new DetectorStateCache();
    await ingestBatch(sql, readings.slice(0, 300), { maxFutureSkewSeconds: 300 });
    await scoreSensorReadings(sql, sensorId, DEFAULT_SCORING, cache);
    expect(cache.cursorOf(sensorId)).toBeDefined();
    await setSensorSensitivity(sensorId, 0.9, sql);
    await ingestBatch(sql, readings.slice(300, 301), { maxFutureSkewSeconds: 300 });
    await scoreSensorReadings(sql, sensorId, DEFAULT_SCORING, cache);
    expect(cache.stats).toEqual({ hits: 0, misses: 1 });
    // The detector kept for the next pass judges with the new sensitivity.
    await ingestBatch(sql, readings.slice(301, 302), { maxFutureSkewSeconds: 300 });
    await scoreSensorReadings(sql, sensorId, DEFAULT_SCORING, cache);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
  });
});
