import { createServer } from 'node:http';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { getConfig } from '../config';
import { closeSql, getSql } from '../db/sql';
import { createLogger } from '../observability/logger';
import { standaloneAlarmRaiser } from '../usecases/alarms';
import { ConnectorHost } from './connectorHost';

/**
 * Connector process entry point: runs every enabled connector (MQTT, OPC UA) from the connectors
 * table until SIGINT/SIGTERM. Its own /health and /metrics show each connector's buffer and
 * whether it paused its source: the back-pressure signal when PostgreSQL is slow or down.
 */
async function run(): Promise<void> {
  const config = getConfig();
  const logger = createLogger('connectors');
  const sql = getSql();
  // Readings a connector stores are scored for alarms right after their batch commits, not at the
  // next monitoring sweep: the same raiser as the API's ingests (it queues, two sensors at a time).
  const alarms = standaloneAlarmRaiser({ sql, config, logger });
  const host = new ConnectorHost({
    sql,
    logger,
    maxBuffered: config.CONNECTOR_MAX_BUFFERED,
    batchSize: config.CONNECTOR_BATCH_SIZE,
    lingerMs: config.CONNECTOR_LINGER_MS,
    maxFutureSkewSeconds: config.MAX_FUTURE_SKEW_SECONDS,
    pollMs: config.CONNECTORS_POLL_MS,
    statusMs: config.CONNECTORS_STATUS_MS,
    onReadingsCommitted: (sensorIds) => alarms.raiser.kick(sensorIds),
  });

  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sm_connectors_' });
  const perConnector = (name: string, help: string, pick: (s: ReturnType<ConnectorHost['snapshot']>[number]) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['connector'],
      registers: [registry],
      collect() {
        this.reset();
        for (const s of host.snapshot()) this.set({ connector: s.connectorId }, pick(s));
      },
    });
  perConnector('sm_connector_buffered_messages', 'Messages received and not yet committed (unacknowledged)', (s) => s.buffered);
  perConnector('sm_connector_paused', '1 while the connector stopped reading its source because its buffer is full', (s) =>
    s.paused ? 1 : 0,
  );
  perConnector('sm_connector_connected', '1 while connected to the broker or server', (s) => (s.connected ? 1 : 0));
  perConnector('sm_connector_messages_committed', 'Messages committed (and acknowledged) since start', (s) => s.messagesTotal);
  perConnector('sm_connector_rows_inserted', 'Readings stored since start (redeliveries excluded)', (s) => s.insertedTotal);
  perConnector(
    'sm_connector_values_lost',
    'Values or messages known lost at the source (OPC UA queue overflow while paused, notifications gone before Republish, Sparkplug sequence gaps) since start; a lower bound',
    (s) => s.lostTotal,
  );
  perConnector('sm_connector_messages_rejected', 'Messages refused (unparseable, unmapped, invalid) since start', (s) => s.rejectedTotal);

  const server =
    config.CONNECTORS_METRICS_PORT > 0
      ? createServer((req, res) => {
          if (req.url === '/metrics') {
            registry.metrics().then((text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text));
            return;
          }
          if (req.url === '/health') {
            const connectors = host.snapshot().map(({ recent: _recent, ...s }) => s);
            const degraded = connectors.some((c) => c.paused || !c.connected) || host.lastSyncError !== null;
            res
              .writeHead(degraded ? 503 : 200, { 'Content-Type': 'application/json' })
              .end(JSON.stringify({ status: degraded ? 'degraded' : 'ok', database: host.lastSyncError ?? 'ok', connectors }));
            return;
          }
          res.writeHead(404).end();
        }).listen(config.CONNECTORS_METRICS_PORT, config.CONNECTORS_METRICS_HOST)
      : undefined;
  server?.on('error', (err) => logger.warn({ err: err.message }, 'connector metrics endpoint unavailable'));

  await host.run();
  logger.info({ metricsPort: config.CONNECTORS_METRICS_PORT }, 'connectors running');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  logger.info('stopping connectors');
  try {
    await host.stop();
    await alarms.close();
  } finally {
    server?.close();
    await closeSql();
  }
}

run().catch((err) => {
  console.error('connectors failed:', err);
  process.exit(1);
});
