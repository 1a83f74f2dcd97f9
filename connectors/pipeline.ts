import type postgres from 'postgres';
import type { PacketDelivery } from '../domain/mqttRedelivery';
import type { NewReading } from '../domain/reading';

/**
 * One message on its way from a source to the database: the rows it became (none when it was
 * refused or maps to no sensor), extra idempotent writes that must land before it is
 * acknowledged (Sparkplug births and deaths), and the ack that tells the source it may forget it.
 */
export interface PipelineItem {
  rows: NewReading[];
  afterWrite?: (sql: postgres.Sql) => Promise<void>;
  /** How an MQTT QoS 1 message was delivered, to recognise its redelivery (domain/mqttRedelivery.ts). */
  delivery?: PacketDelivery;
  /** Marks where a new MQTT session (none present at the broker) begins (domain/mqttRedelivery.ts). */
  sessionStart?: boolean;
  ack(): void;
}

export interface PipelineOptions {
  /** Writes one batch's rows, all or nothing; returns how many were new and how many were known. */
  write(batch: PipelineItem[]): Promise<{ inserted: number; duplicates: number }>;
  sql: postgres.Sql;
  /** Messages held in memory before the source is paused. */
  maxBuffered: number;
  /** Rows per database batch. */
  batchSize: number;
  /** How long the first message of a batch waits for company before it is written anyway. */
  lingerMs: number;
  onPause(): void;
  onResume(): void;
  /** After each batch commits; `sensorIds` are the sensors of its rows, for prompt alarm scoring. */
  onCommitted(stats: { messages: number; inserted: number; duplicates: number; sensorIds: string[] }): void;
  onWriteError(err: Error): void;
}

const RETRY_INITIAL_MS = 200;
const RETRY_MAX_MS = 2000;

/**
 * Batches messages into COPY transactions and acknowledges each message only after the batch
 * holding it committed, in arrival order. When the database is slow or down the batch is retried
 * (nothing is acknowledged meanwhile), the buffer fills, and at `maxBuffered` the source is paused,
 * so the broker keeps the backlog, not this process. It resumes at half.
 */
export class IngestPipeline {
  private readonly queue: PipelineItem[] = [];
  private flushing: Promise<void> | undefined;
  private lingerTimer: NodeJS.Timeout | undefined;
  private paused = false;
  private stopped = false;
  private failing = false;

  constructor(private readonly opts: PipelineOptions) {}

  get buffered(): number {
    return this.queue.length;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** True while the last write failed and is being retried. */
  get isFailing(): boolean {
    return this.failing;
  }

  push(item: PipelineItem): void {
    this.queue.push(item);
    if (!this.paused && this.queue.length >= this.opts.maxBuffered) {
      this.paused = true;
      this.opts.onPause();
    }
    if (this.flushing) return;
    if (this.queue.length >= this.opts.batchSize) this.kick();
    else this.lingerTimer ??= setTimeout(() => this.kick(), this.opts.lingerMs);
  }

  /** Writes what is buffered (used on shutdown); stops retrying once `stop` was called. */
  async drain(): Promise<void> {
    while (this.queue.length && !this.stopped) {
      this.kick();
      await this.flushing;
    }
  }

  /** Stops retrying; whatever is still unacknowledged is redelivered by the source later. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.lingerTimer);
  }

  private kick(): void {
    clearTimeout(this.lingerTimer);
    this.lingerTimer = undefined;
    // A rejection only happens after stop(): the unacknowledged messages are the source's again.
    this.flushing ??= this.flushLoop()
      .catch(() => undefined)
      .finally(() => {
        this.flushing = undefined;
        if (this.queue.length && !this.stopped) this.lingerTimer ??= setTimeout(() => this.kick(), this.opts.lingerMs);
      });
  }

  private async flushLoop(): Promise<void> {
    // Keep writing while full batches are waiting; a partial batch waits for the linger timer.
    do {
      const batch = this.takeBatch();
      await this.writeWithRetry(batch);
      for (const item of batch) item.ack();
      this.queue.splice(0, batch.length);
      if (this.paused && this.queue.length <= this.opts.maxBuffered / 2) {
        this.paused = false;
        this.opts.onResume();
      }
    } while (!this.stopped && this.queue.length >= this.opts.batchSize);
  }

  /** Messages from the head of the queue up to batchSize rows (at least one message). */
  private takeBatch(): PipelineItem[] {
    let rows = 0;
    let n = 0;
    while (n < this.queue.length && (n === 0 || rows + this.queue[n]!.rows.length <= this.opts.batchSize)) {
      rows += this.queue[n]!.rows.length;
      n++;
    }
    return this.queue.slice(0, n);
  }

  private async writeWithRetry(batch: PipelineItem[]): Promise<void> {
    let delay = RETRY_INITIAL_MS;
    for (;;) {
      try {
        const result = await this.opts.write(batch);
        for (const item of batch) if (item.afterWrite) await item.afterWrite(this.opts.sql);
        this.failing = false;
        // A session marker is no message of the source's.
        this.opts.onCommitted({
          messages: batch.filter((i) => !i.sessionStart).length,
          ...result,
          sensorIds: [...new Set(batch.flatMap((i) => i.rows).map((r) => r.sensorId))],
        });
        return;
      } catch (err) {
        this.failing = true;
        this.opts.onWriteError(err as Error);
        if (this.stopped) throw err;
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, RETRY_MAX_MS);
      }
    }
  }
}
