import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import { buildWebIfStale } from '../../scripts/build-web';
import { userForOidcClaims } from '../../usecases/oidcSignIn';
import { launchChromium, newDashboardContext } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue #18, optional OpenID Connect sign-in, against a real provider the test starts on this
 * machine (`oidc-provider` with its development login and consent pages: any login, the login is
 * the email). The dashboard's button runs the authorization-code flow with PKCE; a verified email
 * of an existing user signs that user in with the usual session cookie; an unknown or unverified
 * email is refused back to the sign-in page, and a callback without the browser's flow cookie too.
 */
let stack: TestStack;
let browser: Browser;
let idp: http.Server;
const CLIENT_ID = 'smart-maintenance';
const CLIENT_SECRET = randomBytes(24).toString('base64url');
const run = randomUUID().slice(0, 8);

beforeAll(async () => {
  await buildWebIfStale();
  // The provider needs the dashboard's callback address and the dashboard the provider's: listen
  // first, start the API with the issuer (discovered on first use), then build the provider.
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  idp = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  stack = await startTestStack({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_PROVIDER_NAME: 'Plant SSO',
  });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${stack.baseUrl}/api/v1/auth/oidc/callback`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The development login takes any login: it is the email; one starting with "unverified" is not vouched for.
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id, email_verified: !id.startsWith('unverified'), name: `IdP ${id}` }),
    }),
    cookies: { keys: [randomBytes(32).toString('hex')] },
  });
  handler = provider.callback();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await new Promise((resolve) => idp?.close(resolve));
});

/** From the dashboard's sign-in page through the provider's login and consent, as `login`. */
async function signInThroughProvider(login: string): Promise<Page> {
  const context = await newDashboardContext(browser, { baseUrl: stack.baseUrl });
  const page = await context.newPage();
  await page.goto('/sign-in');
  const button = page.getByTestId('sign-in-oidc');
  await expect.poll(() => button.textContent(), { timeout: 15_000 }).toContain('Sign in with Plant SSO');
  await button.click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'Continue' }).click();
  return page;
}

describe('OpenID Connect sign-in', () => {
  it('signs an existing user in with the session cookie, through the provider', async () => {
    const adminKey = await stack.key(['admin']);
    const email = `oidc-${run}@plant.test`;
    const created = await stack.request('/api/v1/admin/users', {
      method: 'POST',
      key: adminKey,
      json: { name: 'OIDC Engineer', email, roles: ['engineer'] },
    });
    const { user } = (await created.json()) as { user: { id: string } };

    const page = await signInThroughProvider(email.toUpperCase());
    await page.waitForURL((url) => url.origin === stack.baseUrl && url.pathname === '/', { timeout: 15_000 });
    await expect.poll(() => page.getByTestId('signed-in-user').textContent(), { timeout: 15_000 }).toContain('OIDC Engineer');
    const cookies = await page.context().cookies(stack.baseUrl);
    const session = cookies.find((c) => c.name === 'sm_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const me = await stack.request('/api/v1/auth/me', { headers: { Cookie: `sm_session=${session.value}` } });
    expect(await me.json()).toMatchObject({ kind: 'user', user: { id: user.id, roles: ['engineer'] } });
    // The flow cookie is spent.
    expect(cookies.find((c) => c.name === 'sm_oidc')).toBeUndefined();
    await page.context().close();
  });

  it('refuses an email no user has (users are not created unless configured), and an unverified one', async () => {
    const unknown = `stranger-${run}@plant.test`;
    const page = await signInThroughProvider(unknown);
    await page.waitForURL((url) => url.pathname === '/sign-in', { timeout: 15_000 });
    await expect.poll(() => page.getByTestId('sign-in-oidc-refused').textContent()).toContain(en.auth.oidcRefused.no_account);
    expect(await stack.sql`select 1 from users where lower(email) = ${unknown}`).toHaveLength(0);
    expect((await page.context().cookies(stack.baseUrl)).find((c) => c.name === 'sm_session')).toBeUndefined();
    await page.context().close();

    const unverified = await signInThroughProvider(`unverified-${run}@plant.test`);
    await unverified.waitForURL((url) => url.pathname === '/sign-in', { timeout: 15_000 });
    await expect.poll(() => unverified.getByTestId('sign-in-oidc-refused').textContent()).toContain(en.auth.oidcRefused.unverified_email);
    await unverified.context().close();
  });

  it('refuses a callback that did not start in this browser (no flow cookie): no session', async () => {
    const res = await stack.request(`/api/v1/auth/oidc/callback?code=forged-${run}&state=forged`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/sign-in?oidc=failed');
    expect(res.headers.get('set-cookie') ?? '').not.toContain('sm_session=');
  });

  it('creates a viewer for an unknown verified email when configured, and reuses the user after', async () => {
    const email = `new-${run}@plant.test`;
    const first = await userForOidcClaims(stack.sql, { email, email_verified: true, name: 'New Person' }, true);
    expect(first).toMatchObject({ email, name: 'New Person', roles: ['viewer'], hasPassword: false });
    const again = await userForOidcClaims(stack.sql, { email: email.toUpperCase(), email_verified: true }, true);
    expect(again.id).toBe(first.id);
    await expect(userForOidcClaims(stack.sql, { email: `other-${run}@plant.test`, email_verified: 'true' }, true)).rejects.toMatchObject({
      reason: 'unverified_email',
    });
  });
});
