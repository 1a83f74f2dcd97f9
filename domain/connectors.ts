import { z } from 'zod';
import { sensorTypeNames } from './sensorTypes';

/**
 * Connector configuration: one schema that is both the API's validation and the connector
 * process's type. Secrets (passwords) live apart from `config`, so nothing that returns a
 * connector can leak one by returning its config.
 */

/**
 * One mapping rule: a source (an MQTT topic, a Sparkplug `group/node[/device]:metric` or an
 * OPC UA node id) to a sensor. `{name}` in `source` matches one topic level (no `/` or `:`),
 * `{name*}` the rest of it (slashes included); `sensorId` may use the same names. A rule without placeholders is an
 * explicit table entry and wins over every pattern.
 */
export const mappingRuleSchema = z.strictObject({
  source: z.string().min(1).max(512),
  sensorId: z.string().min(1).max(128),
  sensorType: z.enum(sensorTypeNames).default('temperature'),
  unit: z.string().min(1).max(32).optional(),
});
export type MappingRule = z.output<typeof mappingRuleSchema>;

const mappingSchema = z.array(mappingRuleSchema).max(10_000).default([]);

export const mqttConfigSchema = z.strictObject({
  /** mqtt://host:port (or mqtts:// for TLS). */
  url: z.string().regex(/^mqtts?:\/\/[^/\s]+(:\d+)?\/?$/, 'must be mqtt://host:port or mqtts://host:port'),
  /**
   * Fixed per connector: the broker keeps the session (subscriptions and unacknowledged messages)
   * under this id, so a restarted connector picks up where it stopped.
   */
  clientId: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/)
    .optional(),
  username: z.string().min(1).max(256).optional(),
  topics: z.array(z.string().min(1).max(512)).min(1).max(100),
  payload: z.enum(['json', 'sparkplug']).default('json'),
  /** How long the broker keeps the session while the connector is away. */
  sessionExpirySeconds: z
    .number()
    .int()
    .min(60)
    .max(4_294_967_295)
    .default(7 * 24 * 3600),
  mapping: mappingSchema,
});

export const opcuaConfigSchema = z.strictObject({
  endpointUrl: z.string().regex(/^opc\.tcp:\/\/\S+$/, 'must be opc.tcp://host:port[/path]'),
  securityMode: z.enum(['None', 'Sign', 'SignAndEncrypt']).default('None'),
  securityPolicy: z.enum(['None', 'Basic256Sha256', 'Aes128_Sha256_RsaOaep', 'Aes256_Sha256_RsaPss']).default('None'),
  username: z.string().min(1).max(256).optional(),
  samplingIntervalMs: z.number().int().min(0).max(3_600_000).default(100),
  publishingIntervalMs: z.number().int().min(10).max(3_600_000).default(100),
  /** Absolute deadband in the value's unit; 0 reports every change. */
  deadband: z.number().min(0).default(0),
  /**
   * Values the SERVER keeps per monitored item while the connector has publishing switched off
   * (back-pressure: the database is slow or down). Size it to the longest outage to ride out:
   * sampling rate × seconds (10 Hz × 100 s = 1000). Servers may revise it down (node-opcua: 5000).
   */
  queueSize: z.number().int().min(1).max(100_000).default(1000),
  /** When an item's queue is full: drop its oldest value (true) or its newest. The server marks the loss either way. */
  discardOldest: z.boolean().default(true),
  /** Explicit node id → sensor rules (node ids are matched exactly). */
  mapping: mappingSchema,
});

export const connectorSecretsSchema = z.strictObject({
  password: z.string().min(1).max(1024).optional(),
});

const base = {
  name: z.string().min(1).max(100),
  enabled: z.boolean().default(true),
  secrets: connectorSecretsSchema.optional(),
};

export const connectorInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...base, kind: z.literal('mqtt'), config: mqttConfigSchema }),
  z.strictObject({ ...base, kind: z.literal('opcua'), config: opcuaConfigSchema }),
]);

export type ConnectorInput = z.input<typeof connectorInputSchema>;
export type MqttConfig = z.output<typeof mqttConfigSchema>;
export type OpcuaConfig = z.output<typeof opcuaConfigSchema>;
export type ConnectorSecrets = z.output<typeof connectorSecretsSchema>;
export type ConnectorKind = 'mqtt' | 'opcua';

/** A connector as the connector process loads it: config validated, secrets included. */
export type ConnectorDefinition =
  | { id: string; name: string; kind: 'mqtt'; enabled: boolean; revision: number; config: MqttConfig; secrets: ConnectorSecrets }
  | { id: string; name: string; kind: 'opcua'; enabled: boolean; revision: number; config: OpcuaConfig; secrets: ConnectorSecrets };

/** The MQTT client id a connector uses when its config names none: stable per connector. */
export const defaultClientId = (connectorId: string) => `sm-connector-${connectorId}`;
