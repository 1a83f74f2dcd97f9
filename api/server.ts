import { dataDir, getConfig } from '../config';
import { closeSql, getSql } from '../db/sql';
import { createLogger } from '../observability/logger';
import { createMetrics } from '../observability/metrics';
import { serveMetrics } from '../observability/metricsServer';
import { bootstrapApiKeys } from '../usecases/apiKeyBootstrap';
import { seedDefaultTechnicians } from '../db/technicians';
import { createTemporalClient } from '../temporal/client';
import { mainTaskQueue } from '../temporal/taskQueues';
import { createApp } from './app';
import { defaultModelRegistry, preloadModels } from '../models';
import { createRedis } from './redis';

async function run(): Promise<void> {
  const config = getConfig();
  const logger = createLogger('api');
  const sql = getSql();
  const redis = createRedis(config.REDIS_URL);
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
  redis.connect().catch(() => logger.warn('redis not reachable yet; will keep retrying'));
  const temporal = createTemporalClient(config);
  const metrics = createMetrics();

  const { generated, keyFile, revokedSeeds } = await bootstrapApiKeys(sql, config.API_KEYS, dataDir(config));
  // A revoked seed stays revoked; say so at every start until the operator drops it from API_KEYS.
  for (const name of revokedSeeds ?? []) {
    logger.warn({ key_name: name }, 'API_KEYS names a key that was revoked; it stays revoked: remove it from API_KEYS');
  }
  await seedDefaultTechnicians(sql);
  // Predictions are on the API's hot path: load the sessions before taking traffic.
  await preloadModels(defaultModelRegistry());
  if (generated) {
    // Printed once, on purpose, to the terminal; never through the logger.
    process.stdout.write(`\nGenerated an admin API key (also saved to ${keyFile}):\n  ${generated}\n\n`);
  }

  const { app, predictionLog } = createApp({
    config,
    sql,
    redis,
    temporal: { ...temporal, taskQueue: mainTaskQueue(config) },
    logger,
    metrics,
  });
  const server = app.listen(config.API_PORT, config.API_HOST);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  logger.info({ port: config.API_PORT, host: config.API_HOST }, 'api listening');
  // Prometheus scrapes a listener of its own, never the public port (observability/metricsServer.ts).
  const metricsServer = config.METRICS_PORT > 0 ? serveMetrics(metrics.registry, config.METRICS_HOST, config.METRICS_PORT) : undefined;
  metricsServer?.on('error', (err) => logger.warn({ err: err.message }, 'api metrics endpoint unavailable'));
  metricsServer?.on('listening', () => logger.info({ port: config.METRICS_PORT, host: config.METRICS_HOST }, 'api metrics listening'));

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'api shutting down');
    server.close();
    server.closeAllConnections();
    metricsServer?.close();
    // Predictions answered but not yet logged are written before the pool closes.
    await predictionLog.flush();
    await Promise.allSettled([closeSql(), redis.quit(), temporal.connection.close()]);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

run().catch((err) => {
  console.error('api failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
