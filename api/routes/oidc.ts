import { z } from 'zod';
import type { Context } from 'koa';
import { OidcSignIn, OidcSignInError, type OidcFlow, type OidcRefusal } from '../../usecases/oidcSignIn';
import type { AppDeps } from '../deps';
import { NotFoundError } from '../errors';
import { ownOrigin } from '../middleware/session';
import type { ApiRouter } from '../route';
import { startSession } from './auth';

/**
 * The flow's state, nonce and PKCE verifier between the start and the callback: HttpOnly (no
 * script reads it), scoped to these routes, ten minutes. SameSite=Lax, not Strict: the callback is
 * a top-level navigation coming back from the provider's site, which Strict would strip it from.
 * It binds the callback to the browser that started the flow (no login CSRF with someone else's code).
 */
const FLOW_COOKIE = 'sm_oidc';
const FLOW_SECONDS = 600;
const CALLBACK = '/auth/oidc/callback';
const PART = /^[\w-]{16,128}$/;

const callbackQuery = z.object({
  code: z.string().max(2048).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(2048).optional(),
  session_state: z.string().max(2048).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2048).optional(),
});

function readFlow(ctx: Context): OidcFlow | undefined {
  const [state, nonce, verifier, extra] = (ctx.cookies.get(FLOW_COOKIE) ?? '').split('.');
  if (extra !== undefined || ![state, nonce, verifier].every((p) => p && PART.test(p))) return undefined;
  return { state: state!, nonce: nonce!, verifier: verifier! };
}

/** Sign-in through an OpenID Connect provider, when OIDC_ISSUER is configured (README, SECURITY.md). */
export function oidcRoutes(api: ApiRouter, deps: AppDeps): void {
  const c = deps.config;
  if (c.OIDC_ISSUER && !c.OIDC_CLIENT_ID) throw new Error('OIDC_ISSUER is set but OIDC_CLIENT_ID is not');
  const signIn =
    c.OIDC_ISSUER && c.OIDC_CLIENT_ID
      ? new OidcSignIn({
          issuer: c.OIDC_ISSUER,
          clientId: c.OIDC_CLIENT_ID,
          clientSecret: c.OIDC_CLIENT_SECRET,
          createUsers: c.OIDC_CREATE_USERS,
        })
      : undefined;
  const secure = c.PUBLIC_URL?.startsWith('https:') ?? false;
  const origin = (ctx: Context) => (c.PUBLIC_URL ? new URL(c.PUBLIC_URL).origin : ownOrigin(ctx));
  const redirectUri = (ctx: Context) => `${origin(ctx)}${api.prefix}${CALLBACK}`;
  const flowCookie = (value: string, maxAge: number) =>
    [
      `${FLOW_COOKIE}=${value}`,
      `Path=${api.prefix}/auth/oidc`,
      `Max-Age=${maxAge}`,
      'HttpOnly',
      'SameSite=Lax',
      ...(secure ? ['Secure'] : []),
    ].join('; ');
  /** Back to the sign-in page with a reason it can show; the details go to the log only. */
  const refuse = (ctx: Context, reason: OidcRefusal, err?: unknown) => {
    deps.logger.warn(
      { reason, err: err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : undefined },
      'oidc sign-in refused',
    );
    ctx.set('Set-Cookie', flowCookie('', 0));
    ctx.redirect(`/sign-in?oidc=${reason}`);
  };

  api.route({
    method: 'get',
    path: '/auth/oidc',
    summary: 'Whether sign-in through an OpenID Connect provider is configured, and the name to show on its button',
    tags: ['auth'],
    responses: {
      200: { description: 'The provider, or enabled: false', schema: z.object({ enabled: z.boolean(), name: z.string().nullable() }) },
    },
    handler: (ctx) => {
      ctx.body = { enabled: Boolean(signIn), name: signIn ? c.OIDC_PROVIDER_NAME : null };
    },
  });

  api.route({
    method: 'get',
    path: '/auth/oidc/start',
    summary: 'Start an OpenID Connect sign-in: redirects the browser to the provider (authorization code with PKCE)',
    tags: ['auth'],
    responses: {
      302: { description: "To the provider's authorization endpoint; on failure back to /sign-in?oidc=failed" },
      404: { description: 'OpenID Connect sign-in is not configured' },
    },
    handler: async (ctx) => {
      if (!signIn) throw new NotFoundError('OpenID Connect sign-in is not configured');
      try {
        const { url, flow } = await signIn.start(redirectUri(ctx));
        ctx.set('Set-Cookie', flowCookie(`${flow.state}.${flow.nonce}.${flow.verifier}`, FLOW_SECONDS));
        ctx.redirect(url);
      } catch (err) {
        refuse(ctx, 'failed', err);
      }
    },
  });

  api.route({
    method: 'get',
    path: CALLBACK,
    summary: "The provider's redirect back: redeems the code, signs the user in (session cookie) and opens the dashboard",
    tags: ['auth'],
    query: callbackQuery,
    responses: {
      302: {
        description: 'To the dashboard, signed in; or to /sign-in?oidc=<reason> (failed, unverified_email, no_account) without a session',
      },
      404: { description: 'OpenID Connect sign-in is not configured' },
    },
    handler: async (ctx, { query }) => {
      if (!signIn) throw new NotFoundError('OpenID Connect sign-in is not configured');
      const flow = readFlow(ctx);
      if (!flow || query.error || !query.code) return refuse(ctx, 'failed', new Error(query.error ?? 'no flow cookie or no code'));
      const callback = new URL(redirectUri(ctx));
      callback.search = ctx.querystring;
      try {
        const user = await signIn.finish(deps.sql, callback, flow);
        ctx.set('Set-Cookie', [await startSession(ctx, deps, user), flowCookie('', 0)]);
        ctx.redirect('/');
      } catch (err) {
        if (err instanceof OidcSignInError) return refuse(ctx, err.reason, err);
        throw err;
      }
    },
  });
}
