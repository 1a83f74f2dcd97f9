import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import { seedDefaultTechnicians } from '../../db/technicians';
import { buildWebIfStale } from '../../scripts/build-web';
import { launchChromium, newDashboardContext, saveScreenshot, watchPage, type PageWatch } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';
import { expectHealthyPage, openFromNav } from './dashboard';

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
let context: BrowserContext;
let page: Page;
let watch: PageWatch;
let key: string;

beforeAll(async () => {
  await buildWebIfStale();
  stack = await startTestStack();
  await seedDefaultTechnicians(stack.sql);
  key = await stack.key(['workflows:write', 'workflows:read', 'decisions:write']);
  await stack.startWorker();
  browser = await launchChromium();
  context = await newDashboardContext(browser, { baseUrl: stack.baseUrl, apiKey: key });
  page = await context.newPage();
  watch = watchPage(page);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
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
    await expectStageLabelsReadable(1280, false);

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
    expect(outcome).toContain(en.goldenPath.outcome.completed);
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
