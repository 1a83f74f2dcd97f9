import * as oidc from 'openid-client';
import type postgres from 'postgres';
import * as db from '../db/users';

/**
 * Optional sign-in through an OpenID Connect provider (issue #18): the authorization-code flow with
 * PKCE (S256), a state and a nonce. The provider vouches for an email; the email must be verified
 * and names an existing, active user (or, when configured, a new `viewer`). The caller then opens
 * the same session a password sign-in opens.
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** An unknown verified email becomes a new user with the `viewer` role (an admin grants more). */
  createUsers: boolean;
}

/** What the browser keeps between the start and the callback (in an HttpOnly cookie). */
export interface OidcFlow {
  state: string;
  nonce: string;
  verifier: string;
}

export type OidcRefusal = 'unverified_email' | 'no_account' | 'failed';

export class OidcSignInError extends Error {
  constructor(
    readonly reason: OidcRefusal,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** http is accepted only for a provider on this machine (a test or a local provider), never across a network. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export class OidcSignIn {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(private readonly settings: OidcSettings) {}

  /** The provider's metadata, discovered on first use and kept; a failed discovery is tried again next time. */
  private config(): Promise<oidc.Configuration> {
    this.configuration ??= (async () => {
      const issuer = new URL(this.settings.issuer);
      const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
      const auth = this.settings.clientSecret ? oidc.ClientSecretBasic(this.settings.clientSecret) : oidc.None();
      return oidc.discovery(issuer, this.settings.clientId, undefined, auth, insecure ? { execute: [oidc.allowInsecureRequests] } : {});
    })().catch((err: unknown) => {
      this.configuration = undefined;
      throw err;
    });
    return this.configuration;
  }

  /** The provider's authorization URL for a new flow, and the flow's secrets for the browser to keep. */
  async start(redirectUri: string): Promise<{ url: string; flow: OidcFlow }> {
    const config = await this.config();
    const flow: OidcFlow = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url: url.href, flow };
  }

  /**
   * Redeems the code of the callback (`callbackUrl`: the registered redirect URI with the query the
   * provider sent) and returns the user it signs in. The library checks the state, the PKCE
   * verifier, the ID token's signature, issuer, audience, expiry and nonce.
   */
  async finish(sql: postgres.Sql, callbackUrl: URL, flow: OidcFlow): Promise<db.UserRecord> {
    let claims: Record<string, unknown>;
    try {
      const config = await this.config();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      claims = idToken;
      // Many providers put only `sub` in the ID token and the email in UserInfo; the library checks
      // that UserInfo answers for the same subject.
      if (idToken.email === undefined) claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)) };
    } catch (err) {
      throw new OidcSignInError('failed', 'The provider did not complete the sign-in', { cause: err });
    }
    return userForOidcClaims(sql, claims, this.settings.createUsers);
  }
}

/**
 * The user a provider's ID token claims sign in: the active user with the token's email, which the
 * provider must say it verified (an unverified address proves nothing about who holds it).
 * Unknown and `createUsers`: a new `viewer` named from the token.
 */
export async function userForOidcClaims(
  sql: postgres.Sql,
  claims: { email?: unknown; email_verified?: unknown; name?: unknown },
  createUsers: boolean,
): Promise<db.UserRecord> {
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  if (!email || claims.email_verified !== true) {
    throw new OidcSignInError('unverified_email', 'The provider did not vouch for a verified email');
  }
  const found = await db.findUserForSignIn(email, sql);
  if (found) {
    if (found.disabledAt) throw new OidcSignInError('no_account', 'The user is disabled');
    const { passwordHash: _hidden, ...user } = found;
    return user;
  }
  if (!createUsers) throw new OidcSignInError('no_account', 'No user has this email');
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
  // A concurrent first sign-in may have created the user a moment ago: then it is that user.
  const created = await db.insertUser({ name, email, roles: ['viewer'], passwordHash: null }, sql);
  const user = created ?? (await db.findUserForSignIn(email, sql));
  if (!user || user.disabledAt) throw new OidcSignInError('no_account', 'The user could not be created');
  const { passwordHash: _hidden, ...view } = user as db.UserRecord & { passwordHash?: string | null };
  return view;
}
