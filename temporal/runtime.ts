import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import type { Config } from '../config';
import type { Logger } from '../observability/logger';

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** The SDK's logs (workflow, activity, worker lifecycle) as the same structured JSON as ours. */
export function pinoForTemporal(logger: Logger): TemporalLogger {
  const write = (level: LogLevel, message: string, meta?: LogMetadata) =>
    logger[LEVELS[level]]({ ...meta, source: 'temporal-sdk' }, message);
  return {
    log: write,
    trace: (m, meta) => write('TRACE', m, meta),
    debug: (m, meta) => write('DEBUG', m, meta),
    info: (m, meta) => write('INFO', m, meta),
    warn: (m, meta) => write('WARN', m, meta),
    error: (m, meta) => write('ERROR', m, meta),
  };
}

/**
 * Installs the worker process's Temporal runtime once, before any connection: pino logging and,
 * when WORKER_SDK_METRICS_PORT is set, the SDK's own Prometheus exporter (task latencies, poll
 * counts, sticky cache…) beside the business /metrics.
 */
export function installWorkerRuntime(config: Config, logger: Logger): void {
  Runtime.install({
    logger: pinoForTemporal(logger),
    telemetryOptions:
      config.WORKER_SDK_METRICS_PORT > 0
        ? {
            metrics: {
              prometheus: { bindAddress: `${config.WORKER_METRICS_HOST}:${config.WORKER_SDK_METRICS_PORT}`, countersTotalSuffix: true },
            },
          }
        : undefined,
  });
}
