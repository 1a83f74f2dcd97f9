import Redis from 'ioredis';

export function createRedis(url: string): Redis {
  // No offline queue and one retry: when Redis is down, calls fail at once and callers degrade
  // (PostgreSQL decides idempotency; the rate limiter counts in memory) instead of hanging.
  return new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
}
