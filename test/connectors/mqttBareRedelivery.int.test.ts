import net from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBroker, type Broker } from '../support/mosquitto';
import { killAllServices, spawnService, waitUntil } from '../support/processes';
import { createConnector, plantPattern, publishAll, runTag, testSql } from './harness';

/**
 * The crash the idempotency key cannot cover: bare numbers (no `ts`, stamped on arrival) committed,
 * then the connector dies before its PUBACKs reach the broker. A proxy between connector and broker
 * swallows everything the connector sends from a chosen moment, so EVERY message is in that window
 * (committed, never acknowledged); the connector is SIGKILLed and restarted, the broker resends
 * each message with its packet id and DUP = 1, and each must be recognised and not stored again.
 */

interface AckHoldingProxy {
  readonly port: number;
  /** From now on, drop what the connector sends (its PUBACKs); the broker's packets still flow. */
  holdClientBytes(): void;
  release(): void;
  close(): Promise<void>;
}

async function startAckHoldingProxy(targetPort: number): Promise<AckHoldingProxy> {
  let holding = false;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.on('data', (chunk: Buffer) => {
      if (!holding) upstream.write(chunk);
    });
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as net.AddressInfo).port,
    holdClientBytes: () => (holding = true),
    release: () => (holding = false),
    async close() {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const sql = testSql();
let broker: Broker;
let proxy: AckHoldingProxy;

beforeAll(async () => {
  broker = await startBroker();
  proxy = await startAckHoldingProxy(broker.port);
});
afterAll(async () => {
  await killAllServices();
  await proxy?.close();
  await broker?.stop();
  await sql.end();
});

describe('MQTT connector killed between commit and PUBACK, bare-number payloads', () => {
  it('stores every bare number exactly once although the broker redelivers all of them', async () => {
    const tag = runTag();
    const row = await createConnector(sql, {
      name: `bare-${tag}`,
      kind: 'mqtt',
      config: { url: `mqtt://127.0.0.1:${proxy.port}`, topics: [`plant/${tag}/#`], mapping: plantPattern },
    });
    const env = {
      DATABASE_URL: inject('databaseUrl'),
      LOG_LEVEL: 'warn',
      CONNECTORS_METRICS_PORT: '0',
      CONNECTORS_POLL_MS: '300',
      CONNECTORS_STATUS_MS: '200',
    };
    const status = async () =>
      (
        await sql<{ connected: boolean; messages_total: bigint }[]>`
        select connected, messages_total from connector_status where connector_id = ${row.id}`
      )[0];
    const stored = async () =>
      (
        await sql<{ rows: number; values: number }[]>`
        select count(*)::int as rows, count(distinct value)::int as values
        from sensor_readings where sensor_id like ${`cx-${tag}.%`}`
      )[0]!;

    let proc = spawnService('connectors/runConnectors.ts', env);
    await waitUntil('connector connected', async () => ((await status())?.connected ? true : undefined), { timeoutMs: 30_000 });

    // Distinct values, so "stored once" is checkable per message.
    const n = 300;
    const messages = Array.from({ length: n }, (_, i) => ({ topic: `plant/${tag}/press${i % 5}/temp`, payload: String(100 + i) }));
    proxy.holdClientBytes();
    await publishAll(broker.url, messages);
    await waitUntil('all committed', async () => ((await stored()).rows >= n ? true : undefined), { timeoutMs: 30_000 });
    expect(await stored()).toEqual({ rows: n, values: n });

    await proc.kill();
    proxy.release();
    await sql`update connector_status set connected = false, messages_total = 0 where connector_id = ${row.id}`;
    proc = spawnService('connectors/runConnectors.ts', env);
    await waitUntil('reconnected', async () => ((await status())?.connected ? true : undefined), { timeoutMs: 30_000 });
    // The broker resends its unacknowledged messages first and in order, and the connector commits
    // in arrival order: once this later message is stored, every redelivery has been handled.
    await publishAll(broker.url, [{ topic: `plant/${tag}/press0/temp`, payload: '99' }]);
    await waitUntil('sentinel stored', async () => ((await stored()).rows > n ? true : undefined), { timeoutMs: 30_000 });
    // The restarted process really received all n again (plus the sentinel): the redeliveries happened.
    await waitUntil('redeliveries counted', async () => ((await status())!.messages_total >= BigInt(n + 1) ? true : undefined), {
      timeoutMs: 10_000,
    });

    expect(await stored()).toEqual({ rows: n + 1, values: n + 1 });
    const [entries] = await sql<{ n: number }[]>`
      select count(*)::int as n from connector_committed_packets where connector_id = ${row.id}`;
    expect(entries!.n).toBe(n + 1);
    await proc.stop();
    expect(proc.output()).not.toMatch(/connectors failed/);
  });
});
