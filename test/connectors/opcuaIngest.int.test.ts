import { afterAll, describe, expect, it } from 'vitest';
import { ConnectorStats } from '../../connectors/connectorStats';
import { toDefinition } from '../../connectors/connectorHost';
import { startOpcuaConnector } from '../../connectors/opcua/opcuaConnector';
import { probeOpcua } from '../../connectors/opcua/opcuaProbe';
import { createLogger } from '../../observability/logger';
import { freePort, waitUntil } from '../support/processes';
import { startPlantServer, type PlantServer } from '../support/opcuaServer';
import { countRows, createConnector, runTag, testSql } from './harness';

const sql = testSql();
let server: PlantServer | undefined;
afterAll(async () => {
  await server?.stop();
  await sql.end();
});

const perSensor = async (prefix: string, since = new Date(0)) =>
  sql<{ sensor_id: string; n: number }[]>`
    select sensor_id, count(*)::int as n from sensor_readings
    where sensor_id like ${prefix + '%'} and ts > ${since} group by 1 order by 1`;

describe('OPC UA connector', () => {
  it('stores each of 20 variables changing at 10 Hz with its source timestamp, and re-subscribes by itself after a server restart', async () => {
    const port = await freePort();
    server = await startPlantServer({ port, count: 20, periodMs: 100 });
    const tag = runTag();
    const probe = await probeOpcua(
      {
        endpointUrl: server.endpointUrl,
        securityMode: 'None',
        securityPolicy: 'None',
        samplingIntervalMs: 100,
        publishingIntervalMs: 100,
        deadband: 0,
        queueSize: 1000,
        discardOldest: true,
        mapping: [],
      },
      undefined,
      undefined,
    );
    expect(probe.ok).toBe(true);
    expect(probe.browse?.map((b) => b.nodeId)).toContain('ns=1;s=plant.v7');

    const row = await createConnector(sql, {
      name: `ua-${tag}`,
      kind: 'opcua',
      config: {
        endpointUrl: server.endpointUrl,
        samplingIntervalMs: 100,
        publishingIntervalMs: 100,
        mapping: server.nodeIds.map((nodeId, i) => ({ source: nodeId, sensorId: `ua-${tag}.v${i}`, sensorType: 'pressure', unit: 'bar' })),
      },
    });
    const def = toDefinition(row);
    if ('error' in def || def.kind !== 'opcua') throw new Error('bad definition');
    const stats = new ConnectorStats(row.id);
    const logger = createLogger('test-connectors', 'silent');
    const conn = startOpcuaConnector(
      def,
      { sql, logger, maxBuffered: 5000, batchSize: 1000, lingerMs: 20, maxFutureSkewSeconds: 300 },
      stats,
    );
    try {
      await waitUntil(
        'ten values of every variable',
        async () => {
          const rows = await perSensor(`ua-${tag}.`);
          return rows.length === 20 && rows.every((r) => r.n >= 10) ? rows : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      // Source timestamps, not arrival times: every stored ts is one the server stamped.
      const stamps = await sql<{ ts: Date; value: number; sensor_id: string; source: { node: string } }[]>`
        select ts, value, sensor_id, metadata->'source' as source from sensor_readings where sensor_id like ${`ua-${tag}.%`}`;
      expect(stamps.filter((s) => !server!.ticks.has(s.ts.getTime()))).toEqual([]);
      const v7 = stamps.find((s) => s.sensor_id === `ua-${tag}.v7`)!;
      expect(v7.source.node).toBe('ns=1;s=plant.v7');
      expect(Math.floor(v7.value / 1000)).toBe(7);

      await server.stop();
      await waitUntil('the loss noticed', () => (!stats.connected ? true : undefined), { timeoutMs: 15_000 });
      server = await startPlantServer({ port, count: 20, periodMs: 100 });
      const restartedAt = new Date();
      await waitUntil(
        'values from the restarted server for every variable',
        async () => {
          const rows = await perSensor(`ua-${tag}.`, restartedAt);
          return rows.length === 20 && rows.every((r) => r.n >= 5) ? rows : undefined;
        },
        { timeoutMs: 45_000, intervalMs: 250 },
      );
      expect(stats.connected).toBe(true);
      const { rows, keys } = await countRows(sql, `ua-${tag}.`);
      expect(rows).toBe(keys);
    } finally {
      await conn.stop();
    }
  });

  it('authenticates with user and password (None and SignAndEncrypt), and refuses a wrong password in the connection test', async () => {
    const port = await freePort();
    const secured = await startPlantServer({ port, count: 1, periodMs: 1000, users: { operator: 'op-secret' } });
    try {
      const config = {
        endpointUrl: secured.endpointUrl,
        securityMode: 'None' as const,
        securityPolicy: 'None' as const,
        samplingIntervalMs: 100,
        publishingIntervalMs: 100,
        deadband: 0,
        queueSize: 1000,
        discardOldest: true,
        mapping: [],
      };
      expect(await probeOpcua(config, 'operator', 'op-secret')).toMatchObject({ ok: true, error: null });
      const wrong = await probeOpcua(config, 'operator', 'nope');
      expect(wrong.ok).toBe(false);
      expect(wrong.error).toBeTruthy();
      expect((await probeOpcua(config, undefined, undefined)).ok).toBe(false);
      const encrypted = { ...config, securityMode: 'SignAndEncrypt' as const, securityPolicy: 'Basic256Sha256' as const };
      expect(await probeOpcua(encrypted, 'operator', 'op-secret')).toMatchObject({ ok: true, error: null });
    } finally {
      await secured.stop();
    }
  });
});
