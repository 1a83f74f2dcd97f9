import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { Client } from '@temporalio/client';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { registerBusinessMetrics } from '../activities/metricsCollector';
import { getConfig } from '../config';
import { closeSql, getSql } from '../db/sql';
import { createLogger, type Logger } from '../observability/logger';
import { defaultModelRegistry, preloadModels } from '../models';
import { ensureMonitoringSchedule } from '../temporal/schedules';
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
  const { worker, connection } = await createWorker({
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: mainTaskQueue(config),
    deps: { sql: getSql(), config, metrics, logger },
    security: temporalConnectionSecurity(config),
    workflowBundle: prebuiltBundle(config.WORKFLOW_BUNDLE_PATH, logger),
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
  // ONNX sessions take a second or more to create; pay that before the first workflow, not in it.
  const models = await preloadModels(defaultModelRegistry());
  logger.info({ models }, 'models preloaded');
  // Every worker ensures it (create-or-update is idempotent); a failure only costs the 15-minute checks, so it warns.
  await ensureMonitoringSchedule(new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }), mainTaskQueue(config), {
    every: `${config.MONITORING_INTERVAL_MINUTES} minutes`,
  }).then(
    (s) => logger.info(s, 'monitoring schedule ensured'),
    (err: Error) => logger.warn({ err: err.message }, 'monitoring schedule not ensured'),
  );
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
