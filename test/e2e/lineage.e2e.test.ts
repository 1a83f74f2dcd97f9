import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import ptBR from '../../locales/pt-BR.json';
import { seedDefaultTechnicians } from '../../db/technicians';
import { buildWebIfStale } from '../../scripts/build-web';
import { launchChromium, newDashboardContext, saveScreenshot, watchPage, type PageWatch } from '../support/browser';
import { registryWithConstantRulCandidate } from '../support/constantRulModel';
import { startTestStack, type TestStack } from '../support/stack';
import { expectHealthyPage, openFromNav } from './dashboard';

let stack: TestStack;
let browser: Browser;
let key: string;
let workflowId: string;
let decisionId: string;
let orderId: string;
let engineerKey: string;
let registryDir: string;

const RUL = 'cmapss_rul_regressor';
const CANDIDATE = '1.0.1-constant';

beforeAll(async () => {
  await buildWebIfStale();
  // A second RUL version for the Model Metadata page to shadow-test and promote; set before the
  // stack builds the process's registry.
  registryDir = registryWithConstantRulCandidate(CANDIDATE, 100).dir;
  process.env.MODELS_DIR = registryDir;
  stack = await startTestStack();
  engineerKey = await stack.key(['admin']);
  await seedDefaultTechnicians(stack.sql);
  key = await stack.key(['workflows:write', 'workflows:read', 'decisions:write', 'maintenance:read', 'ml:predict']);
  await stack.startWorker();
  // A run that ends with an approved order: every link of the chain exists.
  const started = await (
    await stack.request('/api/v1/demo/golden-path', {
      method: 'POST',
      key,
      json: { sensor_events: 30, scenario: 'drift', auto_decision: 'approved' },
    })
  ).json();
  workflowId = started.workflow_id;
  const deadline = Date.now() + 60_000;
  for (;;) {
    // A poll may meet a connection the server is closing; the next one retries.
    const doc = await stack
      .request(`/api/v1/demo/golden-path/status/${started.correlation_id}`, { key })
      .then((r) => r.json())
      .catch(() => ({ status: 'unknown' }));
    if (doc.status === 'completed') break;
    if (doc.status === 'failed' || Date.now() > deadline) throw new Error(`golden path ended ${doc.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const [d] = await stack.sql`select id, order_id from human_decisions where workflow_id = ${workflowId}`;
  decisionId = d!.id;
  orderId = d!.order_id;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  if (registryDir) rmSync(registryDir, { recursive: true, force: true });
});

describe.each([
  { lang: 'en', locale: 'en-US', text: en },
  { lang: 'pt-BR', locale: 'pt-BR', text: ptBR },
])('Lineage view ($lang)', ({ lang, locale, text }) => {
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    context = await newDashboardContext(browser, { baseUrl: stack.baseUrl, apiKey: key, browserLocale: locale });
    page = await context.newPage();
    watch = watchPage(page);
  });
  afterAll(() => context.close());

  it('opens from the decision log and draws the chain from readings to report, each node opening its record', async () => {
    await page.goto('/golden-path');
    await openFromNav(page, watch, 'decisions', text.nav.decisions);
    const row = page
      .getByTestId('decisions-table')
      .locator('tbody tr')
      .filter({ hasText: `dr-${workflowId}` });
    await row.getByTestId('decision-lineage-link').click();
    await page.waitForURL((url) => url.pathname === `/lineage/decision/${decisionId}`);
    await expect.poll(() => page.getByTestId('page-title').textContent(), { timeout: 10_000 }).toBe(text.lineage.title);
    await watch.settled();

    const graph = page.getByTestId('lineage-graph');
    for (const kind of [
      'workflow',
      'readings',
      'features',
      'model',
      'prediction',
      'drift_check',
      'order',
      'decision',
      'booking',
      'report',
    ] as const) {
      await expect.poll(() => graph.getByTestId(`lineage-node-${kind}`).count(), { message: kind }).toBeGreaterThan(0);
      expect(await graph.getByTestId(`lineage-node-${kind}`).first().textContent()).toContain(text.lineage.kind[kind]);
    }
    // Edges are drawn between the nodes (vue-flow renders one path per edge).
    expect(await graph.locator('.vue-flow__edge').count()).toBeGreaterThanOrEqual(9);
    const temporal = graph.getByTestId('lineage-temporal-link');
    expect(await temporal.getAttribute('href')).toContain(`/workflows/${encodeURIComponent(workflowId)}`);
    expect(await temporal.textContent()).toContain(text.lineage.openInTemporal);

    // The subject (the decision) is open first; a click on the order opens the order's record.
    const record = page.getByTestId('lineage-record');
    expect(await record.textContent()).toContain(decisionId);
    expect(await record.getByTestId('lineage-history-event').textContent()).toContain('recordDecision');
    await graph.getByTestId('lineage-node-order').click();
    await expect.poll(() => record.textContent()).toContain(orderId);
    expect(await record.textContent()).toContain(text.lineage.kind.order);
    expect(await record.getByTestId('lineage-history-event').textContent()).toContain('proposeMaintenanceOrder');

    await expectHealthyPage(page, watch, 'lineage');
    await saveScreenshot(page, lang, 'lineage');
  });

  it('opens the chain of the order from its work order page, and of the prediction from its page', async () => {
    const [{ prediction_id: predictionId }] = await stack.sql<{ prediction_id: string }[]>`
      select prediction_id::text from maintenance_orders where id = ${orderId}`;
    for (const [path, link, kind, id] of [
      [`/work-orders/${orderId}`, 'work-order-lineage', 'order', orderId],
      [`/predictions/${predictionId}`, 'prediction-lineage', 'prediction', predictionId],
    ] as const) {
      await page.goto(path);
      await page.getByTestId(link).click();
      await page.waitForURL((url) => url.pathname === `/lineage/${kind}/${id}`);
      // The subject's own record is open first, and the chain reaches the decision either way.
      await expect.poll(() => page.getByTestId('lineage-record').textContent(), { timeout: 10_000 }).toContain(id);
      await expect.poll(() => page.getByTestId('lineage-graph').getByTestId('lineage-node-decision').count()).toBeGreaterThan(0);
      await watch.settled();
      await expectHealthyPage(page, watch, `lineage of the ${kind}`);
    }
  });
});

/** `{name}` placeholders of a locale string filled in, as vue-i18n renders them. */
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k]!);

describe.each([
  { lang: 'en', locale: 'en-US', text: en },
  { lang: 'pt-BR', locale: 'pt-BR', text: ptBR },
])('Model Metadata: shadow report, then a rejected and an approved promotion of the RUL regressor ($lang)', ({ lang, locale, text }) => {
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    context = await newDashboardContext(browser, { baseUrl: stack.baseUrl, apiKey: engineerKey, browserLocale: locale });
    page = await context.newPage();
    watch = watchPage(page);
  });
  afterAll(() => context.close());

  const governance = () => page.getByTestId(`model-governance-${RUL}`);
  const historyRows = () => governance().getByTestId('governance-history').locator('tbody tr').allInnerTexts();
  async function openRulPanel(): Promise<void> {
    await openFromNav(page, watch, 'models', text.nav.models);
    await page.getByTestId('models-list').getByText(RUL, { exact: true }).click();
    await governance().waitFor();
    await watch.settled();
  }
  const reportsOf = async () =>
    (await stack.request(`/api/v1/ml/models/${RUL}/versions/${CANDIDATE}/shadow-reports`, { key: engineerKey })).json() as Promise<
      unknown[]
    >;

  it('runs a fresh shadow report, rejects one promotion, approves another and sees the history grow', async () => {
    await page.goto('/');
    await openRulPanel();
    const before = (await reportsOf()).length;
    await governance().getByTestId(`governance-shadow-${CANDIDATE}`).click();
    await expect.poll(async () => (await reportsOf()).length, { timeout: 30_000 }).toBe(before + 1);
    // The report lands after the click's refresh: open the page again to see it listed.
    await page.reload();
    await page.getByTestId('models-list').getByText(RUL, { exact: true }).click();
    await expect.poll(() => governance().getByTestId(`governance-reports-${CANDIDATE}`).locator('tbody tr').count()).toBe(before + 1);
    const history = await historyRows().catch(() => []);

    const justification = governance().getByTestId('governance-justification').locator('input');
    await justification.fill(`shadow report reviewed (${lang})`);
    await governance().getByTestId(`governance-promote-${CANDIDATE}`).click();
    await governance().getByTestId('governance-pending').waitFor();
    await governance().getByTestId('governance-reject').click();
    await governance().getByTestId('governance-pending').waitFor({ state: 'hidden' });
    await expect.poll(() => governance().textContent()).toContain(text.modelGovernance.rejected);
    expect(await historyRows().catch(() => [])).toEqual(history);

    await governance().getByTestId(`governance-promote-${CANDIDATE}`).click();
    await governance().getByTestId('governance-pending').waitFor();
    await governance().getByTestId('governance-approve').click();
    await governance().getByTestId('governance-pending').waitFor({ state: 'hidden' });
    await expect.poll(() => historyRows().then((rows) => rows.length)).toBe(history.length + 1);
    const [newest] = await historyRows();
    expect(newest).toContain(fill(text.modelGovernance.action.promote, { version: CANDIDATE, replaced: '1.0.0' }));
    expect(newest).toContain(`shadow report reviewed (${lang})`);
    expect(await governance().textContent()).toContain(fill(text.modelGovernance.production, { version: CANDIDATE }));
    const overview = await (await stack.request(`/api/v1/ml/models/${RUL}/promotions`, { key: engineerKey })).json();
    expect(overview.requests.slice(0, 2).map((r: { status: string }) => r.status)).toEqual(['approved', 'rejected']);

    // Back to 1.0.0 in one click, so the next language (and the rest of the file) starts from production.
    await governance().getByTestId('governance-rollback').click();
    await expect
      .poll(() => historyRows().then((rows) => rows[0] ?? ''))
      .toContain(fill(text.modelGovernance.action.rollback, { version: '1.0.0', replaced: CANDIDATE }));
    await expectHealthyPage(page, watch, 'models governance');
    await saveScreenshot(page, lang, 'models-governance');
  });
});
