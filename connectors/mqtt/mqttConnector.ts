import { defaultClientId, type ConnectorDefinition } from '../../domain/connectors';
import { SourceMapper } from '../../domain/connectorMapping';
import { parseJsonPayload } from '../../domain/mqttJsonPayload';
import { ConnectorStats, previewPayload, type MessagePreview } from '../connectorStats';
import type { RunningConnector, RuntimeOptions } from '../connectorRuntime';
import { IngestPipeline } from '../pipeline';
import { digest, sampleRow } from '../readingFromSample';
import { MqttSession, type InboundMessage } from './mqttSession';
import { writeMqttBatch } from './redeliveryWrite';
import { SparkplugDecoder, type DecodedMessage } from './sparkplugDecoder';

type MqttDefinition = Extract<ConnectorDefinition, { kind: 'mqtt' }>;

/**
 * A plain JSON (or bare number) message as a reading. The key is topic + source time + the
 * publisher's sequence number (or a digest of the payload when it sends none), so a redelivered
 * message maps to the same key. A bare number has no time of its own: it is stamped on arrival, so
 * its key differs on a redelivery (`arrivalKeyed`); such a message is recognised by its packet id
 * instead (domain/mqttRedelivery.ts).
 */
export function decodeJson(
  connectorId: string,
  mapper: SourceMapper,
  msg: { topic: string; payload: Buffer },
  ctx: { now: Date; maxFutureSkewSeconds: number },
): DecodedMessage & { arrivalKeyed?: boolean } {
  const target = mapper.map(msg.topic);
  if (!target) return { rows: [], preview: { readings: [], error: `no mapping rule for topic ${msg.topic}` } };
  const parsed = parseJsonPayload(msg.payload);
  if (!parsed.ok) return { rows: [], preview: { readings: [], error: parsed.error } };
  const { value, ts, quality, seq } = parsed.sample;
  const at = ts ?? ctx.now;
  const key = ts
    ? `mqtt:${connectorId}:${msg.topic}:${at.toISOString()}:${seq ?? digest(msg.payload)}`
    : `mqtt:${connectorId}:${msg.topic}:arrival:${at.toISOString()}:${digest(msg.payload)}`;
  const made = sampleRow(
    { target, value, ts: at, quality, idempotencyKey: key, source: { connector: connectorId, topic: msg.topic } },
    ctx,
  );
  if ('error' in made) return { rows: [], preview: { readings: [], error: made.error } };
  return {
    rows: [made.row],
    preview: { readings: [{ sensorId: target.sensorId, value, ts: at.toISOString() }] },
    arrivalKeyed: ts === undefined,
  };
}

/** Subscribes, maps, batches into COPY transactions and acknowledges after commit. */
export function startMqttConnector(def: MqttDefinition, opts: RuntimeOptions, stats: ConnectorStats): RunningConnector {
  const log = opts.logger.child({ connector: def.id, name: def.name });
  const mapper = new SourceMapper(def.config.mapping);
  const ctx = () => ({ now: new Date(), maxFutureSkewSeconds: opts.maxFutureSkewSeconds });
  const sparkplug = def.config.payload === 'sparkplug' ? new SparkplugDecoder(def.id, mapper, ctx) : undefined;

  const pipeline = new IngestPipeline({
    sql: opts.sql,
    write: (batch) => writeMqttBatch(opts.sql, def.id, batch),
    maxBuffered: opts.maxBuffered,
    batchSize: opts.batchSize,
    lingerMs: opts.lingerMs,
    onPause: () => {
      log.warn({ buffered: pipeline.buffered }, 'buffer full: pausing the broker until the database catches up');
      session.pause();
    },
    onResume: () => {
      log.info({ buffered: pipeline.buffered }, 'resuming the broker');
      session.resume();
    },
    onCommitted: (r) => {
      stats.committed(r);
      if (r.inserted > 0) opts.onReadingsCommitted?.(r.sensorIds);
    },
    onWriteError: (err) => {
      stats.error(`database write failed: ${err.message}`);
      log.warn({ err: err.message, buffered: pipeline.buffered }, 'batch not written; retrying without acknowledging');
    },
  });

  const session = new MqttSession({
    url: def.config.url,
    clientId: def.config.clientId ?? defaultClientId(def.id),
    username: def.config.username,
    password: def.secrets.password,
    topics: def.config.topics,
    // The broker never has more unacknowledged messages out to us than the buffer holds.
    receiveMaximum: Math.min(opts.maxBuffered, 65_535),
    sessionExpirySeconds: def.config.sessionExpirySeconds,
    onMessage: (msg: InboundMessage) => {
      const decoded = sparkplug ? sparkplug.decode(msg.topic, msg.payload) : decodeJson(def.id, mapper, msg, ctx());
      const preview: MessagePreview = {
        at: new Date().toISOString(),
        source: msg.topic,
        payload: previewPayload(msg.payload),
        ...decoded.preview,
      };
      stats.received(preview);
      if (decoded.preview.error) stats.error(decoded.preview.error);
      if (decoded.lostMessages) stats.lost(decoded.lostMessages, decoded.warning ?? 'Sparkplug messages skipped');
      else if (decoded.warning) stats.error(decoded.warning);
      if (decoded.rebirth) session.publish(decoded.rebirth.topic, decoded.rebirth.payload);
      // A message that maps to nothing is still acknowledged in order, after the batch before it.
      const delivery =
        msg.qos === 1 && msg.messageId !== undefined
          ? {
              packetId: msg.messageId,
              dup: msg.dup,
              fingerprint: digest(Buffer.concat([Buffer.from(`${msg.topic}\0`), msg.payload])),
              arrivalKeyed: 'arrivalKeyed' in decoded && decoded.arrivalKeyed === true,
            }
          : undefined;
      pipeline.push({ rows: decoded.rows, afterWrite: decoded.afterWrite, delivery, ack: () => session.ack(msg) });
    },
    onStateChange: (s) => {
      // In order with the messages: everything after this belongs to a fresh session.
      if (s.connected && s.sessionPresent === false) pipeline.push({ rows: [], sessionStart: true, ack: () => undefined });
      stats.connected = s.connected;
      if (s.error) stats.error(s.error);
      log.info({ connected: s.connected, error: s.error, sessionPresent: s.sessionPresent }, 'mqtt session');
    },
  });
  session.start();

  return {
    id: def.id,
    revision: def.revision,
    flow: () => ({ buffered: pipeline.buffered, paused: pipeline.isPaused }),
    async stop() {
      // Write what is buffered while still connected (so it can be acknowledged), bounded: a
      // database that is down must not hold the shutdown; the broker redelivers the rest.
      await Promise.race([pipeline.drain(), new Promise((r) => setTimeout(r, 3000))]);
      pipeline.stop();
      await session.stop();
    },
  };
}
