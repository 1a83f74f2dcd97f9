import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get as getSparkplug } from 'sparkplug-payload';
import { ConnectorStats } from '../../connectors/connectorStats';
import { toDefinition } from '../../connectors/connectorHost';
import { startMqttConnector } from '../../connectors/mqtt/mqttConnector';
import { listStaleSensors } from '../../db/connectors';
import { createLogger } from '../../observability/logger';
import { startBroker, type Broker } from '../support/mosquitto';
import { waitUntil } from '../support/processes';
import { countRows, createConnector, jsonMessages, plantPattern, publishAll, runTag, testSql } from './harness';

const sparkplug = getSparkplug('spBv1.0')!;
const sql = testSql();
let broker: Broker;
const logger = createLogger('test-connectors', 'silent');
const runtime = () => ({ sql, logger, maxBuffered: 5000, batchSize: 1000, lingerMs: 20, maxFutureSkewSeconds: 300 });

beforeAll(async () => {
  broker = await startBroker();
});
afterAll(async () => {
  await broker?.stop();
  await sql.end();
});

describe('MQTT connector (JSON payloads)', () => {
  it('stores 10,000 QoS 1 messages as exactly 10,000 readings, with their topic and connector as metadata', async () => {
    const tag = runTag();
    const row = await createConnector(sql, {
      name: `json-${tag}`,
      kind: 'mqtt',
      config: { url: broker.url, topics: [`plant/${tag}/#`], mapping: plantPattern },
    });
    const stats = new ConnectorStats(row.id);
    const def = toDefinition(row);
    if ('error' in def || def.kind !== 'mqtt') throw new Error('bad definition');
    const conn = startMqttConnector(def, runtime(), stats);
    try {
      await waitUntil('connected', () => (stats.connected ? true : undefined), { timeoutMs: 5000 });
      const messages = jsonMessages(tag, 10_000);
      // The same 200 messages again: a publisher retrying after a lost PUBACK.
      await publishAll(broker.url, [...messages, ...messages.slice(0, 200)]);
      await waitUntil('every message committed', () => (stats.messagesTotal === 10_200 ? true : undefined), { timeoutMs: 30_000 });
      expect(await countRows(sql, `cx-${tag}.`)).toEqual({ rows: 10_000, keys: 10_000 });
      expect(stats.insertedTotal).toBe(10_000);
      expect(stats.duplicatesTotal).toBe(200);
      const [sample] = await sql<{ sensor_id: string; value: number; metadata: { source: { connector: string; topic: string } } }[]>`
        select sensor_id, value, metadata from sensor_readings where sensor_id = ${`cx-${tag}.press3.temp`} order by ts limit 1`;
      expect(sample).toMatchObject({ value: 20.3, metadata: { source: { connector: row.id, topic: `plant/${tag}/press3/temp` } } });
      const [sensor] = await sql<{ reading_count: bigint; type: string; unit: string }[]>`
        select reading_count, type, unit from sensors where id = ${`cx-${tag}.press3.temp`}`;
      expect(sensor).toEqual({ reading_count: 1000n, type: 'temperature', unit: '°C' });
    } finally {
      await conn.stop();
    }
  });

  it('acknowledges refused and unmapped messages without storing them, and shows why in the preview', async () => {
    const tag = runTag();
    const row = await createConnector(sql, {
      name: `bad-${tag}`,
      kind: 'mqtt',
      config: { url: broker.url, topics: [`plant/${tag}/#`, `other/${tag}/#`], mapping: plantPattern },
    });
    const stats = new ConnectorStats(row.id);
    const def = toDefinition(row);
    if ('error' in def || def.kind !== 'mqtt') throw new Error('bad definition');
    const conn = startMqttConnector(def, runtime(), stats);
    try {
      await waitUntil('connected', () => (stats.connected ? true : undefined), { timeoutMs: 5000 });
      await publishAll(broker.url, [
        { topic: `plant/${tag}/a/temp`, payload: 'not json' },
        { topic: `other/${tag}/x`, payload: '1' },
        { topic: `plant/${tag}/a/temp`, payload: JSON.stringify({ value: 'hot' }) },
        { topic: `plant/${tag}/a/temp`, payload: '21.5' },
      ]);
      await waitUntil('all four handled', () => (stats.messagesTotal === 4 ? true : undefined), { timeoutMs: 10_000 });
      expect(stats.rejectedTotal).toBe(3);
      const recent = stats.snapshot({ buffered: 0, paused: false }).recent as { error?: string; readings: { value: number }[] }[];
      expect(recent.map((r) => r.error ?? r.readings[0]!.value)).toEqual([
        'payload is neither JSON nor a number',
        `no mapping rule for topic other/${tag}/x`,
        'value must be a finite number',
        21.5,
      ]);
      expect(await countRows(sql, `cx-${tag}.`)).toEqual({ rows: 1, keys: 1 });
    } finally {
      await conn.stop();
    }
  });
});

describe('MQTT connector (Sparkplug B)', () => {
  it('resolves aliases from births, stores NDATA and DDATA once each, and marks sensors stale on NDEATH', async () => {
    const tag = runTag();
    const row = await createConnector(sql, {
      name: `spb-${tag}`,
      kind: 'mqtt',
      config: {
        url: broker.url,
        topics: [`spBv1.0/${tag}/#`],
        payload: 'sparkplug',
        mapping: [
          { source: `${tag}/{node}/{device}:{metric*}`, sensorId: `sp-${tag}.{node}.{device}.{metric}`, sensorType: 'vibration' },
          { source: `${tag}/{node}:{metric*}`, sensorId: `sp-${tag}.{node}.{metric}`, sensorType: 'temperature' },
        ],
      },
    });
    const stats = new ConnectorStats(row.id);
    const def = toDefinition(row);
    if ('error' in def || def.kind !== 'mqtt') throw new Error('bad definition');
    const conn = startMqttConnector(def, runtime(), stats);
    const t0 = Date.UTC(2026, 1, 1);
    const encode = (p: Parameters<typeof sparkplug.encodePayload>[0]) => Buffer.from(sparkplug.encodePayload(p));
    try {
      await waitUntil('connected', () => (stats.connected ? true : undefined), { timeoutMs: 5000 });
      const messages: { topic: string; payload: Buffer }[] = [];
      let seq = 0;
      const nextSeq = () => seq++ % 256;
      messages.push({
        topic: `spBv1.0/${tag}/NBIRTH/edge1`,
        payload: encode({
          timestamp: t0,
          seq: nextSeq(),
          metrics: [
            { name: 'bdSeq', type: 'UInt64', value: 0 },
            { name: 'Node Control/Rebirth', type: 'Boolean', value: false },
            { name: 'Cabinet/Temp', alias: 1, type: 'Double', value: 30, timestamp: t0 },
          ],
        }),
      });
      messages.push({
        topic: `spBv1.0/${tag}/DBIRTH/edge1/motor1`,
        payload: encode({ timestamp: t0, seq: nextSeq(), metrics: [{ name: 'Vib', alias: 2, type: 'Float', value: 1.5, timestamp: t0 }] }),
      });
      // 4,999 node and 4,999 device data messages, by alias only: with the two births, 10,000 rows.
      for (let i = 1; i < 5000; i++) {
        const ts = t0 + i * 100;
        messages.push({
          topic: `spBv1.0/${tag}/NDATA/edge1`,
          payload: encode({ timestamp: ts, seq: nextSeq(), metrics: [{ alias: 1, type: 'Double', value: 30 + i / 1000, timestamp: ts }] }),
        });
        messages.push({
          topic: `spBv1.0/${tag}/DDATA/edge1/motor1`,
          payload: encode({ timestamp: ts, seq: nextSeq(), metrics: [{ alias: 2, type: 'Float', value: 1.5, timestamp: ts }] }),
        });
      }
      await publishAll(broker.url, messages);
      await waitUntil('every message committed', () => (stats.messagesTotal === messages.length ? true : undefined), { timeoutMs: 30_000 });
      expect(await countRows(sql, `sp-${tag}.`)).toEqual({ rows: 10_000, keys: 10_000 });
      const perSensor = await sql<{ sensor_id: string; n: number }[]>`
        select sensor_id, count(*)::int as n from sensor_readings where sensor_id like ${`sp-${tag}.%`} group by 1 order by 1`;
      expect(perSensor).toEqual([
        { sensor_id: `sp-${tag}.edge1.Cabinet_Temp`, n: 5000 },
        { sensor_id: `sp-${tag}.edge1.motor1.Vib`, n: 5000 },
      ]);
      expect(stats.lastError).toBeNull();
      expect(await listStaleSensors(row.id, sql)).toEqual([]);

      await publishAll(broker.url, [
        { topic: `spBv1.0/${tag}/NDEATH/edge1`, payload: encode({ metrics: [{ name: 'bdSeq', type: 'UInt64', value: 0 }] }) },
      ]);
      await waitUntil('death handled', () => (stats.messagesTotal === messages.length + 1 ? true : undefined), { timeoutMs: 10_000 });
      expect(await listStaleSensors(row.id, sql)).toEqual([`sp-${tag}.edge1.Cabinet_Temp`, `sp-${tag}.edge1.motor1.Vib`]);
    } finally {
      await conn.stop();
    }
  });
});
