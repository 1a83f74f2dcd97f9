import { getConfig } from '../config';
import { closeSql, getSql } from '../db/sql';
import { createLogger } from '../observability/logger';
import { mainTaskQueue } from './taskQueues';
import { createWorker } from './worker';

/** Worker entry point: polls the main queue until SIGINT/SIGTERM, then drains and exits. */
async function run(): Promise<void> {
  const config = getConfig();
  const logger = createLogger('worker');
  const { worker, connection } = await createWorker({
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: mainTaskQueue(config),
    deps: { sql: getSql(), maxFutureSkewSeconds: config.MAX_FUTURE_SKEW_SECONDS },
  });
  logger.info({ taskQueue: mainTaskQueue(config) }, 'worker polling');
  try {
    // Worker.run() installs its own SIGINT/SIGTERM handling and resolves after draining.
    await worker.run();
  } finally {
    await connection.close();
    await closeSql();
  }
}

run().catch((err) => {
  console.error('worker failed:', err);
  process.exit(1);
});
