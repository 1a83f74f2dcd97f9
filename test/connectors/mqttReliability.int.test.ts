import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ConnectorStats } from '../../connectors/connectorStats';
import { toDefinition } from '../../connectors/connectorHost';
import { startMqttConnector } from '../../connectors/mqtt/mqttConnector';
import { createSql } from '../../db/sql';
import { createLogger } from '../../observability/logger';
import { startBroker, type Broker } from '../support/mosquitto';
import { killAllServices, spawnService, waitUntil } from '../support/processes';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { countRows, createConnector, jsonMessages, plantPattern, publishAll, runTag, testSql } from './harness';

/**
 * The issue's "done when" for MQTT: a connector process SIGKILLed mid-stream, and PostgreSQL
 * unreachable for 10 s mid-stream, still end with exactly the published set: no gaps (nothing is
 * acknowledged before its commit, so the broker redelivers) and no duplicates (redeliveries hit the
 * idempotency key).
 */

const sql = testSql();
let broker: Broker;
let proxy: TcpProxy | undefined;

beforeAll(async () => {
  broker = await startBroker();
});
afterAll(async () => {
  await killAllServices();
  await proxy?.close();
  await broker?.stop();
  await sql.end();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Publishes in windows with a pause between them, so the stream spans a few seconds. */
async function publishPaced(url: string, messages: { topic: string; payload: string }[], window: number, pauseMs: number) {
  for (let i = 0; i < messages.length; i += window) {
    await publishAll(url, messages.slice(i, i + window), `pub-${i}-${runTag()}`);
    await sleep(pauseMs);
  }
}

describe('MQTT connector process killed mid-stream', () => {
  it('stores exactly the published set after a SIGKILL and a restart', async () => {
    const tag = runTag();
    const row = await createConnector(sql, {
      name: `kill-${tag}`,
      kind: 'mqtt',
      config: { url: broker.url, topics: [`plant/${tag}/#`], mapping: plantPattern },
    });
    const env = {
      DATABASE_URL: inject('databaseUrl'),
      LOG_LEVEL: 'warn',
      CONNECTORS_METRICS_PORT: '0',
      CONNECTORS_POLL_MS: '300',
      CONNECTORS_STATUS_MS: '200',
    };
    const connected = async () => {
      const [s] = await sql<{ connected: boolean }[]>`select connected from connector_status where connector_id = ${row.id}`;
      return s?.connected ? true : undefined;
    };
    let proc = spawnService('connectors/runConnectors.ts', env);
    await waitUntil('connector connected', connected, { timeoutMs: 30_000 });

    const messages = jsonMessages(tag, 10_000);
    const publishing = publishPaced(broker.url, messages, 500, 150);
    await waitUntil('some rows stored', async () => ((await countRows(sql, `cx-${tag}.`)).rows >= 1500 ? true : undefined), {
      timeoutMs: 30_000,
      intervalMs: 50,
    });
    await proc.kill();
    const atKill = (await countRows(sql, `cx-${tag}.`)).rows;
    expect(atKill).toBeLessThan(10_000);

    await sql`update connector_status set connected = false where connector_id = ${row.id}`;
    proc = spawnService('connectors/runConnectors.ts', env);
    await publishing;
    await waitUntil('the whole set stored', async () => ((await countRows(sql, `cx-${tag}.`)).rows >= 10_000 ? true : undefined), {
      timeoutMs: 60_000,
    });
    // Let anything still in flight land, then check nothing came twice and nothing is missing.
    await sleep(500);
    expect(await countRows(sql, `cx-${tag}.`)).toEqual({ rows: 10_000, keys: 10_000 });
    const [span] = await sql<{ n: number }[]>`
      select count(distinct ts)::int as n from sensor_readings where sensor_id like ${`cx-${tag}.%`}`;
    expect(span!.n).toBe(10_000);
    await proc.stop();
    expect(proc.output()).not.toMatch(/connectors failed/);
  });
});

describe('MQTT connector while PostgreSQL is unreachable for 10 s', () => {
  it('stops acknowledging, pauses the broker at its buffer bound, then catches up with every message stored once', async () => {
    const db = new URL(inject('databaseUrl'));
    proxy = await startTcpProxy({ host: db.hostname, port: Number(db.port || 5432) });
    const viaProxy = new URL(db);
    viaProxy.port = String(proxy.port);
    const proxiedSql = createSql(viaProxy.toString(), 4);
    const tag = runTag();
    const row = await createConnector(sql, {
      name: `pgdown-${tag}`,
      kind: 'mqtt',
      config: { url: broker.url, topics: [`plant/${tag}/#`], mapping: plantPattern },
    });
    const def = toDefinition(row);
    if ('error' in def || def.kind !== 'mqtt') throw new Error('bad definition');
    const stats = new ConnectorStats(row.id);
    const logger = createLogger('test-connectors', 'silent');
    const maxBuffered = 2000;
    const conn = startMqttConnector(
      def,
      { sql: proxiedSql, logger, maxBuffered, batchSize: 500, lingerMs: 20, maxFutureSkewSeconds: 300 },
      stats,
    );
    try {
      await waitUntil('connected', () => (stats.connected ? true : undefined), { timeoutMs: 5000 });
      const messages = jsonMessages(tag, 10_000);
      const publishing = publishPaced(broker.url, messages, 500, 200);
      await waitUntil('some rows stored', async () => ((await countRows(sql, `cx-${tag}.`)).rows >= 1000 ? true : undefined), {
        timeoutMs: 30_000,
        intervalMs: 50,
      });

      proxy.pause();
      const flow: { buffered: number; paused: boolean }[] = [];
      const cutAt = Date.now();
      while (Date.now() - cutAt < 10_000) {
        flow.push(conn.flow());
        await sleep(100);
      }
      const duringOutage = (await countRows(sql, `cx-${tag}.`)).rows;
      proxy.resume();

      // Back-pressure: the buffer reached its bound and the broker was paused; never beyond the bound.
      expect(flow.some((f) => f.paused)).toBe(true);
      expect(Math.max(...flow.map((f) => f.buffered))).toBeLessThanOrEqual(maxBuffered);
      expect(stats.lastError).toMatch(/database write failed/);
      expect(duringOutage).toBeLessThan(10_000);

      await publishing;
      await waitUntil('caught up', async () => ((await countRows(sql, `cx-${tag}.`)).rows >= 10_000 ? true : undefined), {
        timeoutMs: 60_000,
      });
      await waitUntil('buffer drained', () => (conn.flow().buffered === 0 && !conn.flow().paused ? true : undefined), {
        timeoutMs: 10_000,
      });
      expect(await countRows(sql, `cx-${tag}.`)).toEqual({ rows: 10_000, keys: 10_000 });
      expect(stats.messagesTotal).toBeGreaterThanOrEqual(10_000);
    } finally {
      await conn.stop();
      await proxiedSql.end({ timeout: 1 });
    }
  });
});
