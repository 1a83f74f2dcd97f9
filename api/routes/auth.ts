import { z } from 'zod';
import type { Context } from 'koa';
import { roleSchema } from '../../domain/roles';
import {
  changePassword,
  checkPassword,
  closeSession,
  openSession,
  sessionUser,
  useSignInLink,
  type UserRecord,
} from '../../usecases/users';
import type { AppDeps } from '../deps';
import { ConflictError, RateLimitedError, UnauthorizedError } from '../errors';
import type { RateCounter } from '../middleware/rateLimit';
import { assertSameOrigin, SESSION_COOKIE, sessionCookieHeader, sessionFromCookie } from '../middleware/session';
import type { ApiRouter } from '../route';

export const userView = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  roles: z.array(roleSchema),
  has_password: z.boolean(),
  disabled_at: z.string().nullable(),
  created_at: z.string(),
});

export const toUserView = (u: UserRecord): z.infer<typeof userView> => ({
  id: u.id,
  name: u.name,
  email: u.email,
  roles: u.roles,
  has_password: u.hasPassword,
  disabled_at: u.disabledAt?.toISOString() ?? null,
  created_at: u.createdAt.toISOString(),
});

const meView = z.object({
  kind: z.enum(['user', 'api_key']),
  name: z.string(),
  scopes: z.array(z.string()),
  user: userView.nullable().describe('The signed-in user; null for an API key'),
});

const WRONG_CREDENTIALS = 'The email or password is not valid';
const BAD_LINK = 'The sign-in link is not valid (unknown, already used or expired)';
const LOGIN_WINDOW_SECONDS = 900;

/**
 * Opens a fresh session for a user who just proved who they are, and returns its Set-Cookie value.
 * Any session the browser already held is ended first, so a token planted before sign-in (session
 * fixation) never becomes a signed-in one. Password, link and OpenID Connect sign-ins all end here.
 */
export async function startSession(ctx: Context, deps: AppDeps, user: UserRecord): Promise<string> {
  const previous = ctx.cookies.get(SESSION_COOKIE);
  if (previous && previous.length <= 100) await closeSession(deps.sql, previous);
  const { token } = await openSession(deps.sql, user.id, deps.config.SESSION_TTL_HOURS);
  return sessionCookieHeader(token, deps.config.SESSION_TTL_HOURS * 3600, isSecure(deps));
}

const isSecure = (deps: AppDeps) => deps.config.PUBLIC_URL?.startsWith('https:') ?? false;

/** Dashboard sign-in: email + password or a one-time link, sign-out, and who am I. */
export function authRoutes(api: ApiRouter, deps: AppDeps, counter: RateCounter): void {
  const secure = isSecure(deps);
  const publicOrigin = deps.config.PUBLIC_URL ? new URL(deps.config.PUBLIC_URL).origin : undefined;

  const signIn = async (ctx: Context, user: UserRecord) => {
    ctx.set('Set-Cookie', await startSession(ctx, deps, user));
    ctx.body = toUserView(user);
  };

  /** Per email and address: guessing one person's password from one place stops after the limit. */
  const drawAttempt = async (ctx: Context, who: string) => {
    const { count, resetSeconds } = await counter.hit(`login:${who}:${ctx.ip}`, LOGIN_WINDOW_SECONDS);
    if (count > deps.config.LOGIN_ATTEMPTS_PER_15_MINUTES) throw new RateLimitedError(resetSeconds);
  };

  api.route({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in with email and password (sets the HttpOnly session cookie)',
    tags: ['auth'],
    body: z.strictObject({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(200) }),
    responses: {
      200: { description: 'Signed in; the session cookie is set', schema: userView },
      401: { description: 'The email or password is not valid (the same answer for either)' },
      429: { description: 'Too many attempts for this email from this address' },
    },
    handler: async (ctx, { body }) => {
      assertSameOrigin(ctx, publicOrigin, { allowMissing: true });
      await drawAttempt(ctx, body.email.toLowerCase());
      const user = await checkPassword(deps.sql, body.email, body.password);
      if (!user) throw new UnauthorizedError(WRONG_CREDENTIALS);
      await signIn(ctx, user);
    },
  });

  api.route({
    method: 'post',
    path: '/auth/link',
    summary: 'Sign in once with a one-time link token (first run, invitation)',
    tags: ['auth'],
    body: z.strictObject({ token: z.string().min(20).max(100) }),
    responses: {
      200: { description: 'Signed in; the session cookie is set', schema: userView },
      401: { description: 'Unknown, used or expired link' },
    },
    handler: async (ctx, { body }) => {
      assertSameOrigin(ctx, publicOrigin, { allowMissing: true });
      await drawAttempt(ctx, 'link');
      const user = await useSignInLink(deps.sql, body.token);
      if (!user) throw new UnauthorizedError(BAD_LINK);
      await signIn(ctx, user);
    },
  });

  api.route({
    method: 'post',
    path: '/auth/logout',
    summary: 'Sign out: ends the session and clears the cookie',
    tags: ['auth'],
    responses: {
      200: { description: 'Signed out (also when there was no session)', schema: z.object({ signed_out: z.literal(true) }) },
    },
    handler: async (ctx) => {
      const token = ctx.cookies.get(SESSION_COOKIE);
      if (token && token.length <= 100) {
        assertSameOrigin(ctx, publicOrigin);
        await closeSession(deps.sql, token);
      }
      ctx.set('Set-Cookie', sessionCookieHeader('', 0, secure));
      ctx.body = { signed_out: true };
    },
  });

  api.route({
    method: 'get',
    path: '/auth/session',
    summary: 'Whether the browser holds a live session: answers without credentials, so a signed-out page asks without a 401',
    tags: ['auth'],
    responses: { 200: { description: 'Signed in or not', schema: z.object({ signed_in: z.boolean() }) } },
    handler: async (ctx) => {
      const user = await sessionFromCookie(ctx, { sessionUser: (token) => sessionUser(deps.sql, token) });
      ctx.body = { signed_in: Boolean(user) };
    },
  });

  api.route({
    method: 'get',
    path: '/auth/me',
    summary: 'Who is calling: the signed-in user (roles, scopes) or the API key',
    tags: ['auth'],
    scopes: [],
    responses: { 200: { description: 'The caller', schema: meView } },
    handler: (ctx) => {
      const { user, apiKey } = ctx.state;
      ctx.body = user
        ? { kind: 'user', name: user.name, scopes: apiKey!.scopes, user: toUserView(user) }
        : { kind: 'api_key', name: apiKey!.name, scopes: apiKey!.scopes, user: null };
    },
  });

  api.route({
    method: 'put',
    path: '/auth/password',
    summary: "Set the signed-in user's password (the current one is required once there is one)",
    tags: ['auth'],
    scopes: [],
    body: z.strictObject({ password: z.string().min(12).max(200), current_password: z.string().max(200).optional() }),
    responses: {
      200: { description: 'Changed', schema: z.object({ changed: z.literal(true) }) },
      401: { description: 'The current password is not valid' },
      409: { description: 'Called with an API key: only a signed-in user has a password' },
    },
    handler: async (ctx, { body }) => {
      const user = ctx.state.user;
      if (!user) throw new ConflictError('Only a signed-in user has a password', 'not_a_user');
      if (!(await changePassword(deps.sql, user.id, { password: body.password, current: body.current_password }))) {
        throw new UnauthorizedError('The current password is not valid');
      }
      ctx.body = { changed: true };
    },
  });
}
