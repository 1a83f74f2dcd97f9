import { timingSafeEqual } from 'node:crypto';
import type { Context, Middleware } from 'koa';
import type postgres from 'postgres';
import { findActiveApiKeyByHash, hashApiKey, type ApiKeyRecord } from '../../usecases/apiKeys';
import { hasScopes, type Scope } from '../../domain/scopes';
import { ForbiddenError, UnauthorizedError, UnavailableError } from '../errors';
import type { AddressGuard } from './addressGuard';
import { BoundedCache } from './boundedCache';

declare module 'koa' {
  interface DefaultState {
    apiKey?: ApiKeyRecord;
  }
}

/**
 * Resolves API keys to their records, caching them briefly so a hot path does not query
 * PostgreSQL per request. A revoked key stops working in this process at once and in other
 * processes within `ttlMs`.
 *
 * Known keys and unknown ones live in separate bounded caches: unknown keys cost an attacker
 * nothing to invent, so if they shared one cache (as they once did, cleared whole past 10,000
 * entries) a stream of them would evict every valid key and send each real request to PostgreSQL.
 * Misses only ever evict misses.
 */
export class ApiKeyResolver {
  private readonly hits: BoundedCache<ApiKeyRecord>;
  private readonly misses: BoundedCache<true>;

  constructor(
    private readonly sql: postgres.Sql,
    ttlMs = 10_000,
    limits: { hits?: number; misses?: number } = {},
  ) {
    this.hits = new BoundedCache(limits.hits ?? 10_000, ttlMs);
    this.misses = new BoundedCache(limits.misses ?? 10_000, ttlMs);
  }

  /** The record of a key resolved recently, without touching PostgreSQL; undefined otherwise. */
  cached(key: string): ApiKeyRecord | undefined {
    return this.hits.get(hashApiKey(key));
  }

  async resolve(key: string): Promise<ApiKeyRecord | null> {
    const hash = hashApiKey(key);
    const hit = this.hits.get(hash);
    if (hit) return hit;
    if (this.misses.get(hash)) return null;
    let record: ApiKeyRecord | null;
    try {
      record = (await findActiveApiKeyByHash(hash, this.sql)) ?? null;
    } catch (err) {
      throw new UnavailableError('The key store (PostgreSQL) is unreachable', 5, err);
    }
    // The index lookup already matched the hash; comparing again in constant time keeps the
    // final decision independent of where two hashes first differ.
    if (record && !timingSafeEqual(Buffer.from(record.keyHash, 'hex'), Buffer.from(hash, 'hex'))) record = null;
    if (record) this.hits.set(hash, record);
    else this.misses.set(hash, true);
    return record;
  }

  forget(keyHash?: string): void {
    if (keyHash) this.hits.delete(keyHash);
    else this.hits.clear();
  }
}

interface AuthOptions {
  resolver: ApiKeyResolver;
  guard: AddressGuard;
}

/**
 * The record of the request's key, or null without one. A key that is not valid is a 401 and a
 * failed authentication for the client's address; past the address's limit, 429 before the lookup.
 */
async function authenticate(ctx: Context, key: string, opts: AuthOptions): Promise<ApiKeyRecord> {
  const cached = key.length <= 256 ? opts.resolver.cached(key) : undefined;
  if (cached) return cached;
  opts.guard.assertNotBlocked(ctx.ip);
  const record = key.length <= 256 ? await opts.resolver.resolve(key) : null;
  if (!record) {
    await opts.guard.failed(ctx.ip);
    throw new UnauthorizedError('The API key is not valid');
  }
  return record;
}

/** 401 without a known key, 403 when the key lacks any of `scopes`. */
export function requireApiKey(opts: AuthOptions & { scopes: Scope[] }): Middleware {
  return async (ctx, next) => {
    const key = ctx.get('X-API-Key');
    if (!key) {
      opts.guard.assertNotBlocked(ctx.ip);
      await opts.guard.failed(ctx.ip);
      throw new UnauthorizedError('The X-API-Key header is missing');
    }
    const record = await authenticate(ctx, key, opts);
    if (!hasScopes(record.scopes, opts.scopes)) throw new ForbiddenError(opts.scopes);
    // The request's logger picks the key id up when it is first used (requestContext).
    ctx.state.apiKey = record;
    await next();
  };
}

/**
 * For public routes: a request without a key counts against the address's keyless limit; one with
 * a key must carry a valid one (401 otherwise), and the handler may then answer in more detail.
 */
export function optionalApiKey(opts: AuthOptions): Middleware {
  return async (ctx, next) => {
    const key = ctx.get('X-API-Key');
    if (key) ctx.state.apiKey = await authenticate(ctx, key, opts);
    else await opts.guard.keyless(ctx.ip);
    await next();
  };
}
