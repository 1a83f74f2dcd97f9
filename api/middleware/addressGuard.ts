import type { RateCounter } from './rateLimit';
import { RateLimitedError } from '../errors';

const WINDOW_SECONDS = 60;

/**
 * Per client address limits for what the per-key limiter cannot see: requests without a key and
 * failed authentications. Both would otherwise be free, and every unknown key costs a PostgreSQL
 * lookup. Loopback is not exempt: the address is the socket's (the app does not trust
 * X-Forwarded-For), so behind a reverse proxy every client shares the proxy's budget; raise the
 * limits there (AUTH_FAILURES_PER_MINUTE, KEYLESS_REQUESTS_PER_MINUTE).
 */
export class AddressGuard {
  constructor(
    private readonly counter: RateCounter,
    private readonly limits: { failuresPerMinute: number; keylessPerMinute: number },
  ) {}

  /** Counts a request that carries no key; 429 past the keyless limit. */
  async keyless(ip: string): Promise<void> {
    const { count, resetSeconds } = await this.counter.hit(`keyless:${ip}`, WINDOW_SECONDS);
    if (count > this.limits.keylessPerMinute) throw new RateLimitedError(resetSeconds);
  }

  /**
   * 429 while the address is past its failed-authentication limit, before any key lookup. Reads
   * this process's count (its own failures and the shared figure it last heard from Redis) without
   * a round trip, so a blocked address costs nothing.
   */
  assertNotBlocked(ip: string): void {
    const { count, resetSeconds } = this.counter.peek(`authfail:${ip}`, WINDOW_SECONDS);
    if (count >= this.limits.failuresPerMinute) throw new RateLimitedError(resetSeconds);
  }

  /** Counts a failed authentication (no key on a protected route, or an unknown key). */
  async failed(ip: string): Promise<void> {
    await this.counter.hit(`authfail:${ip}`, WINDOW_SECONDS);
  }
}
