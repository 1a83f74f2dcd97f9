import { timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';
import type postgres from 'postgres';
import { findActiveApiKeyByHash, hashApiKey, type ApiKeyRecord } from '../../usecases/apiKeys';
import { hasScopes, type Scope } from '../../domain/scopes';
import { ForbiddenError, UnauthorizedError, UnavailableError } from '../errors';

declare module 'koa' {
  interface DefaultState {
    apiKey?: ApiKeyRecord;
  }
}

/**
 * Resolves API keys to their records, caching them briefly so a hot path does not query
 * PostgreSQL per request. A revoked key stops working in this process at once and in other
 * processes within `ttlMs`.
 */
export class ApiKeyResolver {
  private cache = new Map<string, { record: ApiKeyRecord | null; expires: number }>();
  constructor(
    private readonly sql: postgres.Sql,
    private readonly ttlMs = 10_000,
  ) {}

  async resolve(key: string): Promise<ApiKeyRecord | null> {
    const hash = hashApiKey(key);
    const hit = this.cache.get(hash);
    if (hit && hit.expires > Date.now()) return hit.record;
    let record: ApiKeyRecord | null;
    try {
      record = (await findActiveApiKeyByHash(hash, this.sql)) ?? null;
    } catch (err) {
      throw new UnavailableError('The key store (PostgreSQL) is unreachable', 5, err);
    }
    // The index lookup already matched the hash; comparing again in constant time keeps the
    // final decision independent of where two hashes first differ.
    if (record && !timingSafeEqual(Buffer.from(record.keyHash, 'hex'), Buffer.from(hash, 'hex'))) record = null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { record, expires: Date.now() + this.ttlMs });
    return record;
  }

  forget(keyHash?: string): void {
    if (keyHash) this.cache.delete(keyHash);
    else this.cache.clear();
  }
}

/** 401 without a known key, 403 when the key lacks any of `scopes`. */
export function requireApiKey(opts: { resolver: ApiKeyResolver; scopes: Scope[] }): Middleware {
  return async (ctx, next) => {
    const key = ctx.get('X-API-Key');
    if (!key) throw new UnauthorizedError('The X-API-Key header is missing');
    if (key.length > 256) throw new UnauthorizedError('The API key is not valid');
    const record = await opts.resolver.resolve(key);
    if (!record) throw new UnauthorizedError('The API key is not valid');
    if (!hasScopes(record.scopes, opts.scopes)) throw new ForbiddenError(opts.scopes);
    // The request's logger picks the key id up when it is first used (requestContext).
    ctx.state.apiKey = record;
    await next();
  };
}
