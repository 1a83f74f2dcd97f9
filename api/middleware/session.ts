import type { Context } from 'koa';
import { scopesForRoles } from '../../domain/roles';
import type { ApiKeyRecord } from '../../usecases/apiKeys';
import type { UserRecord } from '../../usecases/users';
import { HttpError, UnavailableError } from '../errors';

/** The dashboard's session cookie: HttpOnly (no script reads it), SameSite=Strict, path /. */
export const SESSION_COOKIE = 'sm_session';

declare module 'koa' {
  interface DefaultState {
    /** The signed-in user when the request came with a session cookie rather than an API key. */
    user?: UserRecord;
  }
}

export interface SessionOptions {
  /** The active user behind a session token, or undefined. */
  sessionUser: (token: string) => Promise<UserRecord | undefined>;
  /** PUBLIC_URL's origin, accepted beside the request's own Host for the same-origin check. */
  publicOrigin?: string;
}

/** A cookie-authenticated write from another site: refused, whatever the cookie. */
export class CrossSiteRequestError extends HttpError {
  constructor() {
    super(403, 'cross_site_request', 'A request signed in by cookie must come from this site (Origin or Sec-Fetch-Site)');
  }
}

/** This server's origin as the request reached it (Koa 3's `ctx.origin` is the Origin header, not this). */
export const ownOrigin = (ctx: Context) => `${ctx.protocol}://${ctx.host}`;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie sessions, on top of SameSite=Strict: a write must say it comes from this
 * origin. Browsers send Sec-Fetch-Site on every request (trusted: scripts cannot set it); older
 * ones send Origin on every POST/PUT/PATCH/DELETE. A write with neither is refused: a browser
 * always sends one, and non-browser clients use API keys, which this check never touches.
 */
export function assertSameOrigin(ctx: Context, publicOrigin?: string, opts: { allowMissing?: boolean } = {}): void {
  if (SAFE_METHODS.has(ctx.method)) return;
  // Sign-in itself carries no cookie to abuse: a client that sends neither header is not a browser
  // (curl, a script); a browser posting from another site is refused (login CSRF).
  if (opts.allowMissing && !ctx.get('Sec-Fetch-Site') && !ctx.get('Origin')) return;
  const site = ctx.get('Sec-Fetch-Site');
  if (site) {
    if (site !== 'same-origin') throw new CrossSiteRequestError();
    return;
  }
  const origin = ctx.get('Origin');
  if (!origin || (origin !== ownOrigin(ctx) && origin !== publicOrigin)) throw new CrossSiteRequestError();
}

/**
 * The user of the request's session cookie, or undefined without a valid one. Sessions are looked
 * up on every request (no cache), so a sign-out or a disabled user takes effect at once.
 */
export async function sessionFromCookie(ctx: Context, opts: SessionOptions): Promise<UserRecord | undefined> {
  const token = ctx.cookies.get(SESSION_COOKIE);
  if (!token || token.length > 100) return undefined;
  try {
    return await opts.sessionUser(token);
  } catch (err) {
    throw new UnavailableError('The session store (PostgreSQL) is unreachable', 5, err);
  }
}

/**
 * A signed-in user as the credential the rest of the API reads (`ctx.state.apiKey`): its id is the
 * user's (per-caller rate limits and stream quotas count per person), its scopes the roles'.
 */
export function sessionCredential(user: UserRecord): ApiKeyRecord {
  return {
    id: user.id,
    name: `user:${user.email}`,
    keyHash: '',
    keyPrefix: '',
    scopes: scopesForRoles(user.roles),
    createdAt: user.createdAt,
    revokedAt: null,
    ownerUserId: user.id,
    serviceAccount: null,
  };
}

/** The Set-Cookie value for a session token (maxAge in seconds; 0 clears it). */
export function sessionCookieHeader(token: string, maxAgeSeconds: number, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${token}`, 'Path=/', `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict'];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
