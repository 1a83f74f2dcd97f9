import type { Client, Connection } from '@temporalio/client';
import type Redis from 'ioredis';
import type postgres from 'postgres';
import type { Config } from '../config';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';

/** Everything the API needs from the outside world, injected so tests can build the app on test infrastructure. */
export interface AppDeps {
  config: Config;
  sql: postgres.Sql;
  redis: Redis;
  temporal: { connection: Connection; client: Client; taskQueue: string };
  logger: Logger;
  metrics: Metrics;
}
