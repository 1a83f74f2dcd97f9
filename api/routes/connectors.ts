import { z } from 'zod';
import { connectorInputSchema } from '../../domain/connectors';
import {
  connectorRecentMessages,
  createConnector,
  enableConnector,
  getConnectorView,
  listConnectorViews,
  removeConnector,
  replaceConnector,
  testConnectorSettings,
  testStoredConnector,
} from '../../usecases/connectors';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import { connectorView, messagePreview, probeResult } from '../schemas/connectors';

const idParams = z.object({ id: z.uuid() });

/**
 * Plant connectors (MQTT, OPC UA): their settings live in the database and the connector process
 * follows every change within seconds. Reading them needs data:read; changing or probing them,
 * admin (a connector decides what the platform ingests). Passwords go in, never out.
 */
export function connectorRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route({
    method: 'get',
    path: '/connectors',
    summary: 'Connectors with their live status (connected, rates, buffer, last error)',
    tags: ['connectors'],
    scopes: ['data:read'],
    responses: { 200: { description: 'All connectors', schema: z.array(connectorView) } },
    handler: async (ctx) => {
      ctx.body = await listConnectorViews(deps.sql);
    },
  });
  api.route({
    method: 'post',
    path: '/connectors',
    summary: 'Create a connector (MQTT or OPC UA)',
    tags: ['connectors'],
    scopes: ['admin'],
    body: connectorInputSchema,
    responses: { 201: { description: 'Created', schema: connectorView } },
    handler: async (ctx, { body }) => {
      ctx.status = 201;
      ctx.body = await createConnector(body, deps.sql);
    },
  });
  api.route({
    method: 'post',
    path: '/connectors/test',
    summary: 'Test connection settings before saving them',
    tags: ['connectors'],
    scopes: ['admin'],
    body: connectorInputSchema,
    responses: { 200: { description: 'Whether the endpoint answered', schema: probeResult } },
    handler: async (ctx, { body }) => {
      ctx.body = await testConnectorSettings(body);
    },
  });
  api.route({
    method: 'get',
    path: '/connectors/:id',
    summary: 'One connector with its live status',
    tags: ['connectors'],
    scopes: ['data:read'],
    params: idParams,
    responses: { 200: { description: 'The connector', schema: connectorView } },
    handler: async (ctx, { params }) => {
      ctx.body = await getConnectorView(params.id, deps.sql);
    },
  });
  api.route({
    method: 'put',
    path: '/connectors/:id',
    summary: "Replace a connector's settings (secrets left out are kept); the process reconnects with them",
    tags: ['connectors'],
    scopes: ['admin'],
    params: idParams,
    body: connectorInputSchema,
    responses: { 200: { description: 'Updated', schema: connectorView } },
    handler: async (ctx, { params, body }) => {
      ctx.body = await replaceConnector(params.id, body, deps.sql);
    },
  });
  api.route({
    method: 'delete',
    path: '/connectors/:id',
    summary: 'Delete a connector (its readings stay)',
    tags: ['connectors'],
    scopes: ['admin'],
    params: idParams,
    responses: { 200: { description: 'Deleted', schema: z.object({ id: z.string(), deleted: z.literal(true) }) } },
    handler: async (ctx, { params }) => {
      await removeConnector(params.id, deps.sql);
      ctx.body = { id: params.id, deleted: true };
    },
  });
  for (const [action, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    api.route({
      method: 'post',
      path: `/connectors/:id/${action}`,
      summary: enabled ? 'Enable a connector' : 'Disable a connector (it disconnects; the broker keeps its session)',
      tags: ['connectors'],
      scopes: ['admin'],
      params: idParams,
      responses: { 200: { description: 'The connector', schema: connectorView } },
      handler: async (ctx, { params }) => {
        ctx.body = await enableConnector(params.id, enabled, deps.sql);
      },
    });
  }
  api.route({
    method: 'post',
    path: '/connectors/:id/test',
    summary: "Test a saved connector's connection with its stored credentials",
    tags: ['connectors'],
    scopes: ['admin'],
    params: idParams,
    responses: { 200: { description: 'Whether the endpoint answered', schema: probeResult } },
    handler: async (ctx, { params }) => {
      ctx.body = await testStoredConnector(params.id, deps.sql);
    },
  });
  api.route({
    method: 'get',
    path: '/connectors/:id/messages',
    summary: 'The last messages received, as received and as parsed (the mapping preview)',
    tags: ['connectors'],
    scopes: ['data:read'],
    params: idParams,
    responses: { 200: { description: 'Newest last', schema: z.array(messagePreview) } },
    handler: async (ctx, { params }) => {
      ctx.body = await connectorRecentMessages(params.id, deps.sql);
    },
  });
}
