import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createSql } from '../../db/sql';
import { scoringStream } from '../support/scoringStream';
import { StreamingAnomalyDetector } from '../../stats/streaming/anomalyDetector';
import { DEFAULT_SCORING, scoreSensorReadings } from '../../usecases/alarmScoring';
import { ingestBatch } from '../../usecases/ingestion';
import { AlarmRaiser } from '../../usecases/alarms';
import { parseConfig } from '../../config';

const admin = createSql(inject('databaseUrl'), 2);
afterAll(() => admin.end());

const MIN = 60_000;

/** A daily-ish signal with a level shift and two spikes, a minute apart. */
const stream = (sensorId: string, n: number, endMs: number) => scoringStream(sensorId, n, endMs, MIN);

const stored = (sql: typeof admin, sensorId: string) =>
  sql<{ ts: Date; score: number }[]>`select ts, score from anomalies where sensor_id = ${sensorId} and method = 'streaming' order by ts`;

describe('scoreSensorReadings', () => {
  it("keeps each sensor's detector state across a restart: scored in two processes it finds what one uninterrupted detector finds", async () => {
    const sensorId = `persist-${randomUUID().slice(0, 8)}`;
    const readings = stream(sensorId, 1000, Date.now() - 2 * 24 * 3600_000);
    const opts = { ...DEFAULT_SCORING, now: new Date() };

    // First process: ingests and scores the first 700, then goes away with its pool.
    const first = createSql(inject('databaseUrl'), 2);
    await ingestBatch(first, readings.slice(0, 700), { maxFutureSkewSeconds: 300 });
    expect((await scoreSensorReadings(first, sensorId, opts)).scored).toBe(700);
    await first.end();

    // Second process: nothing in memory, only what PostgreSQL kept.
    const second = createSql(inject('databaseUrl'), 2);
    await ingestBatch(second, readings.slice(700), { maxFutureSkewSeconds: 300 });
    expect((await scoreSensorReadings(second, sensorId, opts)).scored).toBe(300);
    expect((await scoreSensorReadings(second, sensorId, opts)).scored).toBe(0);
    await second.end();

    const uninterrupted = new StreamingAnomalyDetector();
    const expected = readings.flatMap((r) => {
      const s = uninterrupted.update(r.value, Date.parse(r.timestamp!));
      return s.evidence >= uninterrupted.threshold ? [{ ts: r.timestamp, score: Math.round(s.evidence * 1000) / 1000 }] : [];
    });
    expect(expected.length).toBeGreaterThan(1);
    const found = (await stored(admin, sensorId)).map((a) => ({ ts: a.ts.toISOString(), score: a.score }));
    expect(found).toEqual(expected);
    const [state] = await admin`select readings, detector from sensor_detector_state where sensor_id = ${sensorId}`;
    expect(Number(state!.readings)).toBe(1000);
    expect(state!.detector).toEqual(JSON.parse(JSON.stringify(uninterrupted.toJSON())));
  });

  it('raises the alarm of the spike once, however many callers score the sensor at the same time', async () => {
    const sensorId = `race-${randomUUID().slice(0, 8)}`;
    await ingestBatch(admin, stream(sensorId, 1000, Date.now() - 24 * 3600_000), { maxFutureSkewSeconds: 300 });
    const results = await Promise.all([1, 2, 3].map(() => scoreSensorReadings(admin, sensorId)));
    expect(results.reduce((n, r) => n + r.scored, 0)).toBe(1000);
    const alarms = await admin`select start_ts, historical, state from alarms where sensor_id = ${sensorId} order by start_ts`;
    expect(alarms.length).toBeGreaterThanOrEqual(1);
    expect(alarms.every((a) => a.historical && a.state === 'resolved')).toBe(true);
    expect(new Set(alarms.map((a) => (a.start_ts as Date).toISOString())).size).toBe(alarms.length);
  });

  it('after ingests, scores every kicked sensor once, two at a time, coalescing repeated kicks', async () => {
    const sensors = Array.from({ length: 5 }, () => `kick-${randomUUID().slice(0, 8)}`);
    for (const s of sensors) await ingestBatch(admin, stream(s, 300, Date.now() - 3 * 24 * 3600_000), { maxFutureSkewSeconds: 300 });
    // Historical readings raise no live alarm, so no lifecycle is started: Temporal is not needed here.
    const temporal = { client: null, connection: null, taskQueue: 'unused' } as never;
    const raiser = new AlarmRaiser({ sql: admin, temporal, config: parseConfig({ DATABASE_URL: inject('databaseUrl') }) }, 2);
    raiser.kick(sensors);
    raiser.kick([sensors[0]!, sensors[0]!, sensors[4]!]);
    await raiser.idle();
    const rows = await admin`select sensor_id, readings from sensor_detector_state where sensor_id = any(${sensors})`;
    expect(rows.map((r) => Number(r.readings))).toEqual(sensors.map(() => 300));
  });

  it('lets the readings kicked within the linger window share one pass, scoring each once', async () => {
    const sensorId = `linger-${randomUUID().slice(0, 8)}`;
    const readings = stream(sensorId, 306, Date.now() - 24 * 3600_000);
    await ingestBatch(admin, readings.slice(0, 300), { maxFutureSkewSeconds: 300 });
    const temporal = { client: null, connection: null, taskQueue: 'unused' } as never;
    const raiser = new AlarmRaiser({ sql: admin, temporal, config: parseConfig({ DATABASE_URL: inject('databaseUrl') }) }, 2, 1000);
    raiser.kick([sensorId]);
    await raiser.idle();
    // Six single readings, each kicked on its own: one more pass (the cached state's one reuse).
    for (const r of readings.slice(300)) {
      await ingestBatch(admin, [r], { maxFutureSkewSeconds: 300 });
      raiser.kick([sensorId]);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await raiser.idle();
    expect(raiser.states.stats).toEqual({ hits: 1, misses: 0 });
    const [row] = await admin`select readings from sensor_detector_state where sensor_id = ${sensorId}`;
    expect(Number(row!.readings)).toBe(306);
  });
});
