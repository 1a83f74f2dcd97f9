import type Redis from 'ioredis';
import type { Middleware } from 'koa';
import { RateLimitedError } from '../errors';

interface WindowCount {
  count: number;
  resetSeconds: number;
}

/**
 * Fixed-window counter per key, in Redis so that every API process shares it. When Redis is
 * unreachable the limiter does not fail open: each process falls back to counting in its own
 * memory, so a single process still enforces the limit (documented in README, Reliability).
 */
export class RateCounter {
  private local = new Map<string, { count: number; windowEnds: number }>();
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async hit(bucket: string, windowSeconds: number): Promise<WindowCount & { backend: 'redis' | 'memory' }> {
    const now = Date.now();
    const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
    const resetSeconds = Math.max(1, Math.ceil(windowStart + windowSeconds - now / 1000));
    const key = `${this.prefix}rl:${bucket}:${windowStart}`;
    try {
      const [[, count]] = (await this.redis
        .multi()
        .incr(key)
        .expire(key, windowSeconds + 1)
        .exec()) as [[Error | null, number]];
      return { count, resetSeconds, backend: 'redis' };
    } catch {
      const entry = this.local.get(key);
      if (!entry || entry.windowEnds <= now) {
        if (this.local.size > 50_000) this.local.clear();
        this.local.set(key, { count: 1, windowEnds: (windowStart + windowSeconds) * 1000 });
        return { count: 1, resetSeconds, backend: 'memory' };
      }
      entry.count += 1;
      return { count: entry.count, resetSeconds, backend: 'memory' };
    }
  }
}

/** Limits requests per API key (or per client address when unauthenticated) with RateLimit-* headers. */
export function rateLimit(opts: { counter: RateCounter; name: string; limit: number; windowSeconds?: number }): Middleware {
  const windowSeconds = opts.windowSeconds ?? 60;
  return async (ctx, next) => {
    const who = ctx.state.apiKey?.id ?? `ip:${ctx.ip}`;
    const { count, resetSeconds } = await opts.counter.hit(`${opts.name}:${who}`, windowSeconds);
    const remaining = Math.max(0, opts.limit - count);
    ctx.set('RateLimit-Limit', String(opts.limit));
    ctx.set('RateLimit-Remaining', String(remaining));
    ctx.set('RateLimit-Reset', String(resetSeconds));
    ctx.set('RateLimit-Policy', `${opts.limit};w=${windowSeconds}`);
    if (count > opts.limit) throw new RateLimitedError(resetSeconds);
    await next();
  };
}
