import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../observability/logger';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue #18, sign-in: dashboard sessions beside API keys. Login, logout and me; a generic 401;
 * the per email+address limit; session fixation; the same-origin check on cookie writes (API
 * keys untouched); passwords never returned nor logged; the users API and the role scopes.
 */

let stack: TestStack;
let adminKey: string;
const logLines: string[] = [];
const run = randomUUID().slice(0, 8);
const PASSWORD = `correct horse ${run} battery`;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  stack = await startTestStack({ LOGIN_ATTEMPTS_PER_15_MINUTES: '4' }, { logger: createLogger('api-test', 'debug', sink) });
  adminKey = await stack.key(['admin']);
});
afterAll(() => stack?.close());

const cookieOf = (res: Response) => /sm_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? null;

async function createUser(roles: string[], password: string | null = PASSWORD) {
  const email = `${roles.join('-')}-${randomUUID().slice(0, 8)}@plant.test`;
  const res = await stack.request('/api/v1/admin/users', {
    method: 'POST',
    key: adminKey,
    json: { name: `Test ${roles.join(' ')}`, email, roles, ...(password ? { password } : {}) },
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { user: { id: string; email: string }; invite_url: string | null };
  return { ...body.user, invite_url: body.invite_url };
}

async function login(email: string, password = PASSWORD, headers: Record<string, string> = {}) {
  return stack.request('/api/v1/auth/login', { method: 'POST', json: { email, password }, headers });
}

/** A request carrying the session cookie, as the dashboard's fetches do (same origin unless told). */
function withCookie(token: string, path: string, init: RequestInit & { json?: unknown } = {}, origin: string | null = stack.baseUrl) {
  const headers: Record<string, string> = { Cookie: `sm_session=${token}` };
  if (origin) headers.Origin = origin;
  return stack.request(path, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
}

describe('sign-in with email and password', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and /auth/me names the user and the roles scopes', async () => {
    const user = await createUser(['operator']);
    const res = await login(user.email.toUpperCase());
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const token = cookieOf(res)!;
    expect(token.length).toBeGreaterThanOrEqual(40);
    // Stored only hashed: the plain token is nowhere in the table.
    const rows = await stack.sql`select token_hash from user_sessions where token_hash = ${token}`;
    expect(rows).toHaveLength(0);

    const me = await withCookie(token, '/api/v1/auth/me');
    expect(me.status).toBe(200);
    const body = (await me.json()) as { kind: string; user: { id: string; roles: string[] }; scopes: string[] };
    expect(body.kind).toBe('user');
    expect(body.user.id).toBe(user.id);
    expect(body.user.roles).toEqual(['operator']);
    expect(body.scopes).toContain('decisions:write');
    expect(body.scopes).not.toContain('maintenance:schedule');
  });

  it('answers a wrong password and an unknown email with the same generic 401 problem+json', async () => {
    const user = await createUser(['viewer']);
    const wrong = await login(user.email, 'not the password at all');
    const unknown = await login(`nobody-${run}@plant.test`, 'whatever password');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const [a, b] = (await Promise.all([wrong.json(), unknown.json()])) as { detail: string }[];
    expect(a!.detail).toBe(b!.detail);
  });

  it('limits attempts per email and address with 429 and Retry-After, even with the right password', async () => {
    const user = await createUser(['viewer']);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await login(user.email, `guess number ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const blocked = await login(user.email);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another person signing in from the same address is not blocked by it.
    const other = await createUser(['viewer']);
    expect((await login(other.email)).status).toBe(200);
  });

  it('never returns a password or its hash, and never writes one to the log', async () => {
    const secret = `never-logged-${run}-password`;
    const user = await createUser(['engineer'], secret);
    const res = await login(user.email, secret);
    const text = await res.text();
    await login(user.email, `${secret}-wrong`);
    const list = await (await stack.request('/api/v1/admin/users', { key: adminKey })).text();
    for (const body of [text, list]) {
      expect(body).not.toContain(secret);
      expect(body).not.toMatch(/argon2|password_hash/);
    }
    await new Promise((r) => setTimeout(r, 50));
    const log = logLines.join('');
    expect(log).toContain('/api/v1/auth/login');
    expect(log).not.toContain(secret);
    expect(log).not.toContain(cookieOf(res)!);
  });
});

describe('sign-out and session fixation', () => {
  it('ends the session on logout: the cookie stops working and is cleared', async () => {
    const user = await createUser(['viewer']);
    const token = cookieOf(await login(user.email))!;
    expect((await withCookie(token, '/api/v1/auth/me')).status).toBe(200);
    const out = await withCookie(token, '/api/v1/auth/logout', { method: 'POST' });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/sm_session=;.*Max-Age=0/);
    expect((await withCookie(token, '/api/v1/auth/me')).status).toBe(401);
  });

  it('issues a new token at sign-in and ends the one the browser held (no session fixation)', async () => {
    const attacker = await createUser(['viewer']);
    const planted = cookieOf(await login(attacker.email))!;
    const victim = await createUser(['admin']);
    const res = await login(victim.email, PASSWORD, { Cookie: `sm_session=${planted}` });
    expect(res.status).toBe(200);
    const fresh = cookieOf(res)!;
    expect(fresh).not.toBe(planted);
    // The planted token is dead, and never became the victim's.
    expect((await withCookie(planted, '/api/v1/auth/me')).status).toBe(401);
    const me = (await (await withCookie(fresh, '/api/v1/auth/me')).json()) as { user: { id: string } };
    expect(me.user.id).toBe(victim.id);
  });
});

describe('cross-site request forgery', () => {
  let token: string;
  beforeAll(async () => {
    const user = await createUser(['admin']);
    token = cookieOf(await login(user.email))!;
  });
  const write = (headers: Record<string, string>, origin: string | null) =>
    withCookie(token, '/api/v1/admin/api-keys', { method: 'POST', json: { name: `csrf-${run}`, scopes: ['data:read'] }, headers }, origin);

  it('refuses a cookie write from another origin, or with no origin at all, with 403', async () => {
    for (const res of [
      await write({}, 'https://evil.example'),
      await write({}, null),
      await write({ 'Sec-Fetch-Site': 'cross-site' }, stack.baseUrl),
      await write({ 'Sec-Fetch-Site': 'same-site' }, null),
    ]) {
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('cross_site_request');
    }
  });

  it('accepts a cookie write from the same origin, and reads without an origin', async () => {
    expect((await write({}, stack.baseUrl)).status).toBe(201);
    expect((await write({ 'Sec-Fetch-Site': 'same-origin' }, null)).status).toBe(201);
    expect((await withCookie(token, '/api/v1/admin/users', {}, null)).status).toBe(200);
  });

  it('leaves API-key requests alone: no origin needed, and a stray cookie does not change who they are', async () => {
    const res = await stack.request('/api/v1/admin/api-keys', {
      method: 'POST',
      key: adminKey,
      headers: { Origin: 'https://evil.example', Cookie: 'sm_session=garbage' },
      json: { name: `key-${run}`, scopes: ['data:read'] },
    });
    expect(res.status).toBe(201);
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    const user = await createUser(['viewer']);
    expect((await login(user.email, PASSWORD, { Origin: 'https://evil.example' })).status).toBe(403);
  });
});

describe('users API', () => {
  it('invites with a one-time link that signs in once; the invited user then sets a password', async () => {
    const invited = await createUser(['planner'], null);
    expect(invited.invite_url).toMatch(/\/sign-in\?token=/);
    const token = new URL(invited.invite_url!).searchParams.get('token')!;
    const first = await stack.request('/api/v1/auth/link', { method: 'POST', json: { token } });
    expect(first.status).toBe(200);
    const session = cookieOf(first)!;
    expect((await stack.request('/api/v1/auth/link', { method: 'POST', json: { token } })).status).toBe(401);
    // Without a password, sign-in by password fails until one is set.
    expect((await login(invited.email, PASSWORD)).status).toBe(401);
    const set = await withCookie(session, '/api/v1/auth/password', { method: 'PUT', json: { password: PASSWORD } });
    expect(set.status).toBe(200);
    expect((await login(invited.email, PASSWORD)).status).toBe(200);
    // Changing it again needs the current one.
    const again = await withCookie(session, '/api/v1/auth/password', { method: 'PUT', json: { password: `${PASSWORD}-2` } });
    expect(again.status).toBe(401);
  });

  it('refuses a duplicate email with 409 and lists users without hashes', async () => {
    const user = await createUser(['viewer']);
    const dup = await stack.request('/api/v1/admin/users', {
      method: 'POST',
      key: adminKey,
      json: { name: 'Again', email: user.email.toUpperCase(), roles: ['viewer'] },
    });
    expect(dup.status).toBe(409);
    const list = (await (await stack.request('/api/v1/admin/users', { key: adminKey })).json()) as Record<string, unknown>[];
    const row = list.find((u) => u.id === user.id)!;
    expect(Object.keys(row).sort()).toEqual(['created_at', 'disabled_at', 'email', 'has_password', 'id', 'name', 'roles']);
  });

  it('changes roles, and the next request already carries the new scopes', async () => {
    const user = await createUser(['viewer']);
    const token = cookieOf(await login(user.email))!;
    const keysAsViewer = await withCookie(token, '/api/v1/admin/users');
    expect(keysAsViewer.status).toBe(403);
    const patch = await stack.request(`/api/v1/admin/users/${user.id}`, { method: 'PATCH', key: adminKey, json: { roles: ['admin'] } });
    expect(patch.status).toBe(200);
    expect((await withCookie(token, '/api/v1/admin/users')).status).toBe(200);
  });

  it('disables a user: their session ends at once and they cannot sign in again', async () => {
    const user = await createUser(['operator']);
    const token = cookieOf(await login(user.email))!;
    const res = await stack.request(`/api/v1/admin/users/${user.id}/disable`, { method: 'POST', key: adminKey });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { disabled_at: string | null }).disabled_at).not.toBeNull();
    expect((await withCookie(token, '/api/v1/auth/me')).status).toBe(401);
    expect((await login(user.email)).status).toBe(401);
  });

  it('keeps users management to admins: an operator session gets 403 on every users route', async () => {
    const user = await createUser(['operator']);
    const token = cookieOf(await login(user.email))!;
    const target = await createUser(['viewer']);
    const attempts = [
      await withCookie(token, '/api/v1/admin/users'),
      await withCookie(token, '/api/v1/admin/users', {
        method: 'POST',
        json: { name: 'x', email: `x-${run}@plant.test`, roles: ['admin'] },
      }),
      await withCookie(token, `/api/v1/admin/users/${target.id}`, { method: 'PATCH', json: { roles: ['admin'] } }),
      await withCookie(token, `/api/v1/admin/users/${target.id}/disable`, { method: 'POST' }),
    ];
    expect(attempts.map((r) => r.status)).toEqual([403, 403, 403, 403]);
  });
});
