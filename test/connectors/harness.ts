import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import postgres from 'postgres';
import { inject } from 'vitest';
import { insertConnector } from '../../db/connectors';
import type { ConnectorInput } from '../../domain/connectors';
import { connectorInputSchema } from '../../domain/connectors';

/** Shared pieces of the connector tests: a pool, connector rows, a publisher, row counts. */

export function testSql(url = inject('databaseUrl')): postgres.Sql {
  return postgres(url, { max: 4, onnotice: () => {}, types: { bigint: postgres.BigInt } });
}

export async function createConnector(sql: postgres.Sql, input: ConnectorInput) {
  const parsed = connectorInputSchema.parse(input);
  const row = await insertConnector(
    { name: parsed.name, kind: parsed.kind, enabled: parsed.enabled, config: parsed.config, secrets: parsed.secrets ?? {} },
    sql,
  );
  if (!row) throw new Error(`connector ${input.name} exists`);
  return row;
}

export const runTag = () => randomUUID().slice(0, 8);

/** A QoS 1 publisher; resolves when the broker acknowledged every message. */
export async function publishAll(url: string, messages: { topic: string; payload: string | Buffer }[], clientId = `pub-${runTag()}`) {
  const client = await mqtt.connectAsync(url, { clientId, protocolVersion: 5 });
  try {
    const window = 500;
    for (let i = 0; i < messages.length; i += window) {
      await Promise.all(messages.slice(i, i + window).map((m) => client.publishAsync(m.topic, m.payload, { qos: 1 })));
    }
  } finally {
    await client.endAsync();
  }
}

/** Readings stored for sensors whose id starts with `prefix`: total rows and distinct idempotency keys. */
export async function countRows(sql: postgres.Sql, prefix: string): Promise<{ rows: number; keys: number }> {
  const [r] = await sql<{ rows: number; keys: number }[]>`
    select count(*)::int as rows, count(distinct idempotency_key)::int as keys
    from sensor_readings where sensor_id like ${prefix + '%'}`;
  return r!;
}

export function jsonMessages(tag: string, n: number, sensors = 10, startMs = Date.UTC(2026, 0, 1)) {
  return Array.from({ length: n }, (_, i) => ({
    topic: `plant/${tag}/press${i % sensors}/temp`,
    payload: JSON.stringify({ value: 20 + (i % 50) / 10, ts: new Date(startMs + i * 10).toISOString(), quality: 'good', seq: i }),
  }));
}

/** The mapping rule the JSON tests use: `plant/{site}/{asset}/{sensor}` → `{site}.{asset}.{sensor}`. */
export const plantPattern = [
  { source: 'plant/{site}/{asset}/{sensor}', sensorId: 'cx-{site}.{asset}.{sensor}', sensorType: 'temperature' as const, unit: '°C' },
];
