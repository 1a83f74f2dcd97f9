import { afterAll, describe, expect, it } from 'vitest';
import { markSensorsLive, markSourcesStale } from '../../db/connectors';
import { listSensors } from '../../db/sensors';
import { createConnector, runTag, testSql } from './harness';

/** A sensor whose Sparkplug node announced its death shows as stale in the sensor list until its next birth. */

const sql = testSql();
afterAll(() => sql.end());

describe('stale sensors in the sensor list', () => {
  it('carries stale_since from a death certificate and clears it on the next birth', async () => {
    const tag = runTag();
    const row = await createConnector(sql, {
      name: `stale-${tag}`,
      kind: 'mqtt',
      config: { url: 'mqtt://127.0.0.1:1', topics: ['spBv1.0/#'], payload: 'sparkplug', mapping: [] },
    });
    const sensorId = `st-${tag}.temp`;
    await sql`insert into sensors (id, type) values (${sensorId}, 'temperature')`;
    const listed = async () => (await listSensors({}, sql)).find((s) => s.sensor_id === sensorId);

    await markSensorsLive(row.id, [{ sensorId, source: `G/${tag}:temp` }], sql);
    expect(await listed()).toMatchObject({ stale_since: null });

    expect(await markSourcesStale(row.id, `G/${tag}`, sql)).toBe(1);
    const stale = await listed();
    expect(Date.parse(stale!.stale_since!)).not.toBeNaN();

    await markSensorsLive(row.id, [{ sensorId, source: `G/${tag}:temp` }], sql);
    expect(await listed()).toMatchObject({ stale_since: null });
  });
});
