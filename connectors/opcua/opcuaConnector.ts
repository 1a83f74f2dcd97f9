import {
  AttributeIds,
  ClientMonitoredItemGroup,
  ClientSubscription,
  DataChangeFilter,
  DataChangeTrigger,
  TimestampsToReturn,
  type DataValue,
  type NotificationMessage,
  type OPCUAClient,
} from 'node-opcua';
import { copyReadingsOnce } from '../../db/readingsCopy';
import type { ConnectorDefinition } from '../../domain/connectors';
import { SourceMapper } from '../../domain/connectorMapping';
import { NotificationSequence } from '../../domain/opcuaNotificationSequence';
import type { ConnectorStats } from '../connectorStats';
import type { RunningConnector, RuntimeOptions } from '../connectorRuntime';
import { IngestPipeline } from '../pipeline';
import { sampleRow } from '../readingFromSample';
import { createOpcuaClient, identity } from './opcuaClient';
import { recoverSkippedNotifications } from './republish';

type OpcuaDefinition = Extract<ConnectorDefinition, { kind: 'opcua' }>;

const ABSOLUTE_DEADBAND = 1;
const BACKOFF_INITIAL_MS = 250;
const BACKOFF_MAX_MS = 10_000;

/**
 * Subscribes to the mapped node ids and stores each value change with its source timestamp. The
 * key is node id + source timestamp, so the values a re-created subscription sends again (every
 * item reports its current value first) are recognised and not stored twice.
 *
 * Back-pressure: OPC UA has no acknowledgement to withhold. When the pipeline pauses, the
 * subscription's publishing is switched off, so the SERVER keeps each monitored item's values in
 * its queue (`queueSize`, `discardOldest`) and this process stops taking more; publishing resumes
 * when the buffer drained and the server sends the queue. Nothing is dropped here: what the server
 * had to discard it marks (the Overflow info bit on the value after the gap), and those marks, with
 * notification messages skipped and no longer available for Republish, are counted as lost.
 *
 * Reconnection is explicit: when the connection, the session or the subscription is lost, the
 * whole client is dropped and rebuilt with backoff, and the subscription re-created; after a
 * server restart there is no session to resume anyway.
 */
export function startOpcuaConnector(def: OpcuaDefinition, opts: RuntimeOptions, stats: ConnectorStats): RunningConnector {
  const log = opts.logger.child({ connector: def.id, name: def.name });
  const config = def.config;
  const mapper = new SourceMapper(config.mapping);
  const nodes = config.mapping.filter((r) => !r.source.includes('{')).map((r) => r.source);
  let stopped = false;
  let client: OPCUAClient | undefined;
  let subscription: ClientSubscription | undefined;
  let backoff = BACKOFF_INITIAL_MS;
  let retryTimer: NodeJS.Timeout | undefined;
  let generation = 0;

  const pipeline = new IngestPipeline({
    sql: opts.sql,
    write: (batch) =>
      copyReadingsOnce(
        batch.flatMap((i) => i.rows),
        opts.sql,
      ),
    maxBuffered: opts.maxBuffered,
    batchSize: opts.batchSize,
    lingerMs: opts.lingerMs,
    onPause: () => setPublishing(false),
    onResume: () => setPublishing(true),
    onCommitted: (r) => {
      stats.committed(r);
      if (r.inserted > 0) opts.onReadingsCommitted?.(r.sensorIds);
    },
    onWriteError: (err) => {
      stats.error(`database write failed: ${err.message}`);
      log.warn({ err: err.message }, 'batch not written; retrying');
    },
  });

  /** Asks the server to hold (false) or send (true) the monitored items' queued values. */
  const setPublishing = (enabled: boolean) => {
    const sub = subscription;
    if (!sub) return; // a subscription created meanwhile starts with publishing as the pipeline wants
    sub.setPublishingMode(enabled).then(
      (status) => {
        if (status.isNotGood()) stats.error(`publishing mode ${enabled ? 'on' : 'off'} refused: ${status.name}`);
      },
      // Publishing stays as it was: values keep arriving and are buffered (never dropped) here.
      (err: Error) => stats.error(`publishing mode ${enabled ? 'on' : 'off'} failed: ${err.message}`),
    );
    log.info({ publishing: enabled }, enabled ? 'resuming the server publishing' : 'pausing the server publishing (back-pressure)');
  };

  const onValue = (nodeId: string, dv: DataValue) => {
    const ts = dv.sourceTimestamp ?? dv.serverTimestamp ?? new Date();
    const raw = dv.value?.value;
    const value = typeof raw === 'boolean' ? (raw ? 1 : 0) : typeof raw === 'number' ? raw : Number.NaN;
    const target = mapper.map(nodeId);
    const preview = {
      at: new Date().toISOString(),
      source: nodeId,
      payload: String(raw).slice(0, 300),
      readings: [] as { sensorId: string; value: number; ts: string }[],
    };
    let error: string | undefined;
    if (!target) error = `no mapping rule for node ${nodeId}`;
    else if (dv.statusCode.isNotGood() && !dv.statusCode.isGoodish()) error = `status ${dv.statusCode.name}`;
    else if (!Number.isFinite(value)) error = 'value is not numeric';
    if (error || !target) {
      stats.received({ ...preview, error });
      return;
    }
    // The server discarded one or more of this item's values just before this one (its queue was
    // full while publishing was off): the value itself is good, the gap is counted.
    if (dv.statusCode.hasOverflowBit) stats.lost(1, `server queue overflowed for ${nodeId}: values discarded before ${ts.toISOString()}`);
    // Severity and sub-code only: the info bits (overflow, limits) do not make a value uncertain.
    const quality = (dv.statusCode.value & 0xffff0000) === 0 ? 1 : 0.5;
    const made = sampleRow(
      {
        target,
        value,
        ts,
        quality,
        idempotencyKey: `opcua:${def.id}:${nodeId}:${ts.toISOString()}:${dv.sourcePicoseconds ?? 0}`,
        source: { connector: def.id, node: nodeId },
      },
      { now: new Date(), maxFutureSkewSeconds: opts.maxFutureSkewSeconds },
    );
    if ('error' in made) {
      stats.received({ ...preview, error: made.error });
      return;
    }
    stats.received({ ...preview, readings: [{ sensorId: target.sensorId, value, ts: ts.toISOString() }] });
    pipeline.push({ rows: [made.row], ack: () => undefined });
  };

  const lost = (gen: number, reason: string) => {
    if (gen !== generation || stopped) return;
    generation++;
    stats.connected = false;
    stats.error(reason);
    log.warn({ reason, retryInMs: backoff }, 'opc ua connection lost');
    const old = client;
    client = undefined;
    subscription = undefined;
    void old?.disconnect().catch(() => undefined);
    schedule();
  };

  const schedule = () => {
    if (stopped) return;
    const delay = backoff;
    backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
    retryTimer = setTimeout(() => void connect(), delay);
  };

  const connect = async () => {
    const gen = ++generation;
    const c = createOpcuaClient(config);
    client = c;
    try {
      c.on('connection_lost', () => lost(gen, 'connection lost'));
      c.on('close', () => lost(gen, 'connection closed'));
      await c.connect(config.endpointUrl);
      const session = await c.createSession(identity(config.username, def.secrets.password));
      session.on('session_closed', () => lost(gen, 'session closed'));
      session.on('keepalive_failure', () => lost(gen, 'session keep-alive failed'));
      const sub = ClientSubscription.create(session, {
        requestedPublishingInterval: config.publishingIntervalMs,
        requestedMaxKeepAliveCount: 10,
        requestedLifetimeCount: 100,
        maxNotificationsPerPublish: 0,
        publishingEnabled: !pipeline.isPaused,
        priority: 1,
      });
      sub.on('terminated', () => lost(gen, 'subscription terminated'));
      sub.on('internal_error', (err: Error) => lost(gen, `subscription error: ${err.message}`));
      if (gen !== generation || stopped) return;
      subscription = sub;
      const group = ClientMonitoredItemGroup.create(
        sub,
        nodes.map((nodeId) => ({ nodeId, attributeId: AttributeIds.Value })),
        {
          samplingInterval: config.samplingIntervalMs,
          queueSize: config.queueSize,
          discardOldest: config.discardOldest,
          filter:
            config.deadband > 0
              ? new DataChangeFilter({
                  trigger: DataChangeTrigger.StatusValue,
                  deadbandType: ABSOLUTE_DEADBAND,
                  deadbandValue: config.deadband,
                })
              : undefined,
        },
        TimestampsToReturn.Both,
      );
      group.on('changed', (_item, dv: DataValue, index: number) => {
        if (gen === generation) onValue(nodes[index]!, dv);
      });
      const recover = async (s: ClientSubscription, missing: number[]) => {
        const handles = new Map(group.monitoredItems.map((item, i) => [item.monitoringParameters.clientHandle, nodes[i]!]));
        const result = await recoverSkippedNotifications(session, s.subscriptionId, missing, (handle, dv) => {
          const nodeId = handles.get(handle);
          if (nodeId && gen === generation) onValue(nodeId, dv);
        });
        if (result.lost) stats.lost(result.lost, `${result.lost} notification messages skipped and no longer available for Republish`);
        log.warn({ missing: missing.length, recovered: result.recovered, lost: result.lost }, 'notification sequence gap');
      };
      const sequence = new NotificationSequence();
      sub.on('raw_notification', (message: NotificationMessage) => {
        if (gen !== generation) return;
        const gap = sequence.observe(message.sequenceNumber, (message.notificationData?.length ?? 0) > 0);
        if (gap.tooWide) stats.lost(gap.tooWide, `${gap.tooWide} notification messages skipped`);
        if (gap.missing.length) recover(sub, gap.missing).catch((err: Error) => stats.error(`republish failed: ${err.message}`));
      });
      group.on('err', (message: string) => stats.error(`monitored items: ${message}`));
      stats.connected = true;
      backoff = BACKOFF_INITIAL_MS;
      log.info({ nodes: nodes.length }, 'opc ua subscription created');
    } catch (err) {
      if (gen !== generation) return;
      lost(gen, `cannot connect: ${(err as Error).message}`);
    }
  };

  void connect();

  return {
    id: def.id,
    revision: def.revision,
    flow: () => ({ buffered: pipeline.buffered, paused: pipeline.isPaused }),
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      generation++;
      await Promise.race([pipeline.drain(), new Promise((r) => setTimeout(r, 3000))]);
      pipeline.stop();
      // A server sends nothing twice: values still buffered when the database would not take them
      // in time are gone, and said so.
      if (pipeline.buffered > 0) {
        stats.lost(pipeline.buffered, `${pipeline.buffered} values not stored at shutdown`);
        log.warn({ values: pipeline.buffered }, 'stopped with values not stored');
      }
      stats.connected = false;
      await client?.disconnect().catch(() => undefined);
    },
  };
}
