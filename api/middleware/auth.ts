import { timingSafeEqual } from 'node:crypto';
import type { Context, Middleware } from 'koa';
import type postgres from 'postgres';
import { activeKeyOwner, findActiveApiKeyByHash, hashApiKey, type ApiKeyRecord } from '../../usecases/apiKeys';
import type { UserRecord } from '../../usecases/users';
import { scopesForRoles } from '../../domain/roles';
import { effectiveScopes, hasScopes, type Scope } from '../../domain/scopes';
import { ForbiddenError, UnauthorizedError, UnavailableError } from '../errors';
import type { AddressGuard } from './addressGuard';
import { BoundedCache } from './boundedCache';
import { assertSameOrigin, sessionCredential, sessionFromCookie, type SessionOptions } from './session';

declare module 'koa' {
  interface DefaultState {
    apiKey?: ApiKeyRecord;
    /** The user an API key belongs to: the request acts as them (roles, decisions, audit). */
    keyOwner?: UserRecord;
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

  /**
   * The active owner of a user's key. Never cached: it is read on every request, like a session,
   * so disabling the user or changing their roles applies to their keys at once.
   */
  async owner(userId: string): Promise<UserRecord | undefined> {
    try {
      return await activeKeyOwner(userId, this.sql);
    } catch (err) {
      throw new UnavailableError('The key store (PostgreSQL) is unreachable', 5, err);
    }
  }

  forget(keyHash?: string): void {
    if (keyHash) this.hits.delete(keyHash);
    else this.hits.clear();
  }
}

interface AuthOptions {
  resolver: ApiKeyResolver;
  guard: AddressGuard;
  /** Dashboard sessions: without them only API keys authenticate. */
  sessions?: SessionOptions;
}

/**
 * A request without an API key may carry a session cookie. A signed-in user becomes the request's
 * credential with the scopes of their roles; a write must also pass the same-origin check.
 * An API key always wins: integrators are unaffected by cookies and by the origin check.
 */
async function authenticateSession(ctx: Context, opts: AuthOptions, publicRoute = false): Promise<ApiKeyRecord | undefined> {
  if (!opts.sessions) return undefined;
  const user = await sessionFromCookie(ctx, opts.sessions);
  if (!user) return undefined;
  try {
    assertSameOrigin(ctx, opts.sessions.publicOrigin);
  } catch (err) {
    // A public route needs nobody: a write that fails the check is answered as anonymous.
    if (publicRoute) return undefined;
    throw err;
  }
  ctx.state.user = user;
  return sessionCredential(user);
}

/**
 * The record of the request's key, or null without one. A key that is not valid is a 401 and a
 * failed authentication for the client's address; past the address's limit, 429 before the lookup.
 */
async function authenticate(ctx: Context, key: string, opts: AuthOptions): Promise<ApiKeyRecord> {
  const cached = key.length <= 256 ? opts.resolver.cached(key) : undefined;
  if (cached) return heldToOwner(ctx, cached, opts);
  opts.guard.assertNotBlocked(ctx.ip);
  const record = key.length <= 256 ? await opts.resolver.resolve(key) : null;
  if (!record) {
    await opts.guard.failed(ctx.ip);
    throw new UnauthorizedError('The API key is not valid');
  }
  return heldToOwner(ctx, record, opts);
}

/**
 * A user's key acts as that user: its scopes are cut down to the owner's role scopes and the owner
 * becomes `ctx.state.keyOwner` (decisions are gated and recorded as them). A disabled owner's key
 * is refused like an unknown one, but costs the address nothing: it was a real key.
 * A service account's key keeps its own scopes.
 */
async function heldToOwner(ctx: Context, record: ApiKeyRecord, opts: AuthOptions): Promise<ApiKeyRecord> {
  if (!record.ownerUserId) return record;
  const owner = await opts.resolver.owner(record.ownerUserId);
  if (!owner) throw new UnauthorizedError('The API key is not valid: its user is disabled');
  ctx.state.keyOwner = owner;
  return { ...record, scopes: effectiveScopes(record.scopes, scopesForRoles(owner.roles)) };
}

/** 401 without a known key or session, 403 when the key (or the user's roles) lacks any of `scopes`. */
export function requireApiKey(opts: AuthOptions & { scopes: Scope[] }): Middleware {
  return async (ctx, next) => {
    const key = ctx.get('X-API-Key');
    const session = key ? undefined : await authenticateSession(ctx, opts);
    if (session) {
      if (!hasScopes(session.scopes, opts.scopes)) throw new ForbiddenError(opts.scopes, 'Your roles lack the required scope');
      ctx.state.apiKey = session;
      return next();
    }
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
    else {
      const session = await authenticateSession(ctx, opts, true);
      if (session) ctx.state.apiKey = session;
      else await opts.guard.keyless(ctx.ip);
    }
    await next();
  };
}
