import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { Client } from '@temporalio/client';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { registerBusinessMetrics } from '../activities/metricsCollector';
import { getConfig } from '../config';
import { closeSql, getSql } from '../db/sql';
import { createLogger, type Logger } from '../observability/logger';
import { defaultModelRegistry, preloadModels, sessionCount, useRecordedProductionVersions } from '../models';
import { recordedProductionVersions } from '../db/modelStages';
import { ensureMonitoringSchedule } from '../temporal/schedules';
import { ensureRetentionSchedule } from '../temporal/retentionSchedule';
import { mainTaskQueue } from '../temporal/taskQueues';
import { installWorkerRuntime } from '../temporal/runtime';
import { temporalConnectionSecurity } from '../temporal/tls';
import { createWorker } from './createWorker';

/**
 * The bundle `npm start` built once for every worker it starts (webpack then never runs in a worker
 * process: 290 instead of 379 MiB resident after start-up with the models loaded, measured with
 * scripts/worker-memory.ts); without one, or when the file is gone, the worker bundles itself.
 */
function prebuiltBundle(codePath: string | undefined, logger: Logger): { codePath: string } | undefined {
  if (!codePath) return undefined;
  if (existsSync(codePath)) return { codePath };
  logger.warn({ codePath }, 'prebuilt workflow bundle not found; bundling the workflows in this worker');
  return undefined;
}

/** Worker entry point: polls the main queue until SIGINT/SIGTERM, then drains and exits. */
async function run(): Promise<void> {
  const config = getConfig();
  const logger = createLogger('worker');
  installWorkerRuntime(config, logger);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sm_worker_' });
  const metrics = registerBusinessMetrics(registry);
  new Gauge({
    name: 'sm_worker_onnx_sessions',
    help: 'ONNX Runtime sessions this worker holds (created on first use, or at start for WORKER_PRELOAD_MODELS)',
    registers: [registry],
    collect() {
      this.set(sessionCount());
    },
  });
  const { worker, connection } = await createWorker({
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: mainTaskQueue(config),
    deps: { sql: getSql(), config, metrics, logger },
    security: temporalConnectionSecurity(config),
    workflowBundle: prebuiltBundle(config.WORKFLOW_BUNDLE_PATH, logger),
    extra: {
      maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
      workflowThreadPoolSize: config.WORKER_WORKFLOW_THREADS,
      maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    },
  });
  // The worker's own /metrics: business metrics are counted where the agents run.
  const metricsServer =
    config.WORKER_METRICS_PORT > 0
      ? createServer((req, res) => {
          if (req.url !== '/metrics') {
            res.writeHead(404).end();
            return;
          }
          registry.metrics().then((text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text));
        }).listen(config.WORKER_METRICS_PORT, config.WORKER_METRICS_HOST)
      : undefined;
  metricsServer?.on('error', (err) => logger.warn({ err: err.message }, 'worker metrics endpoint unavailable'));
  // Promotions and rollbacks recorded in the database decide which version "auto" serves.
  useRecordedProductionVersions(() => recordedProductionVersions(getSql()));
  // Sessions are created on first use unless WORKER_PRELOAD_MODELS names them: ONNX Runtime's
  // first session costs about 30 MiB resident and each further one 10 to 15, which a worker that
  // never runs a model should not pay (and released sessions do not give back to the system).
  const preload = config.WORKER_PRELOAD_MODELS;
  if (preload.length) {
    const models = await preloadModels(defaultModelRegistry(), preload.includes('all') ? undefined : preload);
    logger.info({ models }, 'models preloaded');
  }
  // Every worker ensures it (create-or-update is idempotent); a failure only costs the 15-minute checks, so it warns.
  await ensureMonitoringSchedule(new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }), mainTaskQueue(config), {
    every: `${config.MONITORING_INTERVAL_MINUTES} minutes`,
  }).then(
    (s) => logger.info(s, 'monitoring schedule ensured'),
    (err: Error) => logger.warn({ err: err.message }, 'monitoring schedule not ensured'),
  );
  // Not under tests: their workers share one database whose readings carry old timestamps on
  // purpose, and an hourly roll-up firing mid-suite would delete what they count.
  if (config.NODE_ENV !== 'test') {
    await ensureRetentionSchedule(new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }), mainTaskQueue(config), {
      retainDays: config.RAW_READINGS_RETENTION_DAYS,
      batchSize: config.RETENTION_BATCH_SIZE,
      pauseMs: 100,
    }).then(
      (s) => logger.info(s, 'retention schedule ensured'),
      (err: Error) => logger.warn({ err: err.message }, 'retention schedule not ensured'),
    );
  }
  logger.info(
    { taskQueue: mainTaskQueue(config), metricsHost: config.WORKER_METRICS_HOST, metricsPort: config.WORKER_METRICS_PORT },
    'worker polling',
  );
  try {
    // Worker.run() installs its own SIGINT/SIGTERM handling and resolves after draining.
    await worker.run();
  } finally {
    metricsServer?.close();
    await connection.close();
    await closeSql();
  }
}

run().catch((err) => {
  console.error('worker failed:', err);
  process.exit(1);
});
