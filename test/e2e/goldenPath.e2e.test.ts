import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import { newDashboardContext, saveScreenshot, type PageWatch } from '../support/browser';
import { closeDashboardSession, openDashboardSession, type DashboardSession } from '../support/dashboardSession';
import type { TestStack } from '../support/stack';
import { expectAccessible, expectHealthyPage, openFromNav, signInWithForm } from './dashboard';

const stageNames = ['ingestion', 'processing', 'anomaly_detection', 'validation', 'prediction', 'maintenance', 'human_decision'] as const;

/** What the page showed at one moment: each stage's data-status in stepper order. */
interface Snapshot {
  at: number;
  statuses: string[];
}

declare global {
  interface Window {
    __stageSnapshots?: Snapshot[];
  }
}

let stack: TestStack;
let browser: Browser;
let page: Page;
let watch: PageWatch;
let key: string;
let session: DashboardSession | undefined;

beforeAll(async () => {
  // Every order needs an engineer for people (keys are not held to roles): the sign-in tests below
  // show an operator refused and an engineer allowed on the same order.
  session = await openDashboardSession({
    env: { DECISION_ENGINEER_PRIORITY: 'low', DECISION_FOUR_EYES_PRIORITY: 'none' },
    scopes: ['workflows:write', 'workflows:read', 'decisions:write'],
    technicians: true,
    worker: true,
  });
  ({ stack, browser, page, watch, key } = session);
});
afterAll(async () => {
  await closeDashboardSession(session);
});

/**
 * Records every distinct combination of stage statuses the stepper shows, sampled in the page
 * every 20 ms, so a stage that is running for only a moment is still seen.
 */
async function recordStageSnapshots(): Promise<void> {
  await page.evaluate((names) => {
    const snapshots: Snapshot[] = [];
    window.__stageSnapshots = snapshots;
    setInterval(() => {
      const statuses = names.map(
        (name) => document.querySelector(`[data-testid="stage-step-${name}"]`)?.getAttribute('data-status') ?? 'absent',
      );
      if (statuses.every((s) => s === 'absent')) return;
      const last = snapshots[snapshots.length - 1];
      if (!last || last.statuses.join() !== statuses.join()) snapshots.push({ at: Date.now(), statuses });
    }, 20);
  }, stageNames);
}

/**
 * Stage names under the stepper must not run into each other: every visible label fits its step.
 * Where they cannot fit, the stepper may show icons only and leave the names to the list below;
 * `labelled` demands the labels (there is room for them on a wide screen).
 */
async function expectStageLabelsReadable(width: number, labelled: boolean): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  // Two frames: the resize observers run, then Vue re-renders.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const titles = page.getByTestId('stage-stepper').locator('.v-stepper-item__title');
  if (labelled) await expect.poll(() => titles.first().isVisible()).toBe(true);
  const boxes = await titles.evaluateAll((els) =>
    els
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, overflow: el.scrollWidth - el.clientWidth };
      }),
  );
  if (labelled) expect(boxes).toHaveLength(stageNames.length);
  for (const [i, box] of boxes.entries()) {
    expect(box.overflow, `label ${stageNames[i]} overflows at ${width}px`).toBeLessThanOrEqual(0);
    if (i > 0) expect(box.left, `label ${stageNames[i]} overlaps its neighbour at ${width}px`).toBeGreaterThanOrEqual(boxes[i - 1]!.right);
  }
}

/** The decision card starts on the first screen: its heading and the first action are visible without scrolling. */
async function expectDecisionInView(viewportHeight: number): Promise<void> {
  await page.getByTestId('decision-card').waitFor();
  const scrollY = await page.evaluate(() => window.scrollY);
  expect(scrollY).toBe(0);
  const card = (await page.getByTestId('decision-card').boundingBox())!;
  expect(card.y, 'decision card top').toBeLessThan(viewportHeight / 2);
  await expect.poll(() => page.getByTestId('decision-probability').textContent()).toContain('%');
}

function runStatus(): Promise<string | null> {
  return page.getByTestId('golden-path-status').getAttribute('data-status');
}

describe('Golden Path started from the dashboard', () => {
  let correlationId: string;

  it('advances stage by stage on screen until it waits for the human decision', async () => {
    await page.goto('/golden-path');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(en.nav['golden-path']);
    await page.getByTestId('golden-path-scenario').click();
    await page.getByRole('option', { name: en.goldenPath.scenario.anomaly, exact: true }).click();
    expect(await page.getByTestId('golden-path-include-decision').locator('input').isChecked()).toBe(true);
    await recordStageSnapshots();

    await page.getByTestId('golden-path-start').click();
    await page.getByTestId('golden-path-run').waitFor();
    correlationId = (await page.getByTestId('golden-path-correlation').textContent())!.trim();
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    // The clock never runs below zero (it showed "-0 sec" when the server's start was ahead of the browser's).
    expect(await page.getByTestId('golden-path-elapsed').textContent()).not.toMatch(/^[-−]/);

    await expect.poll(runStatus, { timeout: 90_000, interval: 100 }).toBe('waiting_for_decision');
    await page.getByTestId('golden-path-decision').waitFor();

    const snapshots = await page.evaluate(() => window.__stageSnapshots ?? []);
    const seen = snapshots.map((s) => s.statuses.join(' '));
    // The page was live: it showed the run in at least three different states before the gate.
    expect(new Set(seen).size, seen.join('\n')).toBeGreaterThanOrEqual(3);
    const last = snapshots.at(-1)!.statuses;
    expect(last.slice(0, 6)).toEqual(['complete', 'complete', 'complete', 'complete', 'complete', 'complete']);
    expect(last[6]).toBe('running');
    // At least three stages were seen before they completed, and they completed in stage order.
    const completedAt = stageNames.map((_, i) => snapshots.find((s) => s.statuses[i] === 'complete')?.at);
    const seenUnfinished = stageNames.filter((_, i) => snapshots.some((s) => s.statuses[i] === 'pending' || s.statuses[i] === 'running'));
    expect(seenUnfinished.length, seen.join('\n')).toBeGreaterThanOrEqual(3);
    const finishOrder = completedAt.slice(0, 6) as number[];
    expect(finishOrder).toEqual([...finishOrder].sort((a, b) => a - b));

    await expectStageLabelsReadable(1600, true);
    // The run takes the full width once started: the names fit at 1280 px as well.
    await expectStageLabelsReadable(1280, true);

    await watch.settled({ ignoreUrl: /\/events$/ });
    await expectHealthyPage(page, watch, 'golden path while waiting');
    await saveScreenshot(page, 'en', 'golden-path-waiting');
  });

  it('records the approval clicked in the decision panel and completes the run', async () => {
    await page.getByTestId('decision-operator').locator('input').fill('e2e.operator');
    await page
      .getByTestId('decision-justification')
      .locator('textarea')
      .first()
      .fill('Spikes confirmed on the spindle during the walk-round.');
    await page.getByTestId('decision-approved').click();

    await expect.poll(runStatus, { timeout: 60_000, interval: 100 }).toBe('completed');
    const outcome = await page.getByTestId('golden-path-outcome').textContent();
    expect(outcome).toContain(en.runOutcome.approved.title);
    expect(await page.getByTestId('golden-path-outcome').getAttribute('data-outcome')).toBe('approved');
    for (const name of stageNames) {
      expect(await page.getByTestId(`stage-step-${name}`).getAttribute('data-status'), name).toBe('complete');
    }
    await watch.settled({ ignoreUrl: /\/events$/ });
    await expectHealthyPage(page, watch, 'golden path after the decision');
    await saveScreenshot(page, 'en', 'golden-path-completed');

    const workflowId = `golden-path-${correlationId}`;
    const decisions = await stack.sql`select decision, operator_id, justification from human_decisions where workflow_id = ${workflowId}`;
    expect(decisions).toEqual([
      { decision: 'approved', operator_id: 'e2e.operator', justification: 'Spikes confirmed on the spindle during the walk-round.' },
    ]);
    const status = await (await stack.request(`/api/v1/demo/golden-path/status/${correlationId}`, { key })).json();
    expect(status.status).toBe('completed');
    const [order] = await stack.sql`select status from maintenance_orders where id = ${status.maintenance_order_id}`;
    expect(order).toEqual({ status: 'scheduled' });
  });

  it('lists the approval in the Decision Log, filtered by operator, linked to its workflow', async () => {
    // Needs the decisions read scope the Golden Path key already has (workflows:read).
    await openFromNav(page, watch, 'decisions', en.nav.decisions);
    await page.getByTestId('decisions-filter-operator').locator('input').fill('e2e.operator');
    const rows = page.getByTestId('decisions-table').locator('tbody tr');
    await expect.poll(() => rows.allTextContents(), { timeout: 10_000 }).toEqual([expect.stringContaining('e2e.operator')]);
    await watch.settled();
    expect(await rows.first().textContent()).toContain(en.decisions.value.approved);
    expect(await page.getByTestId('decisions-table').locator('.v-data-table-footer').textContent()).toContain('1-1 of 1');
    const link = page.getByTestId('decision-workflow-link');
    expect(await link.textContent()).toBe(`golden-path-${correlationId}`);
    await expectHealthyPage(page, watch, 'decision log filtered by operator');
    await saveScreenshot(page, 'en', 'decisions-after-golden-path');

    await link.click();
    await page.getByTestId('workflow-detail').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/workflows/golden-path-${correlationId}`);
    await watch.settled();
    await expectHealthyPage(page, watch, 'workflow detail');
  });
});

describe('a Golden Path run that lives in its address and is rejected', () => {
  let correlationId: string;

  it('keeps the waiting run across a reload of its own address', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/golden-path');
    await page.getByTestId('golden-path-scenario').click();
    await page.getByRole('option', { name: en.goldenPath.scenario.anomaly, exact: true }).click();
    await page.getByTestId('golden-path-start').click();
    await page.waitForURL((url) => /^\/golden-path\/[0-9a-f-]{36}$/.test(url.pathname));
    correlationId = new URL(page.url()).pathname.split('/').at(-1)!;
    await expect.poll(runStatus, { timeout: 90_000, interval: 200 }).toBe('waiting_for_decision');

    await page.reload();
    await expect.poll(() => page.getByTestId('golden-path-correlation').textContent(), { timeout: 10_000 }).toBe(correlationId);
    await expect.poll(runStatus).toBe('waiting_for_decision');
    await page.getByTestId('golden-path-decision').waitFor();
    await watch.settled({ ignoreUrl: /\/events$/ });
    await expectHealthyPage(page, watch, 'golden path after a reload');
    await expectAccessible(page, 'golden path waiting for a decision');
    // The live chart holds the run's 20 readings with its anomalies marked.
    const chart = page.getByTestId('run-readings-chart');
    await expect.poll(() => chart.getAttribute('data-readings'), { timeout: 10_000 }).toBe('20');
    expect(Number(await chart.getAttribute('data-anomalies'))).toBeGreaterThan(0);
    expect(await chart.getByTestId('run-chart-anomaly').count()).toBe(Number(await chart.getAttribute('data-anomalies')));
    await expectDecisionInView(800);
  });

  it('shows the decision without scrolling on a 390×844 phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('golden-path-decision').waitFor();
    await watch.settled({ ignoreUrl: /\/events$/ });
    await expectDecisionInView(844);
    await saveScreenshot(page, 'en', 'golden-path-waiting-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('says the order was rejected and nothing scheduled, without a green check', async () => {
    await page.getByTestId('decision-operator').locator('input').fill('e2e.rejecter');
    await page.getByTestId('decision-justification').locator('textarea').first().fill('Vibration explained by a loose guard.');
    await page.getByTestId('decision-rejected').click();

    await expect.poll(runStatus, { timeout: 60_000, interval: 100 }).toBe('completed');
    const outcome = page.getByTestId('golden-path-outcome');
    await expect.poll(() => outcome.getAttribute('data-outcome'), { timeout: 10_000 }).toBe('rejected');
    const text = await outcome.textContent();
    expect(text).toContain(en.runOutcome.rejected.title);
    expect(text).not.toContain(en.runOutcome.approved.title);
    // The decision step shows the rejection, not the green complete check of an approval.
    const step = page.getByTestId('stage-step-human_decision');
    expect(await step.getAttribute('data-decision')).toBe('rejected');
    expect(await step.textContent()).toContain(en.decisions.value.rejected);
    expect(await step.locator('.text-success').count()).toBe(0);
    await watch.settled({ ignoreUrl: /\/events$/ });
    await expectHealthyPage(page, watch, 'golden path rejected');
    await expectAccessible(page, 'golden path rejected');
    await saveScreenshot(page, 'en', 'golden-path-rejected');

    const status = await (await stack.request(`/api/v1/demo/golden-path/status/${correlationId}`, { key })).json();
    const [order] = await stack.sql`select status from maintenance_orders where id = ${status.maintenance_order_id}`;
    expect(order).toEqual({ status: 'rejected' });
  });

  it('goes back to the empty form and forward to the finished run', async () => {
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/golden-path');
    await expect.poll(() => page.getByTestId('golden-path-run').count()).toBe(0);
    await page.goForward();
    await page.waitForURL((url) => url.pathname === `/golden-path/${correlationId}`);
    await expect.poll(() => page.getByTestId('golden-path-outcome').getAttribute('data-outcome'), { timeout: 10_000 }).toBe('rejected');
  });
});

describe('the decisions inbox', () => {
  it('lists a waiting run with what is being approved, badges the navigation and takes the decision inline', async () => {
    const started = await (
      await stack.request('/api/v1/demo/golden-path', { method: 'POST', key, json: { sensor_events: 20, scenario: 'anomaly' } })
    ).json();
    let waiting: { status: string; decision_request_id: string; sensor_id: string } | undefined;
    await expect
      .poll(
        async () => {
          waiting = await (await stack.request(`/api/v1/demo/golden-path/status/${started.correlation_id}`, { key })).json();
          return waiting?.status;
        },
        { timeout: 90_000, interval: 500 },
      )
      .toBe('waiting_for_decision');

    await page.goto('/');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(en.nav.overview);
    await expect
      .poll(() => page.getByTestId('overview-pending').allTextContents(), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining(waiting!.sensor_id));
    expect(Number(await page.getByTestId('nav-decisions-badge').textContent())).toBeGreaterThanOrEqual(1);
    await watch.settled();
    await expectHealthyPage(page, watch, 'overview with a decision waiting');
    await saveScreenshot(page, 'en', 'overview-waiting');

    await openFromNav(page, watch, 'decisions', en.nav.decisions);
    const card = page.locator(`[data-testid="decision-card"][data-request-id="${waiting!.decision_request_id}"]`);
    await card.waitFor();
    const text = await card.textContent();
    expect(text).toContain(waiting!.sensor_id);
    expect(await card.getByTestId('decision-probability').textContent()).toMatch(/%.*threshold/);
    expect(await card.getByTestId('decision-technician').textContent()).not.toBe(en.decisionInbox.noTechnician);
    expect(await card.getByTestId('decision-window').textContent()).toContain(' to ');
    expect(Number(await card.getByTestId('decision-countdown').getAttribute('data-seconds'))).toBeGreaterThan(0);
    await expectAccessible(page, 'decisions inbox with a card');
    await saveScreenshot(page, 'en', 'decisions-inbox');

    await card.getByTestId('decision-operator').locator('input').fill('e2e.inbox');
    await card.getByTestId('decision-justification').locator('textarea').first().fill('Approved from the inbox.');
    await card.getByTestId('decision-approved').click();
    await page.getByTestId('inbox-decided').waitFor();
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(0);
    await watch.settled();
    await expectHealthyPage(page, watch, 'inbox after the decision');

    const rows = await stack.sql`select decision, operator_id from human_decisions where request_id = ${waiting!.decision_request_id}`;
    expect(rows).toEqual([{ decision: 'approved', operator_id: 'e2e.inbox' }]);
  });
});

describe('people signing in (issue #18)', () => {
  let admin: BrowserContext;
  let adminPage: Page;
  let operatorUrl = '';

  beforeAll(async () => {
    admin = await newDashboardContext(browser, { baseUrl: stack.baseUrl });
    adminPage = await admin.newPage();
  });
  afterAll(() => admin?.close());

  it('signs the admin in from the one-time link, without any key, and the link works only once', async () => {
    const adminKey = await stack.key(['admin']);
    const res = await stack.request('/api/v1/admin/users', {
      method: 'POST',
      key: adminKey,
      json: { name: 'E2E Admin', email: `e2e-admin-${Date.now()}@plant.test`, roles: ['admin'] },
    });
    const link = new URL(((await res.json()) as { invite_url: string }).invite_url);
    await adminPage.goto(link.pathname + link.search);
    await adminPage.getByTestId('choose-password').waitFor();
    // The token left the address bar at once.
    expect(adminPage.url()).not.toContain('token=');
    await adminPage.getByTestId('new-password').locator('input').fill('a long enough admin password');
    await adminPage.getByTestId('save-password').click();
    await adminPage.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => adminPage.getByTestId('signed-in-user').textContent()).toContain('E2E Admin');
    expect(await adminPage.getByTestId('settings-dialog').count()).toBe(0);

    const again = await admin.browser()!.newContext({ baseURL: stack.baseUrl });
    try {
      const second = await again.newPage();
      await second.goto(link.pathname + link.search);
      await expect.poll(() => second.getByTestId('sign-in-refused').textContent()).toBe(en.auth.badLink);
    } finally {
      await again.close();
    }
  });

  it('invites an operator from the Users page, who signs in with the link shown once', async () => {
    await adminPage.getByTestId('nav-users').click();
    await adminPage.waitForURL((url) => url.pathname === '/users');
    const email = `e2e-operator-${Date.now()}@plant.test`;
    await adminPage.getByTestId('invite-name').locator('input').fill('E2E Operator');
    await adminPage.getByTestId('invite-email').locator('input').fill(email);
    await adminPage.getByTestId('invite-submit').click();
    const url = await adminPage.getByTestId('invite-url').textContent();
    expect(url).toMatch(/\/sign-in\?token=/);
    operatorUrl = url!;
    await adminPage.getByTestId(`user-row-${email}`).waitFor();
    await expectAccessible(adminPage, 'users');

    const operator = await newDashboardContext(browser, { baseUrl: stack.baseUrl });
    try {
      const page = await operator.newPage();
      const link = new URL(operatorUrl);
      await page.goto(link.pathname + link.search);
      await page.getByTestId('skip-password').click();
      await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain('E2E Operator');
      // Not an admin: the Users page is not in the navigation.
      expect(await page.getByTestId('nav-users').count()).toBe(0);
      await page.getByTestId('sign-out').click();
      await page.waitForURL((u) => u.pathname === '/sign-in');
      expect((await page.context().cookies()).find((c) => c.name === 'sm_session')?.value ?? '').toBe('');
    } finally {
      await operator.close();
    }
  });

  it('refuses an operator approving an order above the engineer limit, and takes the engineer', async () => {
    const adminKey = await stack.key(['admin']);
    const password = 'an operator password long enough';
    const people: Record<string, { id: string; email: string }> = {};
    for (const role of ['operator', 'engineer']) {
      const email = `e2e-${role}-${Date.now()}@plant.test`;
      const res = await stack.request('/api/v1/admin/users', {
        method: 'POST',
        key: adminKey,
        json: { name: `E2E ${role}`, email, roles: [role], password },
      });
      people[role] = { id: ((await res.json()) as { user: { id: string } }).user.id, email };
    }
    const started = await (
      await stack.request('/api/v1/demo/golden-path', { method: 'POST', key, json: { sensor_events: 20, scenario: 'anomaly' } })
    ).json();
    let requestId = '';
    await expect
      .poll(
        async () => {
          const doc = await (await stack.request(`/api/v1/demo/golden-path/status/${started.correlation_id}`, { key })).json();
          requestId = doc.decision_request_id ?? '';
          return doc.status;
        },
        { timeout: 90_000, interval: 500 },
      )
      .toBe('waiting_for_decision');

    /** Signs in with the form, opens the inbox and approves this run's card. */
    async function approveAs(role: string): Promise<Page> {
      const page = await signInWithForm(browser, stack.baseUrl, people[role]!.email, password);
      await page.getByTestId('nav-decisions').click();
      const card = page.locator(`[data-testid="decision-card"][data-request-id="${requestId}"]`);
      await card.waitFor({ timeout: 20_000 });
      await card.getByTestId('decision-operator').locator('input').fill(`e2e.${role}`);
      await card.getByTestId('decision-justification').locator('textarea').first().fill('Bearing noise confirmed.');
      await card.getByTestId('decision-approved').click();
      return page;
    }

    const operatorPage = await approveAs('operator');
    await expect
      .poll(() => operatorPage.getByTestId('error-alert').allTextContents(), { timeout: 15_000 })
      .toContainEqual(expect.stringContaining(en.errors.engineer_required));
    expect(await stack.sql`select 1 from human_decisions where request_id = ${requestId}`).toHaveLength(0);
    await operatorPage.context().close();

    const engineerPage = await approveAs('engineer');
    await engineerPage.getByTestId('inbox-decided').waitFor({ timeout: 15_000 });
    const rows =
      await stack.sql`select decided_by_kind, decided_by_key_id::text as id from human_decisions where request_id = ${requestId}`;
    expect(rows).toEqual([{ decided_by_kind: 'user', id: people.engineer!.id }]);
    await engineerPage.context().close();
  });
});

describe('a Golden Path at demo pace', () => {
  it('shows the readings of the run arriving a few at a time, as they are streamed in', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/golden-path');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(en.nav['golden-path']);
    // Ten readings at two a second: about five seconds of streaming, long enough to watch it grow.
    const thumb = page.getByTestId('golden-path-events').getByRole('slider');
    await thumb.focus();
    await thumb.press('ArrowLeft');
    await thumb.press('ArrowLeft');
    expect(await thumb.getAttribute('aria-valuenow')).toBe('10');
    await page.getByTestId('golden-path-pace').click();
    await page.getByRole('option', { name: en.demoPace.perSecond.split(' | ')[1]!.replace('{n}', '2'), exact: true }).click();
    await page.getByTestId('golden-path-include-decision').locator('input').uncheck();

    const started = page.waitForRequest((req) => req.url().endsWith('/api/v1/demo/golden-path') && req.method() === 'POST');
    await page.getByTestId('golden-path-start').click();
    expect((await started).postDataJSON()).toMatchObject({ sensor_events: 10, demo_pace: 2, include_human_decision: false });
    const chart = page.getByTestId('run-readings-chart');
    await chart.waitFor();
    // Every count the chart shows, sampled in the page, until the run is over.
    await chart.evaluate((el) => {
      const seen: number[] = [];
      (window as unknown as { __readingCounts: number[] }).__readingCounts = seen;
      setInterval(() => {
        const count = Number(el.getAttribute('data-readings'));
        if (seen.at(-1) !== count) seen.push(count);
      }, 50);
    });
    await expect.poll(() => chart.getAttribute('data-readings'), { timeout: 60_000, interval: 200 }).toBe('10');
    const counts = await page.evaluate(() => (window as unknown as { __readingCounts: number[] }).__readingCounts);
    // Rising through partial counts, never all ten at once (without a pace the chart jumps from 0 to 10).
    expect(counts, counts.join(' → ')).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.filter((c) => c > 0 && c < 10).length, counts.join(' → ')).toBeGreaterThanOrEqual(1);
    await expect.poll(() => chart.locator('figcaption').textContent()).toContain('10 readings');
    await expect.poll(runStatus, { timeout: 60_000, interval: 200 }).toBe('completed');
    await watch.settled({ ignoreUrl: /\/events$/ });
    await expectHealthyPage(page, watch, 'golden path at demo pace');
  });
});
