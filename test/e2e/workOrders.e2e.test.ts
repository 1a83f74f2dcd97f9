import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import ptBR from '../../locales/pt-BR.json';
import { seedDefaultTechnicians } from '../../db/technicians';
import { buildWebIfStale } from '../../scripts/build-web';
import {
  launchChromium,
  newDashboardContext,
  openWatchedPage,
  phoneViewport,
  saveScreenshot,
  watchPage,
  type PageWatch,
} from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';
import { expectHealthyPage } from './dashboard';
import { RAW_INSTANT, englishIn } from './serverEnglish';

// One Golden Path run in the dashboard (approved automatically, so nobody waits), then everything it
// left behind reached by links: its work order, its report, its workflow page; a second run, started
// through the API, waits for a person and is what the Workflows page's "needs action" filter finds.

let stack: TestStack;
let browser: Browser;
let key: string;
let waitingWorkflowId: string;

/** A torque sensor with a week of readings ten minutes apart and three anomalies, the last two in its final hour. */
const torqueSensor = 'e2e-explorer-torque';
const torqueEnd = Date.parse('2025-02-10T12:00:00Z');
const anomalyTimes = [torqueEnd - 3 * 86_400_000, torqueEnd - 40 * 60_000, torqueEnd - 10 * 60_000];

async function seedTorqueWeek(): Promise<void> {
  const count = 7 * 144 + 1;
  const readings = Array.from({ length: count }, (_, i) => {
    const ts = torqueEnd - (count - 1 - i) * 600_000;
    return {
      sensor_id: torqueSensor,
      sensor_type: 'torque',
      value: anomalyTimes.includes(ts) ? 95 : 40 + 5 * Math.sin(i / 12),
      unit: 'Nm',
      timestamp: new Date(ts).toISOString(),
    };
  });
  for (let i = 0; i < readings.length; i += 500) {
    const res = await stack.request('/api/v1/data/ingest/batch', { method: 'POST', key, json: { readings: readings.slice(i, i + 500) } });
    expect(res.status).toBeLessThan(300);
  }
  // Ingest is scored by the streaming detector after the request; wait until it has scored every
  // reading, then keep exactly the three marks this test is about.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const [row] = await stack.sql<{ done: boolean }[]>`
      select coalesce((select readings from sensor_detector_state where sensor_id = ${torqueSensor}), 0) >= ${count} as done`;
    if (row!.done) break;
    if (Date.now() > deadline) throw new Error('the streaming detector did not score the seeded week within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  await stack.sql`delete from anomalies where sensor_id = ${torqueSensor}`;
  for (const ts of anomalyTimes) {
    await stack.sql`insert into anomalies (sensor_id, ts, value, score, method, reason)
      values (${torqueSensor}, ${new Date(ts)}, 95, 5.1, 'zscore', 'spike')`;
  }
}

/** What the English run produced, for the Portuguese and phone tests to open again. */
const run = { correlationId: '', workflowId: '', orderId: '', reportId: '' };

beforeAll(async () => {
  await buildWebIfStale();
  stack = await startTestStack();
  await seedDefaultTechnicians(stack.sql);
  key = await stack.key(['admin']);
  await stack.startWorker();
  const waiting = await stack.request('/api/v1/demo/golden-path', {
    method: 'POST',
    key,
    json: { scenario: 'anomaly', include_human_decision: true, decision_timeout_seconds: 600 },
  });
  expect(waiting.status).toBe(202);
  waitingWorkflowId = (await waiting.json()).workflow_id;
  await seedTorqueWeek();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function title(page: Page): Promise<string | null> {
  return page.getByTestId('page-title').textContent();
}

async function expectFitsTheScreen(page: Page, name: string): Promise<void> {
  const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.content, `${name} scrolls sideways`).toBeLessThanOrEqual(widths.viewport);
}

describe('work orders, reports and workflows reached by links (English, 1280×800)', () => {
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    ({ context, page, watch } = await openWatchedPage(browser, { baseUrl: stack.baseUrl, apiKey: key }));
  });
  afterAll(() => context.close());

  it('opens the work order of a Golden Path run from its outcome', async () => {
    await page.goto('/golden-path');
    await expect.poll(() => title(page)).toBe(en.nav['golden-path']);
    await page.getByTestId('golden-path-scenario').click();
    await page.getByRole('option', { name: en.goldenPath.scenario.anomaly, exact: true }).click();
    await page.getByTestId('golden-path-auto-decision').click();
    await page.getByRole('option', { name: en.decisions.value.approved, exact: true }).click();
    await page.getByTestId('golden-path-start').click();
    await page.getByTestId('golden-path-run').waitFor();
    run.correlationId = (await page.getByTestId('golden-path-correlation').textContent())!.trim();
    run.workflowId = `golden-path-${run.correlationId}`;
    await expect
      .poll(() => page.getByTestId('golden-path-status').getAttribute('data-status'), { timeout: 90_000, interval: 200 })
      .toBe('completed');

    const orderLink = page.getByTestId('golden-path-order-link');
    run.orderId = (await orderLink.textContent())!.trim();
    run.reportId = (await page.getByTestId('golden-path-report-link').textContent())!.trim();
    await orderLink.click();
    await page.getByTestId('work-order-detail').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/work-orders/${run.orderId}`);
    expect(await title(page)).toBe(en.workOrders.detailTitle);
    await watch.settled();

    // Approved and booked firmly: the status, its history and the evidence all say so, in words.
    const status = page.getByTestId('work-order-detail').getByTestId('work-order-status').first();
    expect(await status.getAttribute('data-status')).toBe('scheduled');
    expect((await status.textContent())!.trim()).toBe(en.workOrders.status.scheduled);
    const timeline = page.getByTestId('work-order-timeline');
    for (const step of ['proposed', 'awaiting_approval', 'approved', 'scheduled'] as const) {
      expect(await timeline.getByTestId(`work-order-timeline-${step}`).textContent()).toContain(en.workOrders.status[step]);
    }
    expect(await page.getByTestId('work-order-decision').count()).toBe(1);
    expect(await page.getByTestId('work-order-decision').textContent()).toContain(en.decisions.value.approved);
    expect(await page.getByTestId('work-order-prediction').textContent()).toContain('%');
    expect(await page.getByTestId('work-order-bookings').textContent()).toContain(en.workOrders.bookings.status.firm);
    // A scheduled order may start or be cancelled: those are the moves offered, nothing else.
    expect(await page.getByTestId('work-order-actions').locator('[data-testid^="work-order-move-"]').count()).toBe(2);
    await expectHealthyPage(page, watch, 'work order from the Golden Path');
    await saveScreenshot(page, 'en', 'work-order');
  });

  it('opens the prediction and its explanation from the work order', async () => {
    await page.getByTestId('work-order-explanation').click();
    await page.getByTestId('prediction-detail').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/predictions\/[0-9a-f-]{36}$/);
    await watch.settled();
    expect(await title(page)).toBe(en.predictionDetail.title);
    expect(await page.getByTestId('prediction-detail-explanation').isVisible()).toBe(true);
    await expectHealthyPage(page, watch, 'prediction of the order');
    await page.goBack();
    await page.getByTestId('work-order-detail').waitFor();
    await watch.settled();
  });

  it("opens the run's own report from the work order, with labelled figures", async () => {
    await page.getByTestId(`work-order-report-${run.reportId}`).click();
    await page.getByTestId('report-card').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/reports/${run.reportId}`);
    await watch.settled();
    expect(await title(page)).toBe(en.reports.type.workflow_run);
    const labels = await page.getByTestId('report-summary').locator('dt').allTextContents();
    expect(labels).toContain(en.reportSummary.failure_probability);
    expect(
      labels.filter((l) => /_/.test(l)),
      'snake_case labels',
    ).toEqual([]);
    expect(await page.getByTestId('report-summary').innerText()).not.toMatch(/\bnull\b/);
    expect(await page.getByTestId('report-workflow-link').textContent()).toBe(run.workflowId);
    await expectHealthyPage(page, watch, 'report of the run');
    await saveScreenshot(page, 'en', 'report-detail');
  });

  it('opens the same work order from the decision log', async () => {
    await page.goto('/decisions');
    await expect.poll(() => title(page)).toBe(en.nav.decisions);
    await page.getByLabel(en.fields.correlationId, { exact: true }).fill(run.correlationId);
    const rows = page.getByTestId('decisions-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    await watch.settled();
    await page.getByTestId('decision-order-link').click();
    await page.getByTestId('work-order-detail').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/work-orders/${run.orderId}`);
    await watch.settled();
    await expectHealthyPage(page, watch, 'work order from the decision log');
  });

  it("tells the run's workflow in words, with the raw JSON behind a toggle", async () => {
    await page.getByTestId('work-order-workflow').click();
    await page.getByTestId('workflow-story').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/workflows/${run.workflowId}`);
    await watch.settled();
    const stages = page.getByTestId('workflow-stages').locator('[data-stage]');
    expect(await stages.count()).toBe(7);
    expect(await stages.first().textContent()).toContain(`${en.stages.ingestion} · ${en.stageStatus.complete}`);
    expect(await page.getByTestId('workflow-story-status').textContent()).toBe(en.workflowStory.business.completed);
    expect(await page.getByTestId('workflow-events').textContent()).toContain(en.workflowStory.event.report_stored);
    expect(await page.getByTestId('workflow-order-link').textContent()).toBe(run.orderId);
    expect(await page.getByTestId('workflow-report-link').textContent()).toBe(run.reportId);

    const raw = page.getByTestId('workflow-progress-json');
    expect(await raw.isVisible()).toBe(false);
    await page.getByTestId('workflow-raw').locator('button').click();
    await expect.poll(() => raw.isVisible()).toBe(true);
    expect(JSON.parse((await raw.textContent())!)).toMatchObject({ maintenance_order_id: run.orderId });
    await expectHealthyPage(page, watch, 'workflow page');
    await saveScreenshot(page, 'en', 'workflow-detail');
  });

  it('lists the order among the work orders, filtered by status and asset', async () => {
    await page.goto('/work-orders');
    await expect.poll(() => title(page)).toBe(en.workOrders.title);
    await watch.settled();
    await expect.poll(() => page.getByTestId(`work-order-link-${run.orderId}`).isVisible()).toBe(true);
    const [order] = await stack.sql`select sensor_id from maintenance_orders where id = ${run.orderId}`;
    await page.getByTestId('work-orders-filter-asset').locator('input').fill(order!.sensor_id);
    const rows = page.getByTestId('work-orders-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain(en.workOrders.status.scheduled);
    await page.getByTestId('work-orders-filter-status').click();
    await page.getByRole('option', { name: en.workOrders.status.rejected, exact: true }).click();
    await expect.poll(() => page.getByTestId('work-orders-table').textContent(), { timeout: 10_000 }).toContain(en.workOrders.empty);
    await watch.settled();
    await expectHealthyPage(page, watch, 'work orders');
    await saveScreenshot(page, 'en', 'work-orders');
  });

  it('shows a run that waits for a person as waiting, and finds only such runs with "needs action"', async () => {
    await page.goto('/workflows');
    await expect.poll(() => title(page)).toBe(en.nav.workflows);
    // The API-started run reaches the decision gate on its own; the list shows it once it has.
    const waitingRow = page.getByTestId(`workflow-row-${waitingWorkflowId}`);
    await expect
      .poll(
        async () => {
          await page.getByTestId('workflows-refresh').click();
          await watch.settled();
          return waitingRow.getByTestId('workflow-row-status').textContent();
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toContain(en.workflowStory.business.waiting_for_decision);
    expect(await page.getByTestId(`workflow-row-${run.workflowId}`).count()).toBe(1);

    await page.getByTestId('workflows-needs-action').locator('input').check();
    await expect.poll(() => page.getByTestId(`workflow-row-${run.workflowId}`).count(), { timeout: 10_000 }).toBe(0);
    await watch.settled();
    expect(await waitingRow.count()).toBe(1);
    const statuses = await page
      .getByTestId('workflow-row-status')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-needs-action')));
    expect(new Set(statuses)).toEqual(new Set(['true']));
    await expectHealthyPage(page, watch, 'workflows needing action');
    await saveScreenshot(page, 'en', 'workflows-needs-action');
  });

  it('lists past reports on the Reports page and opens the run report from there', async () => {
    await page.goto('/reports');
    await expect.poll(() => title(page)).toBe(en.nav.reports);
    const entry = page.getByTestId(`past-report-${run.reportId}`);
    await entry.waitFor();
    expect(await entry.textContent()).toContain(en.reports.type.workflow_run);
    await entry.click();
    await page.getByTestId('report-card').waitFor();
    expect(await page.getByTestId('report-card').getAttribute('data-report-id')).toBe(run.reportId);
    await watch.settled();
    await expectHealthyPage(page, watch, 'report from the list');
  });
});

describe('the same pages in Brazilian Portuguese on a 390×844 phone', () => {
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    ({ context, page, watch } = await openWatchedPage(browser, {
      baseUrl: stack.baseUrl,
      apiKey: key,
      browserLocale: 'pt-BR',
      viewport: phoneViewport,
    }));
  });
  afterAll(() => context.close());

  it('lists the work orders and opens one, fitting the width', async () => {
    expect(run.orderId, 'the English run came first').not.toBe('');
    await page.goto('/work-orders');
    await expect.poll(() => title(page)).toBe(ptBR.workOrders.title);
    await watch.settled();
    await expectFitsTheScreen(page, 'work orders');
    await expectHealthyPage(page, watch, 'work orders (pt-BR phone)');
    await saveScreenshot(page, 'pt-BR', 'work-orders-phone');

    await page.getByTestId(`work-order-link-${run.orderId}`).click();
    await page.getByTestId('work-order-detail').waitFor();
    await watch.settled();
    expect(await title(page)).toBe(ptBR.workOrders.detailTitle);
    expect(await page.getByTestId('work-order-detail').getByTestId('work-order-status').first().textContent()).toContain(
      ptBR.workOrders.status.scheduled,
    );
    expect(await page.getByTestId('work-order-timeline').textContent()).toContain(ptBR.workOrders.status.approved);
    // Why this technician and window, in Portuguese and on the reader's clock, never the English reasons the API keeps.
    const reasons = await page.getByTestId('work-order-reasons').innerText();
    expect(reasons).toContain(' tem ');
    expect(reasons).toContain('Cabe no turno de');
    expect(reasons).not.toMatch(RAW_INSTANT);
    const detail = (await (await stack.request(`/api/v1/maintenance/orders/${run.orderId}`, { key })).json()) as { reasons: string[] };
    expect(detail.reasons.length).toBeGreaterThan(0);
    for (const english of detail.reasons) expect(reasons).not.toContain(english);
    // The automatic decision's justification too: the system wrote it, so it is read in Portuguese.
    const text = await page.locator('#main').innerText();
    expect(englishIn(text), text).toEqual([]);
    expect(await page.getByTestId('work-order-evidence').innerText()).toContain(ptBR.serverText.messages.justificationAuto);
    await expectFitsTheScreen(page, 'work order');
    await expectHealthyPage(page, watch, 'work order (pt-BR phone)');
    await saveScreenshot(page, 'pt-BR', 'work-order-phone');
  });

  it('opens the run report and the workflow page in Portuguese', async () => {
    await page.goto(`/reports/${run.reportId}`);
    await page.getByTestId('report-card').waitFor();
    await watch.settled();
    expect(await title(page)).toBe(ptBR.reports.type.workflow_run);
    expect(await page.getByTestId('report-summary').locator('dt').allTextContents()).toContain(ptBR.reportSummary.failure_probability);
    await expectFitsTheScreen(page, 'report');
    await expectHealthyPage(page, watch, 'report (pt-BR phone)');
    await saveScreenshot(page, 'pt-BR', 'report-detail-phone');

    await page.getByTestId('report-workflow-link').click();
    await page.getByTestId('workflow-story').waitFor();
    await watch.settled();
    expect(await page.getByTestId('workflow-stages').textContent()).toContain(
      `${ptBR.stages.human_decision} · ${ptBR.stageStatus.complete}`,
    );
    expect(await page.getByTestId('workflow-events').textContent()).toContain(ptBR.workflowStory.event.report_stored);
    await expectFitsTheScreen(page, 'workflow');
    await expectHealthyPage(page, watch, 'workflow (pt-BR phone)');
    await saveScreenshot(page, 'pt-BR', 'workflow-detail-phone');
  });

  it('shows past reports on the Reports page in Portuguese', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/reports');
    await expect.poll(() => title(page)).toBe(ptBR.nav.reports);
    const entry = page.getByTestId(`past-report-${run.reportId}`);
    await entry.waitFor();
    expect(await entry.textContent()).toContain(ptBR.reports.type.workflow_run);
    await watch.settled();
    await expectHealthyPage(page, watch, 'reports (pt-BR desktop)');
    await saveScreenshot(page, 'pt-BR', 'reports-past');
  });

  it('moves the order one step through its lifecycle from its page, with a note', async () => {
    await page.goto(`/work-orders/${run.orderId}`);
    await page.getByTestId('work-order-detail').waitFor();
    await watch.settled();
    const start = page.getByTestId('work-order-move-in_progress');
    expect((await start.textContent())!.trim()).toBe(ptBR.workOrders.action.in_progress);
    await start.click();
    await page.getByTestId('work-order-move-note').locator('textarea').first().fill('Equipe no local');
    await page.getByTestId('work-order-move-confirm').click();
    const status = page.getByTestId('work-order-detail').getByTestId('work-order-status').first();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 10_000 }).toBe('in_progress');
    await watch.settled();
    expect(await page.getByTestId('work-order-timeline-in_progress').textContent()).toContain(ptBR.workOrders.status.in_progress);
    expect(await page.getByTestId('work-order-timeline').textContent()).toContain('Equipe no local');
    // From in progress the order may be completed or cancelled, and nothing else.
    const moves = await page
      .getByTestId('work-order-actions')
      .locator('[data-testid^="work-order-move-"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(moves).toEqual(['work-order-move-completed', 'work-order-move-cancelled']);
    const [row] = await stack.sql`select status from maintenance_orders where id = ${run.orderId}`;
    expect(row).toEqual({ status: 'in_progress' });
    await expectHealthyPage(page, watch, 'work order moved (pt-BR)');
  });
});

describe('the Explorer charts one sensor over the chosen range', () => {
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    ({ context, page, watch } = await openWatchedPage(browser, { baseUrl: stack.baseUrl, apiKey: key }));
  });
  afterAll(() => context.close());

  const marks = () => page.getByTestId('range-chart-mark');
  const tableTotal = async () => (await page.getByTestId('explorer-table').locator('.v-data-table-footer__info').textContent())!.trim();

  it('asks for a sensor, then draws its last day with its unit and anomaly marks, not one table page', async () => {
    await page.goto('/explorer');
    await expect.poll(() => title(page)).toBe(en.nav.explorer);
    await page.getByTestId('explorer-chart-choose').waitFor();
    await watch.settled();
    await page.getByTestId(`explorer-sensor-${torqueSensor}`).click();
    await page.getByTestId('range-chart').waitFor();
    await watch.settled();
    // The day up to the latest reading: 145 readings, far more than the table's page of 10.
    expect(await page.getByTestId('explorer-chart-range').textContent()).toContain('145');
    expect(await page.getByTestId('range-chart-unit').textContent()).toBe('Nm');
    expect(await marks().count()).toBe(2);
    await expectHealthyPage(page, watch, 'explorer chart');
    await saveScreenshot(page, 'en', 'explorer-range');
  });

  it('switches between quick ranges: 1 h, and a downsampled 7 d with every anomaly', async () => {
    await page.getByTestId('explorer-quick-1h').click();
    await expect.poll(() => page.getByTestId('explorer-chart-range').textContent()).toContain('· 7 readings');
    await watch.settled();
    // The range's start shows in the date and time fields beside the chart (English: mm/dd/yyyy).
    expect(await page.getByTestId('explorer-from-day').locator('input').inputValue()).toBe('02/10/2025');
    expect(await page.getByTestId('explorer-from-time').locator('input').inputValue()).toBe('11:00:00');
    expect(await marks().count()).toBe(2);
    expect(await tableTotal()).toContain('of 7');

    await page.getByTestId('explorer-quick-7d').click();
    await expect.poll(() => marks().count()).toBe(3);
    await watch.settled();
    expect(await page.getByTestId('range-chart-band').count()).toBe(1);
    expect(await page.getByTestId('explorer-chart-range').textContent()).toContain('1,009');
    await expectHealthyPage(page, watch, 'explorer 7 d');
  });

  it('zooms into the stretch dragged across the chart, and the table follows', async () => {
    const box = (await page.getByTestId('range-chart').boundingBox())!;
    // The right-hand tenth of the week: the last ~17 h, which holds the two late anomalies only.
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.95, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('explorer-from-day').locator('input').inputValue()).toMatch(/^02\/(09|10)\/2025$/);
    await expect.poll(() => marks().count()).toBe(2);
    await watch.settled();
    expect(await page.getByTestId('range-chart-band').count()).toBe(0);
    expect(await tableTotal()).not.toContain('1009');
    await expectHealthyPage(page, watch, 'explorer zoomed');
  });

  it('hides a sensor from the list and shows it again on request, its data untouched', async () => {
    const hidden = 'e2e-explorer-retired';
    const seeded = await stack.request('/api/v1/data/ingest', { method: 'POST', key, json: { sensor_id: hidden, value: 1 } });
    expect(seeded.status).toBe(200);
    await page.getByTestId('explorer-refresh').click();
    await watch.settled();
    await page.getByTestId(`explorer-archive-${hidden}`).click();
    await expect.poll(() => page.getByTestId(`explorer-sensor-${hidden}`).count()).toBe(0);
    await page.getByTestId('explorer-show-hidden').locator('input').check();
    await expect
      .poll(() => page.getByTestId(`explorer-sensor-${hidden}`).textContent())
      .toContain(en.sensorArchive.hiddenSince.split(' {')[0]);
    await watch.settled();
    const [row] = await stack.sql`select archived_at is not null as archived, reading_count from sensors where id = ${hidden}`;
    expect(row).toEqual({ archived: true, reading_count: 1n });
    await page.getByTestId(`explorer-archive-${hidden}`).click();
    await expect
      .poll(() => page.getByTestId(`explorer-sensor-${hidden}`).textContent())
      .not.toContain(en.sensorArchive.hiddenSince.split(' {')[0]);
    await watch.settled();
    await expectHealthyPage(page, watch, 'explorer archive');
  });
});

describe('the Explorer chart in Brazilian Portuguese on a phone', () => {
  it('draws the quick range in Portuguese and fits the width', async () => {
    const context = await newDashboardContext(browser, {
      baseUrl: stack.baseUrl,
      apiKey: key,
      browserLocale: 'pt-BR',
      viewport: phoneViewport,
    });
    try {
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto('/explorer');
      await expect.poll(() => title(page)).toBe(ptBR.nav.explorer);
      await watch.settled();
      await page.getByTestId(`explorer-sensor-${torqueSensor}`).click();
      await page.getByTestId('explorer-quick-7d').click();
      await expect.poll(() => page.getByTestId('range-chart-mark').count()).toBe(3);
      await watch.settled();
      expect(await page.getByTestId('explorer-chart-range').textContent()).toContain('1.009 leituras');
      await expectFitsTheScreen(page, 'explorer chart');
      await expectHealthyPage(page, watch, 'explorer chart (pt-BR phone)');
      await saveScreenshot(page, 'pt-BR', 'explorer-range-phone');
    } finally {
      await context.close();
    }
  });
});
