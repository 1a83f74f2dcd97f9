import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMonitoringActivities } from '../../activities/monitoring';
import { recordAnomalies } from '../../db/anomalies';
import { insertConnector, markSensorsLive, markSourcesStale } from '../../db/connectors';
import { insertReadings } from '../../db/readings';
import { createSql } from '../../db/sql';

let sql: postgres.Sql;
let agent: ReturnType<typeof createMonitoringActivities>;

beforeAll(() => {
  sql = createSql(inject('databaseUrl'), 3);
  agent = createMonitoringActivities({ sql });
});
afterAll(() => sql.end({ timeout: 2 }));

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

async function seed(sensorId: string, readingMinutesAgo: number[], anomalyMinutesAgo: number[]) {
  await insertReadings(
    readingMinutesAgo.map((m, i) => ({
      sensorId,
      ts: minutesAgo(m),
      value: 40 + i,
      unit: 'Nm',
      quality: 1,
      sensorType: 'torque',
      metadata: {},
      correlationId: null,
      idempotencyKey: `${sensorId}:${i}`,
    })),
    sql,
  );
  await recordAnomalies(
    anomalyMinutesAgo.map((m, i) => ({
      sensorId,
      readingId: BigInt(i + 1),
      ts: minutesAgo(m),
      value: 90,
      score: 0.9,
      method: 'combined',
      reason: 'spike',
      workflowId: null,
      correlationId: null,
      dedupKey: `${sensorId}:anomaly:${i}`,
    })),
    sql,
  );
}

describe('MonitoringAgent.listActiveSensors', () => {
  it('lists sensors that reported within the window, with their anomalies inside the burst window only', async () => {
    const tag = randomUUID().slice(0, 8);
    const busy = `busy-${tag}`;
    const idle = `idle-${tag}`;
    await seed(busy, [90, 30, 5], [50, 40, 30, 20, 10, 5, 130, 200]);
    await seed(idle, [30 * 60], [30 * 60]);

    const { sensors } = await agent.listActiveSensors({ activeWithinHours: 24, anomalyWindowMinutes: 60, maxSensors: 10_000 });
    const mine = sensors.filter((s) => s.sensor_id.endsWith(tag));
    expect(mine.map((s) => s.sensor_id)).toEqual([busy]);
    expect(mine[0]!.recent_anomalies).toBe(6);
    expect(Date.now() - Date.parse(mine[0]!.last_reading_at)).toBeLessThan(6 * 60_000);

    const wider = await agent.listActiveSensors({ activeWithinHours: 48, anomalyWindowMinutes: 3 * 60, maxSensors: 10_000 });
    const both = Object.fromEntries(wider.sensors.filter((s) => s.sensor_id.endsWith(tag)).map((s) => [s.sensor_id, s.recent_anomalies]));
    expect(both).toEqual({ [busy]: 7, [idle]: 0 });
  });

  it('returns the most recently active sensors first, up to the limit', async () => {
    const tag = randomUUID().slice(0, 8);
    await seed(`older-${tag}`, [20], []);
    await seed(`newer-${tag}`, [1], []);
    const all = await agent.listActiveSensors({ activeWithinHours: 1, anomalyWindowMinutes: 60, maxSensors: 10_000 });
    expect(all.sensors.map((s) => s.sensor_id).filter((id) => id.endsWith(tag))).toEqual([`newer-${tag}`, `older-${tag}`]);
    expect((await agent.listActiveSensors({ activeWithinHours: 1, anomalyWindowMinutes: 60, maxSensors: 1 })).sensors).toHaveLength(1);
  });

  it('leaves out a sensor whose source announced its death, and names it offline until a reading comes after', async () => {
    const tag = randomUUID().slice(0, 8);
    const dead = `dead-${tag}`;
    const alive = `alive-${tag}`;
    await seed(dead, [10, 5], []);
    await seed(alive, [10, 5], []);
    const connector = await insertConnector({ name: `mon-${tag}`, kind: 'mqtt', enabled: false, config: {}, secrets: {} }, sql);
    await markSensorsLive(
      connector!.id,
      [
        { sensorId: dead, source: `G/${tag}:dead` },
        { sensorId: alive, source: `G/${tag}-2:alive` },
      ],
      sql,
    );
    await markSourcesStale(connector!.id, `G/${tag}:`, sql);
    const listed = () => agent.listActiveSensors({ activeWithinHours: 1, anomalyWindowMinutes: 60, maxSensors: 10_000 });

    const after = await listed();
    expect(after.sensors.map((s) => s.sensor_id).filter((id) => id.endsWith(tag))).toEqual([alive]);
    expect(after.offline.filter((s) => s.sensor_id.endsWith(tag)).map((s) => s.sensor_id)).toEqual([dead]);

    // A reading after the death certificate: the sensor speaks again, whatever the mark says.
    await insertReadings(
      [
        {
          sensorId: dead,
          ts: new Date(Date.now() + 1000),
          value: 1,
          unit: 'Nm',
          quality: 1,
          sensorType: 'torque',
          metadata: {},
          correlationId: null,
          idempotencyKey: `${dead}:back`,
        },
      ],
      sql,
    );
    const back = await listed();
    expect(
      back.sensors
        .map((s) => s.sensor_id)
        .filter((id) => id.endsWith(tag))
        .sort(),
    ).toEqual([alive, dead].sort());
    expect(back.offline.filter((s) => s.sensor_id.endsWith(tag))).toEqual([]);
  });

  it('refuses non-positive settings without retrying', async () => {
    const err = await agent.listActiveSensors({ activeWithinHours: 0, anomalyWindowMinutes: 60, maxSensors: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: 'InvalidInput', nonRetryable: true, message: 'activeWithinHours must be positive numbers' });
  });
});
