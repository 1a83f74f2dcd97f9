import { continueAsNew, defineQuery, patched, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import { PURGED_CLASSES, type DataClass } from '../domain/retention';
import type { ActivityContracts } from './activityContracts';

/**
 * Retention (issue 18): rolls every raw reading older than its policy into the per-minute and
 * per-hour aggregates and deletes it, then deletes what the other data classes' policies let go,
 * one bounded batch (one short transaction) at a time with a pause between batches, so ingestion
 * never waits behind a long lock; last, expired dashboard sessions go the same way. The cutoffs are fixed when the run starts and the raw one is
 * carried across continue-as-new. A crash of the worker mid-batch rolls that batch back; the
 * retried activity takes the same rows again, so nothing is lost or counted twice.
 */

export interface ReadingsRetentionInput {
  /**
   * Raw retention for runs recorded before the stored policies (patch `retention-policies`);
   * newer runs read every class's policy from the database (the configured defaults until set).
   */
  retainDays: number;
  batchSize?: number;
  /** Pause between batches (ms); 0 for none. */
  pauseMs?: number;
  /** Set by the workflow itself when it continues as new. */
  before?: string;
  rolledUpSoFar?: number;
}

export interface ReadingsRetentionProgress {
  before: string;
  batches: number;
  rolled_up: number;
  up_to: string | null;
  /** Rows deleted per data class in this run (absent from runs before the stored policies). */
  purged?: Partial<Record<DataClass, number>>;
  /** Expired dashboard sessions and one-time sign-in links deleted in this run (absent from runs before patch `purge-expired-sessions`). */
  sessions_purged?: number;
  status: 'running' | 'completed';
}

export const retentionProgressQuery = defineQuery<ReadingsRetentionProgress>('progress');

/** A batch is one short transaction (5000 readings: well under a second); a worker lost mid-batch is noticed after 15 s. */
const retention = proxyActivities<Pick<ActivityContracts, 'rollUpReadings' | 'retentionCutoffs' | 'purgeExpired' | 'purgeExpiredSessions'>>(
  {
    startToCloseTimeout: '15 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['InvalidInput'] },
  },
);

/** Batches per run before continuing as new, so the history stays small on a large backlog. */
const BATCHES_PER_RUN = 200;

/** The patch that made the workflow read the stored policies and purge the other data classes. */
export const RETENTION_POLICIES_PATCH = 'retention-policies';

/** The patch that made the hourly run also delete expired sessions, in the same bounded batches. */
export const SESSION_PURGE_PATCH = 'purge-expired-sessions';

export async function readingsRetention(input: ReadingsRetentionInput): Promise<ReadingsRetentionProgress> {
  const cutoffs = patched(RETENTION_POLICIES_PATCH) ? (await retention.retentionCutoffs()).cutoffs : undefined;
  const before = input.before ?? cutoffs?.raw_readings ?? new Date(Date.now() - input.retainDays * 86_400_000).toISOString();
  const batchSize = input.batchSize ?? 5000;
  const progress: ReadingsRetentionProgress = { before, batches: 0, rolled_up: input.rolledUpSoFar ?? 0, up_to: null, status: 'running' };
  setHandler(retentionProgressQuery, () => progress);
  const pauseOrContinue = async () => {
    if (progress.batches >= BATCHES_PER_RUN) {
      await continueAsNew<typeof readingsRetention>({ ...input, before, rolledUpSoFar: progress.rolled_up });
    }
    if (input.pauseMs) await sleep(input.pauseMs);
  };
  for (;;) {
    const batch = await retention.rollUpReadings({ before, batchSize });
    progress.batches++;
    progress.rolled_up += batch.rolledUp;
    progress.up_to = batch.upTo ?? progress.up_to;
    if (batch.rolledUp < batchSize) break;
    await pauseOrContinue();
  }
  if (cutoffs) {
    progress.purged = {};
    // The aggregates first: they are the classes the roll-up above has just fed.
    for (const dataClass of PURGED_CLASSES) {
      for (;;) {
        const { deleted } = await retention.purgeExpired({ dataClass, before: cutoffs[dataClass], batchSize });
        progress.batches++;
        progress.purged[dataClass] = (progress.purged[dataClass] ?? 0) + deleted;
        if (deleted < batchSize) break;
        await pauseOrContinue();
      }
    }
  }
  if (patched(SESSION_PURGE_PATCH)) {
    progress.sessions_purged = 0;
    for (;;) {
      const { deleted } = await retention.purgeExpiredSessions({ batchSize });
      progress.batches++;
      progress.sessions_purged += deleted;
      if (deleted < batchSize) break;
      await pauseOrContinue();
    }
  }
  progress.status = 'completed';
  return progress;
}
