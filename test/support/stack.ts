import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type Redis from 'ioredis';
import type postgres from 'postgres';
import { inject } from 'vitest';
import { Registry } from 'prom-client';
import { createActivities } from '../../activities';
import { registerBusinessMetrics } from '../../activities/metricsCollector';
import { createApp } from '../../api/app';
import { createRedis } from '../../api/redis';
import { parseConfig, type Config } from '../../config';
import { createApiKey } from '../../db/apiKeys';
import { createSql } from '../../db/sql';
import type { Scope } from '../../domain/scopes';
import { createLogger } from '../../observability/logger';
import { createMetrics } from '../../observability/metrics';
import { createTemporalClient } from '../../temporal/client';
import { mainTaskQueue } from '../../temporal/taskQueues';
import { TEST_REDIS_URL } from './testEnv';

// Worker lifecycle lines are noise in test output; warnings and errors still show.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed by another stack in this process.
}

export interface TestStack {
  config: Config;
  sql: postgres.Sql;
  redis: Redis;
  baseUrl: string;
  temporal: ReturnType<typeof createTemporalClient> & { taskQueue: string };
  /** Creates an API key with the given scopes and returns the plain key. */
  key(scopes: Scope[]): Promise<string>;
  /** fetch against the API with an optional key. */
  request(path: string, init?: RequestInit & { key?: string; json?: unknown }): Promise<Response>;
  startWorker(): Promise<{ worker: Worker; stop: () => Promise<void> }>;
  close(): Promise<void>;
}

/**
 * The real API on an ephemeral port, against the test database, Redis and the run's Temporal
 * server. Each stack gets its own task queue and Redis prefix, so test files cannot interfere.
 */
export async function startTestStack(
  overrides: Record<string, string> = {},
  opts: { logger?: ReturnType<typeof createLogger> } = {},
): Promise<TestStack> {
  const run = randomUUID().slice(0, 8);
  const config = parseConfig({
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `test:${run}:`,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE_PREFIX: `test-${run}`,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    // Every test client is loopback, which the per-address limits do not exempt (test/security sets its own).
    AUTH_FAILURES_PER_MINUTE: '1000000',
    KEYLESS_REQUESTS_PER_MINUTE: '1000000',
    // Unattended Golden Paths (auto_decision) are a demo-only setting; tests of the gate turn it off.
    DEMO_AUTO_DECISIONS: 'true',
    ...overrides,
  });
  const sql = createSql(config.DATABASE_URL, 5);
  const redis = createRedis(config.REDIS_URL);
  redis.on('error', () => {});
  await redis.connect().catch(() => {});
  const temporal = { ...createTemporalClient(config), taskQueue: mainTaskQueue(config) };
  const { app } = createApp({
    config,
    sql,
    redis,
    temporal,
    logger: opts.logger ?? createLogger('api-test', 'silent'),
    metrics: createMetrics(),
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const workers: { stop: () => Promise<void> }[] = [];

  return {
    config,
    sql,
    redis,
    baseUrl,
    temporal,
    async key(scopes) {
      return (await createApiKey({ name: `test-${scopes.join('+')}`, scopes }, sql)).key;
    },
    request(path, init = {}) {
      const headers = new Headers(init.headers);
      if (init.key) headers.set('X-API-Key', init.key);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('Content-Type', 'application/json');
        body = JSON.stringify(init.json);
      }
      return fetch(baseUrl + path, { ...init, headers, body });
    },
    async startWorker() {
      const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
      const worker = await Worker.create({
        connection,
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue: temporal.taskQueue,
        workflowBundle: { codePath: inject('workflowBundlePath') },
        activities: createActivities({
          sql,
          config,
          metrics: registerBusinessMetrics(new Registry()),
          logger: createLogger('worker-test', 'silent'),
        }),
      });
      const running = worker.run();
      const handle = {
        worker,
        stop: async () => {
          if (worker.getState() === 'RUNNING') worker.shutdown();
          await running;
          await connection.close();
        },
      };
      workers.push(handle);
      return handle;
    },
    async close() {
      await Promise.allSettled(workers.map((w) => w.stop()));
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await temporal.connection.close().catch(() => {});
      redis.disconnect();
      await sql.end({ timeout: 2 });
    },
  };
}
