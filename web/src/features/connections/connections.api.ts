import { api, unwrap, type ApiBody, type ApiRequest } from '../../api/http';

export type Connector = ApiBody<'/api/v1/connectors', 'get'>[number];
export type ConnectorStatus = NonNullable<Connector['status']>;
export type ConnectorInput = ApiRequest<'/api/v1/connectors', 'post'>;
export type MessagePreview = ApiBody<'/api/v1/connectors/{id}/messages', 'get'>[number];
export type ProbeResult = ApiBody<'/api/v1/connectors/{id}/test', 'post'>;

/** A mapping rule as the editor holds it (the API fills in the sensor type when left out). */
export interface MappingRule {
  source: string;
  sensorId: string;
  sensorType: string;
  unit?: string;
}

export async function listConnectors(): Promise<Connector[]> {
  return (await unwrap(api.GET('/api/v1/connectors'))).data;
}

export async function createConnector(body: ConnectorInput): Promise<Connector> {
  return (await unwrap(api.POST('/api/v1/connectors', { body }))).data;
}

/** Saves a connector's settings; leaving `secrets` out keeps the stored password. */
export async function saveConnector(id: string, body: ConnectorInput): Promise<Connector> {
  return (await unwrap(api.PUT('/api/v1/connectors/{id}', { params: { path: { id } }, body }))).data;
}

export async function setEnabled(id: string, enabled: boolean): Promise<Connector> {
  const path = enabled ? '/api/v1/connectors/{id}/enable' : '/api/v1/connectors/{id}/disable';
  return (await unwrap(api.POST(path, { params: { path: { id } } }))).data;
}

export async function testConnection(id: string): Promise<ProbeResult> {
  return (await unwrap(api.POST('/api/v1/connectors/{id}/test', { params: { path: { id } } }))).data;
}

export async function recentMessages(id: string): Promise<MessagePreview[]> {
  return (await unwrap(api.GET('/api/v1/connectors/{id}/messages', { params: { path: { id } } }))).data;
}

/** The state shown for a connector, from its enabled flag and the process's last report. */
export type ConnectorState = 'disabled' | 'notReporting' | 'paused' | 'connected' | 'disconnected';
export function connectorState(c: Connector): ConnectorState {
  if (!c.enabled) return 'disabled';
  if (!c.status?.reporting) return 'notReporting';
  if (c.status.paused) return 'paused';
  return c.status.connected ? 'connected' : 'disconnected';
}

export const stateColor: Record<ConnectorState, string> = {
  disabled: 'default',
  notReporting: 'warning',
  paused: 'warning',
  connected: 'success',
  disconnected: 'error',
};
