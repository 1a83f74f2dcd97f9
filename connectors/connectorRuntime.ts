import type postgres from 'postgres';
import type { Logger } from '../observability/logger';

/** What the connector process needs from its configuration, for every connector it runs. */
export interface RuntimeOptions {
  sql: postgres.Sql;
  logger: Logger;
  /** Messages held in memory (unacknowledged) before the source is paused. */
  maxBuffered: number;
  batchSize: number;
  lingerMs: number;
  maxFutureSkewSeconds: number;
  /** Told the sensors of every batch that stored new readings, so their alarms are raised promptly. */
  onReadingsCommitted?: (sensorIds: string[]) => void;
}

/** A running connector, as the process supervises it. */
export interface RunningConnector {
  readonly id: string;
  readonly revision: number;
  /** Current flow state, for the heartbeat and /metrics. */
  flow(): { buffered: number; paused: boolean };
  stop(): Promise<void>;
}
