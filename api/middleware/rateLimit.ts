import type Redis from 'ioredis';
import type { Middleware } from 'koa';
import { RateLimitedError } from '../errors';

interface WindowCount {
  count: number;
  resetSeconds: number;
}

interface Bucket {
  /** The window's count in Redis when this process last heard it (its own flushed hits included). */
  shared: number;
  /** Hits counted here and not yet added to Redis. */
  pending: number;
  windowEnds: number;
  windowSeconds: number;
  /** The first hit's round trip; later hits wait for it so they count on top of the shared figure. */
  ready: Promise<void>;
}

/** How often hits counted in memory are added to Redis, in one pipeline for every key. */
const FLUSH_MS = 100;

/**
 * Fixed-window counter per key, shared by every API process through Redis.
 *
 * A Redis round trip per request cost more CPU than the rest of the limiter's work (measured on
 * /ml/predict), so only the first hit of a key in a window asks Redis (INCR, learning what the
 * other processes counted); later hits are counted in memory and added to Redis every 100 ms
 * with INCRBY, whose answer refreshes the shared figure. One process therefore enforces the limit
 * exactly; N processes together may admit up to what the others count in one flush interval
 * beyond it (documented in README, Reliability).
 *
 * When Redis is unreachable the limiter does not fail open: the counts simply stay in memory, so
 * each process still enforces the limit on its own, and they are added to Redis when it returns.
 */
export class RateCounter {
  private buckets = new Map<string, Bucket>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** Counts `cost` hits at once (a batch's rows against a per-row budget); 1 for a request. */
  async hit(bucket: string, windowSeconds: number, cost = 1): Promise<WindowCount> {
    const now = Date.now();
    const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
    const resetSeconds = Math.max(1, Math.ceil(windowStart + windowSeconds - now / 1000));
    const key = `${this.prefix}rl:${bucket}:${windowStart}`;
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size > 50_000) this.dropEnded(now);
      const fresh: Bucket = {
        shared: 0,
        pending: 0,
        windowEnds: (windowStart + windowSeconds) * 1000,
        windowSeconds,
        ready: Promise.resolve(),
      };
      fresh.ready = this.firstHit(key, fresh, cost);
      this.buckets.set(key, fresh);
      b = fresh;
      await b.ready;
      return { count: b.shared + b.pending, resetSeconds };
    }
    await b.ready;
    b.pending += cost;
    this.scheduleFlush();
    return { count: b.shared + b.pending, resetSeconds };
  }

  /**
   * The current window's count as this process knows it, without counting a hit or asking Redis
   * (the address guard checks it before every key lookup).
   */
  peek(bucket: string, windowSeconds: number): WindowCount {
    const now = Date.now();
    const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
    const resetSeconds = Math.max(1, Math.ceil(windowStart + windowSeconds - now / 1000));
    const b = this.buckets.get(`${this.prefix}rl:${bucket}:${windowStart}`);
    return { count: b ? b.shared + b.pending : 0, resetSeconds };
  }

  private async firstHit(key: string, b: Bucket, cost: number): Promise<void> {
    try {
      const [[err, count]] = (await this.redis
        .multi()
        .incrby(key, cost)
        .expire(key, b.windowSeconds + 1)
        .exec()) as [[Error | null, number]];
      if (err) throw err;
      b.shared = count;
    } catch {
      // Redis is down: this hit is counted here and added to Redis by a later flush, if it returns.
      b.pending += cost;
      this.scheduleFlush();
    }
  }

  private scheduleFlush(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flushing = this.flush();
    }, FLUSH_MS);
    // Counting must never keep a finished process alive.
    this.timer.unref();
  }

  /** Adds every bucket's pending hits to Redis in one pipeline; on failure they stay pending. */
  async flush(): Promise<void> {
    const now = Date.now();
    this.dropEnded(now);
    const batch = [...this.buckets].filter(([, b]) => b.pending > 0).map(([key, b]) => ({ key, b, sent: b.pending }));
    if (batch.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const { key, b, sent } of batch) pipeline.incrby(key, sent).expire(key, b.windowSeconds + 1);
    try {
      const replies = (await pipeline.exec()) ?? [];
      batch.forEach(({ b, sent }, i) => {
        const [err, total] = replies[i * 2] ?? [new Error('no reply')];
        if (err) return;
        b.pending -= sent;
        b.shared = Number(total);
      });
    } catch {
      // Still unreachable: keep counting in memory.
    }
    if (batch.some(({ b }) => b.pending > 0)) this.scheduleFlush();
  }

  /** Waits for a flush in progress and sends what is pending (tests). */
  async settle(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.flushing;
    await this.flush();
  }

  private dropEnded(now: number): void {
    for (const [key, b] of this.buckets) if (b.windowEnds <= now) this.buckets.delete(key);
  }
}

/** Limits requests per API key (or per client address when unauthenticated) with RateLimit-* headers. */
export function rateLimit(opts: { counter: RateCounter; name: string; limit: number; windowSeconds?: number }): Middleware {
  const windowSeconds = opts.windowSeconds ?? 60;
  const limitText = String(opts.limit);
  const policy = `${opts.limit};w=${windowSeconds}`;
  return async (ctx, next) => {
    const who = ctx.state.apiKey?.id ?? `ip:${ctx.ip}`;
    const { count, resetSeconds } = await opts.counter.hit(`${opts.name}:${who}`, windowSeconds);
    const remaining = Math.max(0, opts.limit - count);
    // res.setHeader rather than ctx.set: Koa's set builds arrays per call, and these four headers
    // are on every authenticated request (measured: ctx.set made a tenth of the API's garbage).
    ctx.res.setHeader('RateLimit-Limit', limitText);
    ctx.res.setHeader('RateLimit-Remaining', String(remaining));
    ctx.res.setHeader('RateLimit-Reset', String(resetSeconds));
    ctx.res.setHeader('RateLimit-Policy', policy);
    if (count > opts.limit) throw new RateLimitedError(resetSeconds);
    await next();
  };
}
