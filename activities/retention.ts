import type postgres from 'postgres';
import { rollUpReadingsBatch, type RollupBatchResult } from '../db/readingRollup';
import { purgeExpiredBatch, type PurgedClass } from '../db/retentionPurge';
import { deleteExpiredSessions, deleteExpiredSignInLinks } from '../db/users';
import { InvalidInput } from '../domain/errors';
import { PURGED_CLASSES, type DataClass } from '../domain/retention';
import { retentionCutoffs, type GovernanceDeps } from '../usecases/governance';
import { withDomainFailures } from './failures';

export interface RollUpReadingsInput {
  /** ISO instant: readings ingested strictly before it are rolled up and deleted. */
  before: string;
  /** Readings per batch (one transaction). */
  batchSize: number;
}

export interface PurgeExpiredInput {
  dataClass: PurgedClass;
  /** ISO instant: rows stored strictly before it are deleted. */
  before: string;
  batchSize: number;
}

function checkBatchSize(batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) {
    throw new InvalidInput([], 'batchSize must be an integer from 1 to 50000');
  }
}

function checkBatch(before: string, batchSize: number): Date {
  const at = new Date(before);
  if (Number.isNaN(at.getTime())) throw new InvalidInput([], 'before must be an ISO instant');
  checkBatchSize(batchSize);
  return at;
}

/**
 * Retention: the policies in force, then one bounded batch per call. A retry after a crash is safe
 * without an idempotency key, because a batch commits its aggregates and its deletions together,
 * and deleting what is already gone deletes nothing.
 */
export function createRetentionActivities(deps: { sql: postgres.Sql; config: GovernanceDeps['config'] }) {
  return withDomainFailures({
    async rollUpReadings(input: RollUpReadingsInput): Promise<RollupBatchResult> {
      return rollUpReadingsBatch(deps.sql, { before: checkBatch(input.before, input.batchSize), limit: input.batchSize });
    },
    /** The cutoff of every data class under the policies now stored (or their configured defaults). */
    async retentionCutoffs(): Promise<{ cutoffs: Record<DataClass, string> }> {
      return { cutoffs: await retentionCutoffs(deps, new Date()) };
    },
    async purgeExpired(input: PurgeExpiredInput): Promise<{ deleted: number }> {
      if (!PURGED_CLASSES.includes(input.dataClass)) throw new InvalidInput([], `unknown data class ${String(input.dataClass)}`);
      const before = checkBatch(input.before, input.batchSize);
      return { deleted: await purgeExpiredBatch(input.dataClass, before, input.batchSize, deps.sql) };
    },
    /**
     * Sessions past their expiry (each knows its own; no policy applies), then expired one-time
     * sign-in links within what the batch has left: the workflow loops while a batch comes back
     * full, so both drain without a new activity in its history.
     */
    async purgeExpiredSessions(input: { batchSize: number }): Promise<{ deleted: number }> {
      checkBatchSize(input.batchSize);
      const sessions = await deleteExpiredSessions(input.batchSize, deps.sql);
      const links = sessions < input.batchSize ? await deleteExpiredSignInLinks(input.batchSize - sessions, deps.sql) : 0;
      return { deleted: sessions + links };
    },
  });
}
