import { dataDir, getConfig } from '../config';
import { closeSql, getSql } from '../db/sql';
import { createLogger } from '../observability/logger';
import { createMetrics } from '../observability/metrics';
import { serveMetrics } from '../observability/metricsServer';
import { bootstrapApiKeys } from '../usecases/apiKeyBootstrap';
import { bootstrapAdminUser } from '../usecases/users';
import { seedDefaultTechnicians } from '../db/technicians';
import { createTemporalClient } from '../temporal/client';
import { mainTaskQueue } from '../temporal/taskQueues';
import { createApp } from './app';
import { defaultModelRegistry, preloadModels, useRecordedProductionVersions } from '../models';
import { recordedProductionVersions } from '../db/modelStages';
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

  // First run: the admin user and its one-time sign-in link, created before the keys so that the
  // generated admin key belongs to that user (the key file stays for integrators and scripts).
  const firstRun = await bootstrapAdminUser(sql, config.SIGN_IN_LINK_TTL_HOURS);
  const { generated, keyFile, revokedSeeds } = await bootstrapApiKeys(sql, config.API_KEYS, dataDir(config));
  // A revoked seed stays revoked; say so at every start until the operator drops it from API_KEYS.
  for (const name of revokedSeeds ?? []) {
    logger.warn({ key_name: name }, 'API_KEYS names a key that was revoked; it stays revoked: remove it from API_KEYS');
  }
  await seedDefaultTechnicians(sql);
  // Promotions and rollbacks recorded in the database decide which version is in Production.
  useRecordedProductionVersions(() => recordedProductionVersions(sql));
  // Sessions named in API_PRELOAD_MODELS are created before taking traffic; the others on first use.
  const preload = config.API_PRELOAD_MODELS;
  if (preload.length) await preloadModels(defaultModelRegistry(), preload.includes('all') ? undefined : preload);
  if (generated) {
    // Printed once, on purpose, to the terminal; never through the logger.
    process.stdout.write(`\nGenerated an admin API key (also saved to ${keyFile}):\n  ${generated}\n\n`);
  }
  if (firstRun) {
    // Like a notebook server's token link: open it once to sign in as the admin, then set a password.
    const base = config.PUBLIC_URL ?? `http://localhost:${config.API_PORT}`;
    process.stdout.write(
      `\nSign in to the dashboard as ${firstRun.email} (one-time link, valid ${config.SIGN_IN_LINK_TTL_HOURS} h):\n  ${base}/sign-in?token=${firstRun.token}\n\n`,
    );
  }

  const { app, predictionLog, alarmRaiser } = createApp({
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
  logger.info({ port: config.API_PORT, host: config.API_HOST, pid: process.pid }, 'api listening');
  // Prometheus scrapes a listener of its own, never the public port (observability/metricsServer.ts).
  const metricsServer = config.METRICS_PORT > 0 ? serveMetrics(metrics.registry, config.METRICS_HOST, config.METRICS_PORT) : undefined;
  metricsServer?.on('error', (err) => logger.warn({ err: err.message }, 'api metrics endpoint unavailable'));
  metricsServer?.on('listening', () => logger.info({ port: config.METRICS_PORT, host: config.METRICS_HOST }, 'api metrics listening'));

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'api shutting down');
    server.close();
    server.closeAllConnections();
    metricsServer?.close();
    // Predictions answered but not yet logged are written before the pool closes, and readings
    // already stored are scored (bounded: the monitoring sweep catches up on whatever is left).
    await Promise.all([predictionLog.flush(), Promise.race([alarmRaiser.idle(), new Promise((r) => setTimeout(r, 5000))])]);
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
