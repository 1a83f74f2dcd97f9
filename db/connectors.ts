import type { ConnectorKind } from '../domain/connectors';
import { getSql, type Sql } from './sql';

export interface ConnectorRow {
  id: string;
  name: string;
  kind: ConnectorKind;
  enabled: boolean;
  config: Record<string, unknown>;
  secrets: Record<string, unknown>;
  revision: number;
  created_at: Date;
  updated_at: Date;
}

export interface ConnectorStatusRow {
  connector_id: string;
  connected: boolean;
  buffered: number;
  paused: boolean;
  messages_total: bigint;
  rejected_total: bigint;
  lost_total: bigint;
  messages_per_s: number;
  last_message_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
  recent: unknown[];
  updated_at: Date;
}

export async function listConnectors(sql: Sql = getSql()): Promise<ConnectorRow[]> {
  return sql<ConnectorRow[]>`select * from connectors order by name`;
}

/** The enabled connectors with their revision: the connector process polls this to follow changes. */
export async function listEnabledConnectors(sql: Sql = getSql()): Promise<ConnectorRow[]> {
  return sql<ConnectorRow[]>`select * from connectors where enabled order by name`;
}

export async function getConnector(id: string, sql: Sql = getSql()): Promise<ConnectorRow | undefined> {
  const [row] = await sql<ConnectorRow[]>`select * from connectors where id = ${id}`;
  return row;
}

export async function insertConnector(
  c: { name: string; kind: ConnectorKind; enabled: boolean; config: unknown; secrets: unknown },
  sql: Sql = getSql(),
): Promise<ConnectorRow | undefined> {
  const [row] = await sql<ConnectorRow[]>`
    insert into connectors (name, kind, enabled, config, secrets)
    values (${c.name}, ${c.kind}, ${c.enabled}, ${sql.json(c.config as never)}, ${sql.json(c.secrets as never)})
    on conflict (name) do nothing
    returning *`;
  return row;
}

/** Replaces name, enabled, config and (when given) secrets; bumps the revision so the process reconnects. */
export async function updateConnector(
  id: string,
  c: { name: string; enabled: boolean; config: unknown; secrets?: unknown },
  sql: Sql = getSql(),
): Promise<ConnectorRow | undefined> {
  const [row] = await sql<ConnectorRow[]>`
    update connectors set
      name = ${c.name}, enabled = ${c.enabled}, config = ${sql.json(c.config as never)},
      secrets = ${c.secrets === undefined ? sql`secrets` : sql.json(c.secrets as never)},
      revision = revision + 1, updated_at = now()
    where id = ${id}
    returning *`;
  return row;
}

export async function setConnectorEnabled(id: string, enabled: boolean, sql: Sql = getSql()): Promise<ConnectorRow | undefined> {
  const [row] = await sql<ConnectorRow[]>`
    update connectors set enabled = ${enabled}, revision = revision + 1, updated_at = now()
    where id = ${id} returning *`;
  return row;
}

export async function deleteConnector(id: string, sql: Sql = getSql()): Promise<boolean> {
  const rows = await sql`delete from connectors where id = ${id} returning id`;
  return rows.length > 0;
}

export async function listConnectorStatus(sql: Sql = getSql()): Promise<ConnectorStatusRow[]> {
  return sql<ConnectorStatusRow[]>`select * from connector_status`;
}

export async function getConnectorStatus(id: string, sql: Sql = getSql()): Promise<ConnectorStatusRow | undefined> {
  const [row] = await sql<ConnectorStatusRow[]>`select * from connector_status where connector_id = ${id}`;
  return row;
}

export interface ConnectorStatusUpdate {
  connectorId: string;
  connected: boolean;
  buffered: number;
  paused: boolean;
  messagesTotal: number;
  rejectedTotal: number;
  lostTotal: number;
  messagesPerS: number;
  lastMessageAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  recent: unknown[];
}

/** The connector process's heartbeat: one row per connector, overwritten each time. */
export async function saveConnectorStatus(s: ConnectorStatusUpdate, sql: Sql = getSql()): Promise<void> {
  await sql`
    insert into connector_status as cs (connector_id, connected, buffered, paused, messages_total, rejected_total,
      lost_total, messages_per_s, last_message_at, last_error, last_error_at, recent, updated_at)
    select ${s.connectorId}, ${s.connected}, ${s.buffered}, ${s.paused}, ${s.messagesTotal}, ${s.rejectedTotal},
      ${s.lostTotal}, ${s.messagesPerS}, ${s.lastMessageAt}, ${s.lastError}, ${s.lastErrorAt}, ${sql.json(s.recent as never)}, now()
    where exists (select 1 from connectors where id = ${s.connectorId})
    on conflict (connector_id) do update set
      connected = excluded.connected, buffered = excluded.buffered, paused = excluded.paused,
      messages_total = excluded.messages_total, rejected_total = excluded.rejected_total,
      lost_total = excluded.lost_total,
      messages_per_s = excluded.messages_per_s, last_message_at = excluded.last_message_at,
      last_error = excluded.last_error, last_error_at = excluded.last_error_at, recent = excluded.recent,
      updated_at = now()`;
}

/** A birth certificate: these sensors are alive and come from these sources. */
export async function markSensorsLive(
  connectorId: string,
  sensors: { sensorId: string; source: string }[],
  sql: Sql = getSql(),
): Promise<void> {
  if (sensors.length === 0) return;
  await sql`
    insert into connector_sensor_state (connector_id, sensor_id, source, stale, changed_at)
    select ${connectorId}, s.sensor_id, s.source, false, now()
    from unnest(${sensors.map((s) => s.sensorId)}::text[], ${sensors.map((s) => s.source)}::text[]) as s(sensor_id, source)
    on conflict (connector_id, sensor_id) do update set
      source = excluded.source, stale = false,
      changed_at = case when connector_sensor_state.stale then now() else connector_sensor_state.changed_at end`;
}

/** A death certificate: every sensor whose source starts with `prefix` is stale until its next birth. */
export async function markSourcesStale(connectorId: string, prefix: string, sql: Sql = getSql()): Promise<number> {
  const pattern = prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
  const rows = await sql`
    update connector_sensor_state set stale = true, changed_at = now()
    where connector_id = ${connectorId} and source like ${pattern} and not stale
    returning sensor_id`;
  return rows.length;
}

export async function listStaleSensors(connectorId: string, sql: Sql = getSql()): Promise<string[]> {
  const rows = await sql<{ sensor_id: string }[]>`
    select sensor_id from connector_sensor_state where connector_id = ${connectorId} and stale order by sensor_id`;
  return rows.map((r) => r.sensor_id);
}
