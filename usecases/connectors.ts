import type postgres from 'postgres';
import { probeConnector, type ProbeResult, type Prober } from '../connectors/probes';
import {
  deleteConnector,
  getConnector,
  getConnectorStatus,
  insertConnector,
  listConnectorStatus,
  listConnectors,
  setConnectorEnabled,
  updateConnector,
  type ConnectorRow,
  type ConnectorStatusRow,
} from '../db/connectors';
import {
  connectorInputSchema,
  connectorSecretsSchema,
  mqttConfigSchema,
  opcuaConfigSchema,
  type ConnectorInput,
} from '../domain/connectors';
import { Conflict, InvalidInput, NotFound } from '../domain/errors';
import { fieldError } from '../domain/fieldErrorText';

/** The connector process writes its status every second; older than this, nobody is reporting. */
const REPORTING_WITHIN_MS = 10_000;

export interface ConnectorStatusView {
  /** False when the connector process has not reported lately (not running, or cannot reach the database). */
  reporting: boolean;
  connected: boolean;
  buffered: number;
  paused: boolean;
  messages_total: number;
  rejected_total: number;
  /** Values or messages known lost at the source (OPC UA queue overflow, Sparkplug sequence gaps): a lower bound. */
  lost_total: number;
  messages_per_s: number;
  last_message_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  updated_at: string;
}

export interface ConnectorView {
  id: string;
  name: string;
  kind: 'mqtt' | 'opcua';
  enabled: boolean;
  config: Record<string, unknown>;
  /** Whether a password is stored; the password itself is never returned. */
  has_password: boolean;
  revision: number;
  created_at: string;
  updated_at: string;
  status: ConnectorStatusView | null;
}

function statusView(s: ConnectorStatusRow, enabled: boolean, now = Date.now()): ConnectorStatusView {
  const reporting = enabled && now - s.updated_at.getTime() < REPORTING_WITHIN_MS;
  return {
    reporting,
    connected: s.connected && reporting,
    buffered: s.buffered,
    paused: s.paused,
    messages_total: Number(s.messages_total),
    rejected_total: Number(s.rejected_total),
    lost_total: Number(s.lost_total),
    messages_per_s: s.messages_per_s,
    last_message_at: s.last_message_at?.toISOString() ?? null,
    last_error: s.last_error,
    last_error_at: s.last_error_at?.toISOString() ?? null,
    updated_at: s.updated_at.toISOString(),
  };
}

function view(row: ConnectorRow, status: ConnectorStatusRow | undefined): ConnectorView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    enabled: row.enabled,
    config: row.config,
    has_password: typeof row.secrets.password === 'string',
    revision: row.revision,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    status: status ? statusView(status, row.enabled) : null,
  };
}

export async function listConnectorViews(sql: postgres.Sql): Promise<ConnectorView[]> {
  const [rows, statuses] = await Promise.all([listConnectors(sql), listConnectorStatus(sql)]);
  const byId = new Map(statuses.map((s) => [s.connector_id, s]));
  return rows.map((r) => view(r, byId.get(r.id)));
}

async function mustGet(id: string, sql: postgres.Sql): Promise<ConnectorRow> {
  const row = await getConnector(id, sql);
  if (!row) throw new NotFound(`Connector ${id} not found`, 'connector_not_found');
  return row;
}

export async function getConnectorView(id: string, sql: postgres.Sql): Promise<ConnectorView> {
  const row = await mustGet(id, sql);
  return view(row, await getConnectorStatus(id, sql));
}

export type ParsedConnectorInput = ReturnType<typeof connectorInputSchema.parse>;

export async function createConnector(input: ParsedConnectorInput, sql: postgres.Sql): Promise<ConnectorView> {
  const row = await insertConnector(
    { name: input.name, kind: input.kind, enabled: input.enabled, config: input.config, secrets: input.secrets ?? {} },
    sql,
  );
  if (!row) throw new Conflict(`A connector named ${input.name} exists`, 'connector_name_taken');
  return view(row, undefined);
}

/** Replaces a connector's settings; secrets left out are kept, so editing a mapping never needs the password again. */
export async function replaceConnector(id: string, input: ParsedConnectorInput, sql: postgres.Sql): Promise<ConnectorView> {
  const existing = await mustGet(id, sql);
  if (existing.kind !== input.kind) {
    throw new InvalidInput([
      fieldError('kind', 'kind_unchangeable', `cannot change a connector's kind (it is ${existing.kind})`, { kind: existing.kind }),
    ]);
  }
  const row = await updateConnector(
    id,
    { name: input.name, enabled: input.enabled, config: input.config, secrets: input.secrets },
    sql,
  ).catch((err: { code?: string }) => {
    if (err.code === '23505') throw new Conflict(`A connector named ${input.name} exists`, 'connector_name_taken');
    throw err;
  });
  if (!row) throw new NotFound(`Connector ${id} not found`, 'connector_not_found');
  return view(row, await getConnectorStatus(id, sql));
}

export async function enableConnector(id: string, enabled: boolean, sql: postgres.Sql): Promise<ConnectorView> {
  const row = await setConnectorEnabled(id, enabled, sql);
  if (!row) throw new NotFound(`Connector ${id} not found`, 'connector_not_found');
  return view(row, await getConnectorStatus(id, sql));
}

export async function removeConnector(id: string, sql: postgres.Sql): Promise<void> {
  if (!(await deleteConnector(id, sql))) throw new NotFound(`Connector ${id} not found`, 'connector_not_found');
}

/** The last messages as received and as parsed, for the mapping editor. */
export async function connectorRecentMessages(id: string, sql: postgres.Sql): Promise<unknown[]> {
  await mustGet(id, sql);
  return (await getConnectorStatus(id, sql))?.recent ?? [];
}

/** Tries the stored connector's endpoint with its stored credentials. */
export async function testStoredConnector(id: string, sql: postgres.Sql, probe: Prober = probeConnector): Promise<ProbeResult> {
  const row = await mustGet(id, sql);
  const secrets = connectorSecretsSchema.parse(row.secrets);
  const config = row.kind === 'mqtt' ? mqttConfigSchema.parse(row.config) : opcuaConfigSchema.parse(row.config);
  return probe({ kind: row.kind, config, secrets } as Parameters<Prober>[0]);
}

/** Tries settings before they are saved. */
export async function testConnectorSettings(input: ParsedConnectorInput, probe: Prober = probeConnector): Promise<ProbeResult> {
  return probe({ kind: input.kind, config: input.config, secrets: input.secrets ?? {} } as Parameters<Prober>[0]);
}

export type { ConnectorInput, ProbeResult };
