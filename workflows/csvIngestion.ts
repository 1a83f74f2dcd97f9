import { ActivityFailure, defineQuery, patched, proxyActivities } from '@temporalio/workflow';
import type { ActivityContracts } from './activityContracts';
import { startAlarmLifecycles } from './alarmStarts';
import type { CsvLineError } from '../domain/csvReadings';
import { withProgress } from './withProgress';

export interface CsvIngestionInput {
  uploadId: string;
  records: number;
  correlationId?: string;
}

/** Declared in domain/ so the ingestion activity need not import this workflow file. */
export type CsvRowError = CsvLineError;

export interface CsvIngestionProgress {
  status: 'running' | 'completed' | 'failed';
  rows_total: number;
  rows_done: number;
  inserted: number;
  duplicates: number;
  invalid: number;
  /** The first errors, each naming its line in the file. */
  errors: CsvRowError[];
  /** Sensors scored for alarms after the rows were in, and the live alarms they raised. */
  sensors_scored?: number;
  alarms_started?: string[];
}

export const csvIngestionProgress = defineQuery<CsvIngestionProgress>('progress');

/** Rows per activity call; within a call the activity heartbeats every sub-batch. */
export const CSV_CHUNK_ROWS = 5_000;
const MAX_REPORTED_ERRORS = 100;

const { ingestCsvRange } = proxyActivities<Pick<ActivityContracts, 'ingestCsvRange'>>({
  startToCloseTimeout: '10 minutes',
  // A killed worker is noticed within the heartbeat timeout, and the retry resumes from the last
  // heartbeat; rows already written are skipped by their idempotency keys.
  heartbeatTimeout: '20 seconds',
  retry: { maximumAttempts: 10, initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: ['UploadMissing'] },
});

const { releaseCsvUpload } = proxyActivities<Pick<ActivityContracts, 'releaseCsvUpload'>>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5, initialInterval: '1 second', maximumInterval: '10 seconds' },
});

const { scoreSensorReadings } = proxyActivities<Pick<ActivityContracts, 'scoreSensorReadings'>>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumAttempts: 3, initialInterval: '1 second', maximumInterval: '10 seconds' },
});

export const RELEASE_UPLOAD_PATCH = 'csv-release-upload';
export const SCORE_ALARMS_PATCH = 'csv-score-alarms';

/** Ingests a stored CSV upload in chunks, exposing its progress through the `progress` query. */
export async function csvIngestion(input: CsvIngestionInput): Promise<CsvIngestionProgress> {
  const progress: CsvIngestionProgress = {
    status: 'running',
    rows_total: input.records,
    rows_done: 0,
    inserted: 0,
    duplicates: 0,
    invalid: 0,
    errors: [],
  };
  return withProgress(
    { query: csvIngestionProgress, progress, stage: 'ingestion', correlationId: input.correlationId, completed: 'completed' },
    async () => {
      const sensors = new Set<string>();
      for (let from = 0; from < input.records; from += CSV_CHUNK_ROWS) {
        const to = Math.min(input.records, from + CSV_CHUNK_ROWS);
        const r = await ingestCsvRange({ uploadId: input.uploadId, from, to, correlationId: input.correlationId });
        progress.rows_done = to;
        progress.inserted += r.inserted;
        progress.duplicates += r.duplicates;
        progress.invalid += r.invalid;
        progress.errors.push(...r.errors.slice(0, MAX_REPORTED_ERRORS - progress.errors.length));
        for (const id of r.sensorIds ?? []) sensors.add(id);
      }
      // The file's sensors are scored now rather than at the next monitoring sweep: each one's new
      // readings in timestamp order, so a backfill raises its past alarms (historical, nobody paged)
      // and a live stretch opens a live alarm with its lifecycle. A sensor that cannot be scored is
      // left to the sweep: the rows are in, which is what the upload asked for. Behind patched()
      // because it adds commands; runs recorded before it replay without it.
      if (patched(SCORE_ALARMS_PATCH)) {
        progress.sensors_scored = 0;
        progress.alarms_started = [];
        for (const sensorId of [...sensors].sort()) {
          try {
            const scored = await scoreSensorReadings({ sensorId });
            progress.sensors_scored += 1;
            progress.alarms_started.push(...(await startAlarmLifecycles(scored.opened)));
          } catch (err) {
            if (!(err instanceof ActivityFailure)) throw err;
          }
        }
      }
      // Every row is in: the stored file is no longer needed (issue 22). Behind patched() because
      // it adds a command; runs recorded before it replay without it.
      // The rows are what the caller asked for: a failed release leaves the file to the retention sweep.
      if (patched(RELEASE_UPLOAD_PATCH)) await releaseCsvUpload({ uploadId: input.uploadId }).catch(() => undefined);
    },
  );
}
