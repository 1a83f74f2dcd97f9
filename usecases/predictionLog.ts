import type postgres from 'postgres';
import { insertPredictions, type NewPrediction } from '../db/predictions';
import type { Logger } from '../observability/logger';
import { currentTenant, runAsTenant } from './tenants';

/**
 * Write-behind log of API predictions: the answer goes out at once, and the rows are inserted in
 * batches every `intervalMs` (or every `maxBatch` predictions), so a busy prediction endpoint costs
 * PostgreSQL one statement per batch instead of one per request. A prediction is readable at
 * GET /ml/predictions/{id} within about one interval. What is still queued when the process is
 * killed is lost: these rows are a log of answers already given, not acknowledged input.
 *
 * A batch holds one tenant's predictions and is written as that tenant: the queue is per tenant,
 * because the flush runs in whichever request's context happened to start the timer.
 */
export class PredictionLog {
  private queue = new Map<string | undefined, (NewPrediction & { id: string })[]>();
  private queued = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly sql: postgres.Sql,
    private readonly logger: Logger,
    private readonly intervalMs = 25,
    private readonly maxBatch = 500,
  ) {}

  add(p: NewPrediction & { id: string }): void {
    const tenant = currentTenant();
    const list = this.queue.get(tenant);
    if (list) list.push(p);
    else this.queue.set(tenant, [p]);
    if (++this.queued >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.intervalMs);
  }

  /** Writes what is queued; resolves when it is stored (or failed and was logged). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batches = this.queue;
    this.queue = new Map();
    this.queued = 0;
    for (const [tenant, batch] of batches) {
      const write = () => insertPredictions(batch, this.sql);
      this.flushing = this.flushing.then(() =>
        (tenant === undefined ? write() : runAsTenant(tenant, write)).catch((err: Error) =>
          this.logger.warn({ err: err.message, dropped: batch.length }, 'predictions not stored'),
        ),
      );
    }
    return this.flushing;
  }
}
