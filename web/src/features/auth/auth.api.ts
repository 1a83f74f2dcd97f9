import { api, unwrap, type ApiBody } from '../../api/http';

/** The caller: a signed-in user (with roles) or an API key. */
export type Me = ApiBody<'/api/v1/auth/me', 'get'>;
export type SignedInUser = ApiBody<'/api/v1/auth/login', 'post'>;

/** Whether the browser holds a live session cookie (a public route: no 401 for a signed-out page). */
export async function hasSession(): Promise<boolean> {
  return (await unwrap(api.GET('/api/v1/auth/session'))).data.signed_in;
}

export async function getMe(): Promise<Me> {
  return (await unwrap(api.GET('/api/v1/auth/me'))).data;
}

/** Signs in; the API sets the HttpOnly session cookie, which scripts never see. */
export async function signIn(email: string, password: string): Promise<SignedInUser> {
  return (await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }))).data;
}

/** Spends a one-time sign-in link (first run, invitation). */
export async function signInWithLink(token: string): Promise<SignedInUser> {
  return (await unwrap(api.POST('/api/v1/auth/link', { body: { token } }))).data;
}

export async function signOut(): Promise<void> {
  await unwrap(api.POST('/api/v1/auth/logout'));
}

export async function setPassword(password: string, current?: string): Promise<void> {
  await unwrap(api.PUT('/api/v1/auth/password', { body: { password, ...(current ? { current_password: current } : {}) } }));
}

export type OidcProvider = ApiBody<'/api/v1/auth/oidc', 'get'>;

/** Whether sign-in through an OpenID Connect provider is configured, and its name. */
export async function getOidcProvider(): Promise<OidcProvider> {
  return (await unwrap(api.GET('/api/v1/auth/oidc'))).data;
}

/** The address that starts the provider's sign-in: a full-page navigation, not a fetch. */
export const OIDC_START_PATH = '/api/v1/auth/oidc/start';
