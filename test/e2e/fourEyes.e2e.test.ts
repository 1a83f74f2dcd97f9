import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import { seedDefaultTechnicians } from '../../db/technicians';
import { buildWebIfStale } from '../../scripts/build-web';
import { launchChromium } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';
import { signInWithForm } from './dashboard';

/**
 * Issue #18, four eyes in the browser, with the shipped limits (an engineer above `urgent`, two
 * people at `very_urgent`): an engineer approves a very urgent order from the Decisions inbox and
 * the page says a second approver is needed; the same engineer cannot approve again; a second
 * engineer signs in and approves; the order then proceeds to scheduling.
 */
let stack: TestStack;
let browser: Browser;
let key: string;
const PASSWORD = 'an engineer password long enough';
/** A seeded anomaly run whose prediction is well inside the very-urgent band (checked below, not assumed). */
const SEED = 7;

beforeAll(async () => {
  await buildWebIfStale();
  stack = await startTestStack({
    DECISION_ENGINEER_PRIORITY: 'urgent',
    DECISION_FOUR_EYES_PRIORITY: 'very_urgent',
    DEMO_AUTO_DECISIONS: 'false',
  });
  await seedDefaultTechnicians(stack.sql);
  key = await stack.key(['workflows:write', 'workflows:read']);
  await stack.startWorker();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function engineer(name: string): Promise<{ id: string; email: string }> {
  const adminKey = await stack.key(['admin']);
  const email = `e2e-${name.toLowerCase()}-${Date.now()}@plant.test`;
  const res = await stack.request('/api/v1/admin/users', {
    method: 'POST',
    key: adminKey,
    json: { name: `E2E ${name}`, email, roles: ['engineer'], password: PASSWORD },
  });
  expect(res.status).toBe(201);
  return { id: ((await res.json()) as { user: { id: string } }).user.id, email };
}

/** Signs in with the form in a fresh browser context and opens the Decisions inbox. */
async function signIn(email: string): Promise<Page> {
  const page = await signInWithForm(browser, stack.baseUrl, email, PASSWORD);
  await page.getByTestId('nav-decisions').click();
  return page;
}

/** Fills this request's card in the inbox and clicks Approve. */
async function approve(page: Page, requestId: string, justification: string): Promise<void> {
  const card = page.locator(`[data-testid="decision-card"][data-request-id="${requestId}"]`);
  await card.waitFor({ timeout: 20_000 });
  await card.getByTestId('decision-operator').locator('input').fill('e2e.engineer');
  await card.getByTestId('decision-justification').locator('textarea').first().fill(justification);
  await card.getByTestId('decision-approved').click();
}

describe('four eyes in the dashboard', () => {
  it('holds a very urgent order after one engineer, refuses that engineer again and proceeds with a second', async () => {
    const ana = await engineer('Ana');
    const carla = await engineer('Carla');
    const res = await stack.request('/api/v1/demo/golden-path', {
      method: 'POST',
      key,
      json: { sensor_events: 20, scenario: 'anomaly', seed: SEED, decision_timeout_seconds: 600 },
    });
    expect(res.status).toBe(202);
    const { correlation_id } = (await res.json()) as { correlation_id: string };
    let requestId = '';
    await expect
      .poll(
        async () => {
          const doc = (await (await stack.request(`/api/v1/demo/golden-path/status/${correlation_id}`, { key })).json()) as {
            status: string;
            decision_request_id?: string;
          };
          requestId = doc.decision_request_id ?? '';
          return doc.status;
        },
        { timeout: 90_000, interval: 500 },
      )
      .toBe('waiting_for_decision');
    const [order] = await stack.sql<{ id: string; priority: string }[]>`
      select o.id, o.priority from decision_requests r join maintenance_orders o on o.id = r.order_id where r.request_id = ${requestId}`;
    expect(order!.priority).toBe('very_urgent');

    const anaPage = await signIn(ana.email);
    await approve(anaPage, requestId, 'Spindle bearing noise confirmed on the walk-round.');
    await expect
      .poll(() => anaPage.getByTestId('inbox-decided').textContent(), { timeout: 15_000 })
      .toContain(en.decisions.panel.awaitingSecondApproval);
    // The order waits: still open, nothing scheduled.
    expect((await stack.sql`select status from decision_requests where request_id = ${requestId}`)[0]).toEqual({ status: 'open' });

    // Ana again (the card is back after a reload: the request is still open): refused, four eyes.
    await anaPage.reload();
    await approve(anaPage, requestId, 'Approving once more.');
    await expect
      .poll(() => anaPage.getByTestId('error-alert').allTextContents(), { timeout: 15_000 })
      .toContainEqual(expect.stringContaining(en.errors.second_approver_required));
    await anaPage.context().close();

    const carlaPage = await signIn(carla.email);
    await approve(carlaPage, requestId, 'Second look: agreed, replace the bearing.');
    await expect
      .poll(() => carlaPage.getByTestId('inbox-decided').textContent(), { timeout: 15_000 })
      .toContain(en.decisions.panel.submitted.replace('{decision}', en.decisions.value.approved));
    await carlaPage.context().close();

    const decisions = await stack.sql<{ id: string }[]>`
      select decided_by_key_id::text as id from human_decisions where request_id = ${requestId} order by created_at`;
    expect(decisions.map((d) => d.id)).toEqual([ana.id, carla.id]);
    await expect
      .poll(
        async () =>
          ((await (await stack.request(`/api/v1/demo/golden-path/status/${correlation_id}`, { key })).json()) as { status: string }).status,
        { timeout: 60_000, interval: 500 },
      )
      .toBe('completed');
    const [after] = await stack.sql<{ status: string }[]>`select status from maintenance_orders where id = ${order!.id}`;
    expect(after!.status).toBe('scheduled');
  });
});
