import { get as getSparkplug } from 'sparkplug-payload';
import type { UPayload } from 'sparkplug-payload/lib/sparkplugbpayload';
import type postgres from 'postgres';
import { markSensorsLive, markSourcesStale } from '../../db/connectors';
import type { SourceMapper } from '../../domain/connectorMapping';
import { sampleRow } from '../readingFromSample';
import type { NewReading } from '../../domain/reading';
import type { MessagePreview } from '../connectorStats';

const sparkplug = getSparkplug('spBv1.0')!;

/** Long (protobuf 64-bit) or number, as a number. */
function num(x: unknown): number | undefined {
  if (typeof x === 'number') return x;
  if (x && typeof x === 'object' && 'toNumber' in x && typeof (x as { toNumber: unknown }).toNumber === 'function') {
    return (x as { toNumber(): number }).toNumber();
  }
  return undefined;
}

/** Sparkplug's own bookkeeping metrics, which are not measurements. */
const isProtocolMetric = (name: string) =>
  name === 'bdSeq' || name.startsWith('Node Control/') || name.startsWith('Device Control/') || name.startsWith('Properties/');

const NUMERIC = new Set(['Int8', 'Int16', 'Int32', 'Int64', 'UInt8', 'UInt16', 'UInt32', 'UInt64', 'Float', 'Double', 'Boolean']);

export interface DecodedMessage {
  rows: NewReading[];
  preview: Omit<MessagePreview, 'at' | 'payload' | 'source'>;
  afterWrite?: (sql: postgres.Sql) => Promise<void>;
  /** Set when the decoder wants the edge node to publish its birth again (an unknown alias). */
  rebirth?: { topic: string; payload: Buffer };
  /** A sequence gap or other protocol remark, reported as the connector's last error. */
  warning?: string;
  /** Node messages a forward sequence gap says never arrived (Sparkplug data is often QoS 0: the broker drops it when we pause). */
  lostMessages?: number;
}

interface NodeState {
  /** alias → metric name, from NBIRTH and DBIRTH (aliases are unique across a node and its devices). */
  aliases: Map<number, string>;
  expectedSeq: number | undefined;
}

/**
 * Sparkplug B: births define metric names (and aliases), data messages carry values by name or
 * alias, every node message carries a sequence number 0..255, and NDEATH/DDEATH mark a node's or
 * a device's sensors stale. Decoding is sparkplug-payload's; this keeps the per-node state.
 *
 * A metric's source, for the mapping rules, is `group/node:metric` or `group/node/device:metric`:
 * metric names usually contain slashes (`Cabinet/Temp`), so the colon keeps a node metric from
 * reading as a device one.
 */
export class SparkplugDecoder {
  private readonly nodes = new Map<string, NodeState>();

  constructor(
    private readonly connectorId: string,
    private readonly mapper: SourceMapper,
    private readonly ctx: () => { now: Date; maxFutureSkewSeconds: number },
  ) {}

  decode(topic: string, payload: Buffer): DecodedMessage {
    const parts = topic.split('/');
    if (parts[0] !== 'spBv1.0' || parts.length < 4) return { rows: [], preview: { readings: [], error: 'not a Sparkplug B topic' } };
    const [, group, type, edge, device] = parts as [string, string, string, string, string | undefined];
    if (type === 'STATE' || type === 'NCMD' || type === 'DCMD') return { rows: [], preview: { readings: [] } };
    const nodeKey = `${group}/${edge}`;
    const scope = device ? `${nodeKey}/${device}` : nodeKey;
    if (type === 'NDEATH' || type === 'DDEATH') {
      if (type === 'NDEATH') this.nodes.delete(nodeKey);
      return {
        rows: [],
        preview: { readings: [] },
        // A node's death takes its devices with it: `group/node:metric` and `group/node/device:metric`.
        afterWrite: async (sql) => {
          await markSourcesStale(this.connectorId, `${scope}:`, sql);
          if (type === 'NDEATH') await markSourcesStale(this.connectorId, `${scope}/`, sql);
        },
      };
    }
    let decoded: UPayload;
    try {
      decoded = sparkplug.decodePayload(payload);
    } catch (err) {
      return { rows: [], preview: { readings: [], error: `undecodable Sparkplug payload: ${(err as Error).message}` } };
    }
    let node = this.nodes.get(nodeKey);
    if (type === 'NBIRTH') {
      node = { aliases: new Map(), expectedSeq: undefined };
      this.nodes.set(nodeKey, node);
    }
    let warning: string | undefined;
    let lostMessages: number | undefined;
    const seq = num(decoded.seq);
    if (node && seq !== undefined) {
      if (node.expectedSeq !== undefined && seq !== node.expectedSeq && type !== 'NBIRTH') {
        warning = `Sparkplug sequence gap on ${nodeKey}: expected ${node.expectedSeq}, got ${seq}`;
        // Ahead by less than half the 0..255 ring: that many messages were skipped. Further "ahead"
        // is taken for a step back (a QoS 1 redelivery after a reconnect), which loses nothing.
        const ahead = (seq - node.expectedSeq + 256) % 256;
        if (ahead < 128) lostMessages = ahead;
      }
      node.expectedSeq = (seq + 1) % 256;
    }
    const isBirth = type === 'NBIRTH' || type === 'DBIRTH';
    const rows: NewReading[] = [];
    const readings: MessagePreview['readings'] = [];
    const births: { sensorId: string; source: string }[] = [];
    let unknownAlias = false;
    let error: string | undefined;
    const payloadTs = num(decoded.timestamp);
    const ctx = this.ctx();
    for (const metric of decoded.metrics ?? []) {
      const alias = num(metric.alias);
      let name = metric.name ?? undefined;
      if (isBirth && name && alias !== undefined && node) node.aliases.set(alias, name);
      if (!name && alias !== undefined) name = node?.aliases.get(alias);
      if (!name) {
        unknownAlias = true;
        continue;
      }
      if (isProtocolMetric(name)) continue;
      const source = `${scope}:${name}`;
      const target = this.mapper.map(source);
      if (!target) {
        error ??= `no mapping rule for ${source}`;
        continue;
      }
      if (isBirth) births.push({ sensorId: target.sensorId, source });
      if (metric.isNull || !NUMERIC.has(String(metric.type))) continue;
      const value = typeof metric.value === 'boolean' ? (metric.value ? 1 : 0) : num(metric.value);
      if (value === undefined || !Number.isFinite(value)) continue;
      const tsMs = num(metric.timestamp) ?? payloadTs ?? ctx.now.getTime();
      const ts = new Date(tsMs);
      const made = sampleRow(
        {
          target,
          value,
          ts,
          idempotencyKey: `spb:${this.connectorId}:${source}:${tsMs}:${seq ?? ''}`,
          source: { connector: this.connectorId, topic, metric: name },
        },
        ctx,
      );
      if ('error' in made) {
        error ??= `${source}: ${made.error}`;
        continue;
      }
      rows.push(made.row);
      readings.push({ sensorId: target.sensorId, value, ts: ts.toISOString() });
    }
    if (unknownAlias) error ??= `metric alias unknown on ${scope} (its birth was missed); rebirth requested`;
    return {
      rows,
      preview: { readings, error },
      warning,
      lostMessages,
      afterWrite: births.length ? async (sql) => markSensorsLive(this.connectorId, births, sql) : undefined,
      rebirth: unknownAlias ? { topic: `spBv1.0/${group}/NCMD/${edge}`, payload: this.rebirthPayload() } : undefined,
    };
  }

  private rebirthPayload(): Buffer {
    return Buffer.from(
      sparkplug.encodePayload({ timestamp: Date.now(), metrics: [{ name: 'Node Control/Rebirth', type: 'Boolean', value: true }] }),
    );
  }
}
