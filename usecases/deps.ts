import type { Client, Connection } from '@temporalio/client';
import type Redis from 'ioredis';
import type postgres from 'postgres';
import type { Config } from '../config';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';

/** What the use cases need from the outside world; the API (and tests) inject it, so it lives here, not in api/. */
export interface AppDeps {
  config: Config;
  sql: postgres.Sql;
  redis: Redis;
  temporal: { connection: Connection; client: Client; taskQueue: string };
  logger: Logger;
  metrics: Metrics;
}
