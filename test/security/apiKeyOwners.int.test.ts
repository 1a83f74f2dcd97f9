import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFirstActiveAdmin } from '../../db/users';
import { createAdminKeyFile } from '../../usecases/apiKeyBootstrap';
import { hashApiKey } from '../../usecases/apiKeys';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue #18: API keys belong to a user or a service account. A user's key is held to the user's
 * role on every request (scopes = key ∩ role; a disabled user's keys stop at once, a role change
 * applies at once); keys created through the API belong to the creator or the named account.
 */
let stack: TestStack;
let adminKey: string;
const PASSWORD = `key owner password ${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  stack = await startTestStack();
  adminKey = await stack.key(['admin']);
});
afterAll(() => stack?.close());

async function createUser(roles: string[]): Promise<{ id: string; email: string }> {
  const email = `${roles[0]}-${randomUUID().slice(0, 8)}@plant.test`;
  const res = await stack.request('/api/v1/admin/users', {
    method: 'POST',
    key: adminKey,
    json: { name: roles[0], email, roles, password: PASSWORD },
  });
  expect(res.status).toBe(201);
  return { id: ((await res.json()) as { user: { id: string } }).user.id, email };
}

async function issueKey(json: Record<string, unknown>, auth: { key?: string; cookie?: string } = { key: adminKey }) {
  const headers: Record<string, string> = auth.cookie ? { Cookie: auth.cookie, Origin: stack.baseUrl } : {};
  const res = await stack.request('/api/v1/admin/api-keys', { method: 'POST', key: auth.key, headers, json });
  return { status: res.status, body: (await res.json()) as { key: string; owner_user_id: string | null; service_account: string | null } };
}

const whoami = async (key: string) => {
  const res = await stack.request('/api/v1/admin/whoami', { key });
  return { status: res.status, body: (await res.json()) as { scopes: string[] } };
};

describe("a user's key is held to the user", () => {
  it('uses only the scopes both the key and the role grant, checked on every request', async () => {
    const planner = await createUser(['planner']);
    const { status, body } = await issueKey({ name: 'planner laptop', scopes: ['admin'], user_id: planner.id });
    expect(status).toBe(201);
    expect(body).toMatchObject({ owner_user_id: planner.id, service_account: null });

    // An `admin` key of a planner is worth a planner's scopes, not the key's.
    expect((await whoami(body.key)).body.scopes.sort()).toEqual(
      ['data:read', 'maintenance:read', 'maintenance:schedule', 'reports:generate', 'workflows:read'].sort(),
    );
    expect((await stack.request('/api/v1/admin/api-keys', { key: body.key })).status).toBe(403);
    expect((await stack.request('/api/v1/alarms/summary', { key: body.key })).status).toBe(200);

    // A narrower key stays narrow: the intersection, not the role.
    const narrow = await issueKey({ name: 'planner reader', scopes: ['data:read', 'decisions:write'], user_id: planner.id });
    expect((await whoami(narrow.body.key)).body.scopes).toEqual(['data:read']);

    // The role changes; the key (already in the resolver's cache) follows on the next request.
    const patched = await stack.request(`/api/v1/admin/users/${planner.id}`, {
      method: 'PATCH',
      key: adminKey,
      json: { roles: ['viewer'] },
    });
    expect(patched.status).toBe(200);
    expect((await whoami(body.key)).body.scopes.sort()).toEqual(['data:read', 'maintenance:read', 'workflows:read']);

    // Disabled: every key of the user stops at once, cached or not.
    expect((await stack.request(`/api/v1/admin/users/${planner.id}/disable`, { method: 'POST', key: adminKey })).status).toBe(200);
    expect((await whoami(body.key)).status).toBe(401);
    expect((await stack.request('/api/v1/alarms/summary', { key: narrow.body.key })).status).toBe(401);
  });

  it('refuses a key for a user who does not exist', async () => {
    const { status } = await issueKey({ name: 'nobody', scopes: ['data:read'], user_id: randomUUID() });
    expect(status).toBe(404);
    const both = await issueKey({ name: 'both', scopes: ['data:read'], user_id: randomUUID(), service_account: 'erp' });
    expect(both.status).toBe(422);
  });
});

describe('who a new key belongs to', () => {
  it('belongs to the signed-in admin who creates it, or to the named service account', async () => {
    const admin = await createUser(['admin']);
    const login = await stack.request('/api/v1/auth/login', { method: 'POST', json: { email: admin.email, password: PASSWORD } });
    const cookie = /sm_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];

    const own = await issueKey({ name: 'my key', scopes: ['data:read'] }, { cookie });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ owner_user_id: admin.id, service_account: null });

    const erp = await issueKey({ name: 'erp sync', scopes: ['data:read', 'decisions:write'], service_account: 'erp' }, { cookie });
    expect(erp.body).toMatchObject({ owner_user_id: null, service_account: 'erp' });
    // A service account keeps its key's scopes.
    expect((await whoami(erp.body.key)).body.scopes).toEqual(['data:read', 'decisions:write']);

    // A key made with the admin's key is the admin's too, and dies with the admin.
    const chained = await issueKey({ name: 'made by key', scopes: ['data:read'] }, { key: own.body.key });
    expect(chained.status).toBe(403); // the admin's own key was limited to data:read
    const adminOwned = await issueKey({ name: 'admin wide', scopes: ['admin'] }, { cookie });
    const byKey = await issueKey({ name: 'made by key', scopes: ['data:read'] }, { key: adminOwned.body.key });
    expect(byKey.body).toMatchObject({ owner_user_id: admin.id, service_account: null });

    // A key made by a service account's key belongs to that service account.
    const bySeedKey = await issueKey({ name: 'made by service key', scopes: ['data:read'] });
    expect(bySeedKey.body.service_account).toMatch(/^test-admin/);
  });

  it('the generated admin key belongs to the active admin user', async () => {
    const admin = await findFirstActiveAdmin(stack.sql);
    expect(admin).toBeDefined();
    const { generated } = await createAdminKeyFile(stack.sql, mkdtempSync(path.join(tmpdir(), 'sm-owner-')), 'bootstrap-admin');
    const [row] = await stack.sql<{ owner: string | null; service: string | null }[]>`
      select owner_user_id::text as owner, service_account as service from api_keys where key_hash = ${hashApiKey(generated)}`;
    expect(row).toEqual({ owner: admin!.id, service: null });
  });
});
