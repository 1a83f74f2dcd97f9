import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConnectorStats } from '../../connectors/connectorStats';
import { toDefinition } from '../../connectors/connectorHost';
import type { RunningConnector } from '../../connectors/connectorRuntime';
import { startOpcuaConnector } from '../../connectors/opcua/opcuaConnector';
import { getConnectorStatus, saveConnectorStatus } from '../../db/connectors';
import { createSql } from '../../db/sql';
import { createLogger } from '../../observability/logger';
import { startPlantServer, type PlantServer } from '../support/opcuaServer';
import { freePort, waitUntil } from '../support/processes';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { createConnector, runTag, testSql } from './harness';

/**
 * OPC UA has no acknowledgement to withhold, so back-pressure is the server's queue: while the
 * database is unreachable the connector switches publishing off, the server keeps each monitored
 * item's values (queueSize), and sends them when publishing resumes. Within the queue every value
 * is stored once; past it the server discards the oldest and marks the gap, and the connector
 * counts it instead of losing it silently.
 */

const VARIABLES = 5;
// 5 Hz with exception-based sampling (samplingIntervalMs 0): every change is a notification (the
// server's 100 ms coalescing window closes before the next change), so every tick must arrive.
const PERIOD_MS = 200;
// 30 values per item = 6 s of changes held by the server.
const QUEUE_SIZE = 30;
const MAX_BUFFERED = 10;

const sql = testSql();
let server: PlantServer;
let proxy: TcpProxy;
let proxiedSql: ReturnType<typeof createSql>;
let conn: RunningConnector | undefined;
let stats: ConnectorStats;
const tag = runTag();
const prefix = `uabp-${tag}.`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await startPlantServer({ port: await freePort(), count: VARIABLES, periodMs: PERIOD_MS });
  const db = new URL(inject('databaseUrl'));
  proxy = await startTcpProxy({ host: db.hostname, port: Number(db.port || 5432) });
  const viaProxy = new URL(db);
  viaProxy.port = String(proxy.port);
  proxiedSql = createSql(viaProxy.toString(), 2);
  const row = await createConnector(sql, {
    name: `ua-bp-${tag}`,
    kind: 'opcua',
    config: {
      endpointUrl: server.endpointUrl,
      samplingIntervalMs: 0,
      publishingIntervalMs: 100,
      queueSize: QUEUE_SIZE,
      discardOldest: true,
      mapping: server.nodeIds.map((nodeId, i) => ({ source: nodeId, sensorId: `${prefix}v${i}`, sensorType: 'pressure', unit: 'bar' })),
    },
  });
  const def = toDefinition(row);
  if ('error' in def || def.kind !== 'opcua') throw new Error('bad definition');
  stats = new ConnectorStats(row.id);
  conn = startOpcuaConnector(
    def,
    {
      sql: proxiedSql,
      logger: createLogger('test-connectors', 'silent'),
      maxBuffered: MAX_BUFFERED,
      batchSize: 50,
      lingerMs: 20,
      maxFutureSkewSeconds: 300,
    },
    stats,
  );
});

afterAll(async () => {
  await conn?.stop();
  await proxiedSql?.end({ timeout: 1 });
  await proxy?.close();
  await server?.stop();
  await sql.end();
});

/** Stored readings per variable in [from, to]: their source timestamps (ms), and how often each was stored. */
async function stored(from: number, to: number) {
  const rows = await sql<{ sensor_id: string; ts: Date; n: number; quality: number }[]>`
    select sensor_id, ts, count(*)::int as n, min(quality) as quality from sensor_readings
    where sensor_id like ${prefix + '%'} and ts between ${new Date(from)} and ${new Date(to)}
    group by 1, 2`;
  const bySensor = new Map<string, Set<number>>();
  for (const r of rows) {
    const set = bySensor.get(r.sensor_id) ?? new Set<number>();
    set.add(r.ts.getTime());
    bySensor.set(r.sensor_id, set);
  }
  return { bySensor, twice: rows.filter((r) => r.n !== 1), uncertain: rows.filter((r) => r.quality !== 1) };
}

/** The server's ticks in [from, to], each of which every variable took. */
const ticksBetween = (from: number, to: number) => [...server.ticks].filter((t) => t >= from && t <= to).sort((a, b) => a - b);

/** Cuts the database for `ms`, sampling the connector's buffer meanwhile; returns when it was cut and the buffer peak. */
async function cutDatabase(ms: number) {
  proxy.pause();
  const cutAt = Date.now();
  let peak = 0;
  let paused = false;
  while (Date.now() - cutAt < ms) {
    const flow = conn!.flow();
    peak = Math.max(peak, flow.buffered);
    paused ||= flow.paused;
    await sleep(50);
  }
  proxy.resume();
  return { cutAt, peak, paused };
}

/** Waits until every variable has its values up to `until` stored and the connector is flowing again. */
async function caughtUp(until: number) {
  await waitUntil(
    'caught up past the cut',
    async () => {
      const flow = conn!.flow();
      if (flow.paused || flow.buffered > 0) return undefined;
      const { bySensor } = await stored(until, until + 60_000);
      return bySensor.size === VARIABLES ? true : undefined;
    },
    { timeoutMs: 40_000, intervalMs: 200 },
  );
}

describe('OPC UA connector while PostgreSQL is unreachable', () => {
  it('has the server hold the values of a short cut, then stores every one of them exactly once', async () => {
    await waitUntil('values flowing', () => (stats.insertedTotal >= VARIABLES * 5 ? true : undefined), { timeoutMs: 30_000 });
    const { cutAt, peak, paused } = await cutDatabase(1500);
    const resumedAt = Date.now();
    await caughtUp(resumedAt + 1000);

    // Publishing was switched off: this process held no more than its bound plus what was in flight.
    expect(paused).toBe(true);
    expect(peak).toBeLessThanOrEqual(MAX_BUFFERED + 2 * VARIABLES);
    const from = cutAt - 1000;
    const to = resumedAt + 1000;
    const expected = ticksBetween(from, to);
    expect(expected.length).toBeGreaterThan(10);
    const { bySensor, twice, uncertain } = await stored(from, to);
    for (let i = 0; i < VARIABLES; i++) {
      const got = bySensor.get(`${prefix}v${i}`) ?? new Set();
      expect(
        expected.filter((t) => !got.has(t)),
        `v${i}: ticks missing`,
      ).toEqual([]);
    }
    expect(twice).toEqual([]);
    expect(uncertain).toEqual([]);
    expect(stats.lostTotal).toBe(0);
  });

  it('counts what the server discarded when the cut outlasts its queue, and still stores the queued values once', async () => {
    const lostBefore = stats.lostTotal;
    const { cutAt, peak } = await cutDatabase(QUEUE_SIZE * PERIOD_MS + 3000);
    const resumedAt = Date.now();
    await caughtUp(resumedAt + 1000);

    expect(peak).toBeLessThanOrEqual(MAX_BUFFERED + 2 * VARIABLES);
    const from = cutAt - 1000;
    const to = resumedAt + 1000;
    const expected = ticksBetween(from, to);
    const { bySensor, twice, uncertain } = await stored(from, to);
    for (let i = 0; i < VARIABLES; i++) {
      const got = bySensor.get(`${prefix}v${i}`) ?? new Set();
      const missing = expected.filter((t) => !got.has(t));
      // The server's queue overflowed: values are missing, and their loss was reported.
      expect(missing.length, `v${i}`).toBeGreaterThan(0);
      // What it held (the newest QUEUE_SIZE values before publishing resumed) did arrive: the last
      // ticks before the resume are all there.
      const lastHeld = ticksBetween(resumedAt - (QUEUE_SIZE / 3) * PERIOD_MS, resumedAt);
      expect(
        lastHeld.filter((t) => !got.has(t)),
        `v${i}: queued values missing`,
      ).toEqual([]);
    }
    expect(twice).toEqual([]);
    // The value after a gap carries the Overflow bit; it is still a good value.
    expect(uncertain).toEqual([]);
    expect(stats.lostTotal - lostBefore).toBeGreaterThanOrEqual(VARIABLES);
    // The heartbeat carries it to the API's status.
    await saveConnectorStatus(stats.snapshot(conn!.flow()), sql);
    expect(Number((await getConnectorStatus(stats.connectorId, sql))!.lost_total)).toBe(stats.lostTotal);
    // Counted from the server's overflow marks (the values after the gaps arrive last).
    expect(stats.lastError).toMatch(/^server queue overflowed for ns=1;s=plant\.v\d: values discarded before /);
  });
});
