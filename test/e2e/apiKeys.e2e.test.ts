import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import { buildWebIfStale } from '../../scripts/build-web';
import { launchChromium } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';
import { expectAccessible, signInWithForm } from './dashboard';

/**
 * Issue #18: API keys created on the Users page belong to the signed-in admin or to a named
 * service account, as the list shows; the plain key is shown once and works as its owner's.
 */
let stack: TestStack;
let browser: Browser;
const PASSWORD = 'an admin password long enough';

beforeAll(async () => {
  await buildWebIfStale();
  stack = await startTestStack();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('API keys on the Users page', () => {
  it("creates the admin's own key and a service account's, shows each owner, and revokes one", async () => {
    const email = `e2e-admin-${Date.now()}@plant.test`;
    const res = await stack.request('/api/v1/admin/users', {
      method: 'POST',
      key: await stack.key(['admin']),
      json: { name: 'E2E Admin', email, roles: ['admin'], password: PASSWORD },
    });
    const adminId = ((await res.json()) as { user: { id: string } }).user.id;
    const page = await signInWithForm(browser, stack.baseUrl, email, PASSWORD);
    await page.getByTestId('nav-users').click();
    await page.getByTestId('api-keys').waitFor();

    const create = async (name: string, serviceAccount: string): Promise<string> => {
      await page.getByTestId('api-key-name').locator('input').fill(name);
      await page.getByTestId('api-key-service-account').locator('input').fill(serviceAccount);
      await page.getByTestId('api-key-create').click();
      await page.getByTestId(`api-key-row-${name}`).waitFor();
      return (await page.getByTestId('api-key-plain').textContent())!.trim();
    };
    const own = await create('my reader', '');
    expect(await page.getByTestId('api-key-owner-my reader').textContent()).toContain(email);
    const erp = await create('erp reader', 'erp');
    expect(await page.getByTestId('api-key-owner-erp reader').textContent()).toContain(en.apiKeys.ownerService.replace('{name}', 'erp'));
    await expectAccessible(page, 'users with API keys');

    const whoami = async (key: string) => (await stack.request('/api/v1/admin/whoami', { key })).json();
    expect(await whoami(own)).toMatchObject({ owner_user_id: adminId, service_account: null, scopes: ['data:read'] });
    expect(await whoami(erp)).toMatchObject({ owner_user_id: null, service_account: 'erp' });

    await page.getByTestId('api-key-revoke-erp reader').click();
    await expect.poll(() => page.getByTestId('api-key-row-erp reader').textContent()).toContain(en.apiKeys.revoked);
    expect((await stack.request('/api/v1/admin/whoami', { key: erp })).status).toBe(401);
    await page.context().close();
  });
});
