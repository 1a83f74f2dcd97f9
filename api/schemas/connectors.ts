import { z } from 'zod';

/** Success bodies of /connectors (descriptions for the OpenAPI document and the dashboard's client). */

export const connectorStatusView = z.object({
  reporting: z.boolean().describe('False when the connector process has not reported in the last 10 s'),
  connected: z.boolean(),
  buffered: z.number().describe('Messages received and not yet committed (unacknowledged)'),
  paused: z.boolean().describe('True while the connector stopped reading its source: its buffer is full (back-pressure)'),
  messages_total: z.number(),
  rejected_total: z.number(),
  lost_total: z
    .number()
    .describe(
      'Values or messages known lost at the source (OPC UA monitored-item queue overflow while paused, notifications no longer available for Republish, Sparkplug sequence gaps): a lower bound',
    ),
  messages_per_s: z.number(),
  last_message_at: z.string().nullable(),
  last_error: z.string().nullable(),
  last_error_at: z.string().nullable(),
  updated_at: z.string(),
});

export const connectorView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['mqtt', 'opcua']),
  enabled: z.boolean(),
  config: z.record(z.string(), z.unknown()),
  has_password: z.boolean().describe('Whether a password is stored; it is never returned'),
  revision: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
  status: connectorStatusView.nullable(),
});

export const messagePreview = z.object({
  at: z.string(),
  source: z.string(),
  payload: z.string().describe('As received: text, or hex for binary payloads (Sparkplug B), cut at 300 characters'),
  readings: z.array(z.object({ sensorId: z.string(), value: z.number(), ts: z.string() })),
  error: z.string().optional(),
});

export const probeResult = z.object({
  ok: z.boolean(),
  latency_ms: z.number(),
  error: z.string().nullable(),
  browse: z.array(z.object({ nodeId: z.string(), name: z.string() })).optional(),
});
