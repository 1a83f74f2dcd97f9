import { spawn } from 'node:child_process';
import mqtt from 'mqtt';
import { entryArgs } from '../scripts/build-server';
import { projectRoot } from '../config';
import { insertConnector } from '../db/connectors';
import { copyBaselineReadings, registerBaselineSensor } from '../db/benchBaseline';
import { startBroker } from '../test/support/mosquitto';
import type { BenchSection } from './benchSection';
import { percentiles } from './load';
import { waitForQuiet, type BenchStack } from './stack';

const MESSAGES = 50_000;
const BATCH = 1000;
const LATENCY_SAMPLES = 300;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`bench mqtt: timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * MQTT ingestion through the connector process, QoS 1, acknowledged after commit:
 *  - throughput: MESSAGES JSON messages queued in the broker while the connector is disabled, then
 *    the time from enabling it to the last row committed, against a raw COPY of the same number
 *    of rows in transactions of the connector's batch size (the floor for that batch size);
 *  - latency: one message at a time, from publish to its row being visible in PostgreSQL
 *    (polled every 2 ms by its idempotency key), with the connector's 20 ms linger included.
 */
export const mqttIngestSection: BenchSection = {
  name: 'mqtt',
  async run(stack: BenchStack) {
    const broker = await startBroker();
    const connector = await insertConnector(
      {
        name: 'bench-mqtt',
        kind: 'mqtt',
        enabled: true,
        config: {
          url: broker.url,
          topics: ['bench/#'],
          payload: 'json',
          sessionExpirySeconds: 3600,
          mapping: [{ source: 'bench/{asset}/{sensor}', sensorId: 'mqtt-{asset}.{sensor}', sensorType: 'torque', unit: 'Nm' }],
        },
        secrets: {},
      },
      stack.sql,
    );
    if (!connector) throw new Error('bench mqtt: connector exists');
    const proc = spawn(process.execPath, entryArgs('connectors', stack.bundled), {
      cwd: projectRoot,
      env: { ...stack.env, CONNECTORS_METRICS_PORT: '0', CONNECTORS_POLL_MS: '100', CONNECTOR_BATCH_SIZE: String(BATCH) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const publisher = await mqtt.connectAsync(broker.url, { clientId: 'bench-publisher', protocolVersion: 5 });
    const status = async () =>
      (await stack.sql<{ connected: boolean }[]>`select connected from connector_status where connector_id = ${connector.id}`)[0]
        ?.connected;
    const rows = async () =>
      (await stack.sql<{ n: number }[]>`select count(*)::int as n from sensor_readings where sensor_id like 'mqtt-%'`)[0]!.n;
    const setEnabled = (on: boolean) =>
      stack.sql`update connectors set enabled = ${on}, revision = revision + 1 where id = ${connector.id}`;
    try {
      await until(
        'the connector to connect (its session and subscription exist from then on)',
        async () => (await status()) === true,
        60_000,
      );
      await setEnabled(false);
      await until('the connector to stop', async () => (await status()) === false);

      const start = Date.UTC(2026, 0, 1);
      for (let i = 0; i < MESSAGES; i += 1000) {
        await Promise.all(
          Array.from({ length: Math.min(1000, MESSAGES - i) }, (_, j) => {
            const n = i + j;
            const payload = JSON.stringify({ value: 40 + (n % 100) / 10, ts: new Date(start + n * 10).toISOString(), seq: n });
            return publisher.publishAsync(`bench/press${n % 20}/torque`, payload, { qos: 1 });
          }),
        );
      }
      await waitForQuiet();
      const t0 = performance.now();
      await setEnabled(true);
      await until('every queued message committed', async () => (await rows()) >= MESSAGES, 300_000, 10);
      const mqttSeconds = (performance.now() - t0) / 1000;

      // The floor: the same number of rows with plain COPY, one transaction per BATCH rows.
      await registerBaselineSensor('mqtt-copy', stack.sql);
      const t1 = performance.now();
      for (let b = 0; b < MESSAGES / BATCH; b++) {
        let text = '';
        for (let i = 0; i < BATCH; i++) {
          const n = b * BATCH + i;
          text += `mqtt-copy\t${new Date(start + n * 10).toISOString()}\t${40 + (n % 100) / 10}\tNm\t1\ttorque\t{}\n`;
        }
        await stack.sql.begin((tx) => copyBaselineReadings(text, tx));
      }
      const copySeconds = (performance.now() - t1) / 1000;

      // Latency, one message in flight at a time.
      const latencies: number[] = [];
      for (let i = 0; i < LATENCY_SAMPLES; i++) {
        const ts = new Date(Date.now()).toISOString();
        const topic = `bench/lat${i % 5}/torque`;
        const key = `mqtt:${connector.id}:${topic}:${ts}:${i}`;
        const sent = performance.now();
        await publisher.publishAsync(topic, JSON.stringify({ value: i, ts, seq: i }), { qos: 1 });
        await until(
          'a latency sample',
          async () => (await stack.sql`select 1 from sensor_readings where idempotency_key = ${key}`).length > 0,
          10_000,
          2,
        );
        latencies.push(performance.now() - sent);
        await sleep(5);
      }
      const mqttRate = Math.round(MESSAGES / mqttSeconds);
      const copyRate = Math.round(MESSAGES / copySeconds);
      const lat = percentiles(latencies);
      const json = {
        messages: MESSAGES,
        batch_size: BATCH,
        qos: 1,
        mqtt_messages_per_s: mqttRate,
        copy_rows_per_s: copyRate,
        ratio: Math.round((mqttRate / copyRate) * 100) / 100,
        latency_ms: lat,
      };
      return {
        json,
        rows: [
          [
            `MQTT ingest, QoS 1, ack after commit (${MESSAGES.toLocaleString('en')} queued JSON messages, batch ${BATCH})`,
            `${mqttRate} messages/s stored`,
            `raw COPY ${copyRate} rows/s at the same batch size, ratio ${json.ratio}`,
          ],
          [
            'MQTT publish → committed row (one message at a time)',
            `p50 ${lat.p50} ms, p99 ${lat.p99} ms`,
            `${lat.n} messages; includes the connector's 20 ms batch linger`,
          ],
        ],
      };
    } finally {
      await publisher.endAsync();
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      await broker.stop();
    }
  },
};
