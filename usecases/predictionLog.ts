import type postgres from 'postgres';
import { insertPredictions, type NewPrediction } from '../db/predictions';
import type { Logger } from '../observability/logger';

/**
 * Write-behind log of API predictions: the answer goes out at once, and the rows are inserted in
 * batches every `intervalMs` (or every `maxBatch` predictions), so a busy prediction endpoint costs
 * PostgreSQL one statement per batch instead of one per request. A prediction is readable at
 * GET /ml/predictions/{id} within about one interval. What is still queued when the process is
 * killed is lost: these rows are a log of answers already given, not acknowledged input.
 */
export class PredictionLog {
  private queue: (NewPrediction & { id: string })[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly sql: postgres.Sql,
    private readonly logger: Logger,
    private readonly intervalMs = 25,
    private readonly maxBatch = 500,
  ) {}

  add(p: NewPrediction & { id: string }): void {
    this.queue.push(p);
    if (this.queue.length >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.intervalMs);
  }

  /** Writes what is queued; resolves when it is stored (or failed and was logged). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(() =>
      insertPredictions(batch, this.sql).catch((err: Error) =>
        this.logger.warn({ err: err.message, dropped: batch.length }, 'predictions not stored'),
      ),
    );
    return this.flushing;
  }
}
