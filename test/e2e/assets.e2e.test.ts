import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import ptBR from '../../locales/pt-BR.json';
import { buildWebIfStale } from '../../scripts/build-web';
import { launchChromium, newDashboardContext, saveScreenshot, watchPage } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';
import { expectHealthyPage } from './dashboard';
import { englishIn, RAW_INSTANT } from './serverEnglish';

let stack: TestStack;
let browser: Browser;
let adminKey: string;
let stopWorker: () => Promise<void>;

/** One engine replayed to the end of its life: an asset with health history, one episode and one order. */
beforeAll(async () => {
  await buildWebIfStale();
  stack = await startTestStack();
  adminKey = await stack.key(['admin']);
  stopWorker = (await stack.startWorker()).stop;
  const call = (path: string, json: unknown) => stack.request(`/api/v1${path}`, { method: 'POST', key: adminKey, json });
  expect((await call('/sites', { id: 'hangar-e2e', name: 'Hangar E2E', time_zone: 'Asia/Tokyo' })).status).toBe(201);
  expect((await call('/sites', { id: 'plant-e2e', name: 'Plant E2E' })).status).toBe(201);
  expect(
    (await call('/assets', { id: 'e2e-engine', name: 'Engine 7', type_id: 'turbofan', site: 'hangar-e2e', criticality: 4 })).status,
  ).toBe(201);
  expect(
    (await call('/assets', { id: 'e2e-mill', name: 'Mill 3', type_id: 'milling_machine', site: 'plant-e2e', criticality: 2 })).status,
  ).toBe(201);
  const run = await call('/simulate/asset-run', { asset_id: 'e2e-engine', unit: 1, cycles_per_batch: 48, batch_interval_seconds: 0 });
  expect(run.status).toBe(202);
  await stack.temporal.client.workflow.getHandle((await run.json()).workflow_id).result();
  for (let i = 0; i < 300; i++) {
    const [row] = await stack.sql<{ n: number }[]>`select count(*)::int as n from maintenance_orders where equipment = 'e2e-engine'`;
    if (row!.n > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  // A person's decision on the engine's order, written directly (the order itself keeps waiting): the detail page lists it.
  await stack.sql`
    insert into human_decisions (request_id, decision, operator_id, justification, order_id, source)
    select 'e2e-engine-decision', 'escalated', 'eva', 'bearing noise', id, 'api' from maintenance_orders where equipment = 'e2e-engine' limit 1`;
  // An alarm still open on one of the engine's sensors: the list counts it, and the evaluation it
  // wakes lists it among the reasons.
  await stack.sql`
    insert into alarms (id, sensor_id, source, kind, severity, state, start_ts, last_anomalous_ts, peak_score, dedup_key)
    values (gen_random_uuid(), 'e2e-engine.s2', 'streaming', 'level', 'high', 'open', now(), now(), 6, 'e2e-engine-alarm')`;
  await stack.temporal.client.workflow.getHandle('asset-evaluator-e2e-engine').signal('readingsArrived');
  for (let i = 0; i < 300; i++) {
    const [row] = await stack.sql<{ n: number }[]>`
      select count(*)::int as n from asset_health where asset_id = 'e2e-engine' and reasons @> '[{"code": "alarms"}]'`;
    const [mill] = await stack.sql<{ n: number }[]>`select count(*)::int as n from asset_health where asset_id = 'e2e-mill'`;
    if (row!.n > 0 && mill!.n > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await launchChromium();
});
afterAll(async () => {
  for (const id of ['asset-evaluator-e2e-engine', 'asset-evaluator-e2e-mill']) {
    await stack?.temporal.client.workflow
      .getHandle(id)
      .signal('stop')
      .catch(() => {});
  }
  await browser?.close();
  await stopWorker?.();
  await stack?.close();
});

for (const [lang, messages, browserLocale] of [
  ['en', en, 'en-US'],
  ['pt-BR', ptBR, 'pt-BR'],
] as const) {
  describe(`assets pages (${lang})`, () => {
    it('lists assets with health and RUL, filters by site, and opens an asset with its sensors, RUL chart, episode and order', async () => {
      const context = await newDashboardContext(browser, { baseUrl: stack.baseUrl, apiKey: adminKey, browserLocale });
      const page = await context.newPage();
      const watch = watchPage(page);
      try {
        await page.goto('/assets');
        await expect.poll(() => page.getByTestId('page-title').textContent(), { timeout: 10_000 }).toBe(messages.nav.assets);
        await watch.settled();
        const engineRow = page.getByTestId('asset-row-e2e-engine');
        await engineRow.waitFor();
        // The engine ended its life: a low health number and an RUL with its interval.
        const rowText = await engineRow.innerText();
        expect(rowText).toMatch(/Engine 7/);
        expect(rowText).toMatch(/\d+ \(\d+–\d+\)/);
        // Its open alarm with the severity, and the order waiting for a decision as its next maintenance.
        expect(await page.getByTestId('asset-alarms-e2e-engine').innerText()).toContain(messages.alarms.severity.high);
        expect(await page.getByTestId('asset-next-maintenance-e2e-engine').innerText()).toContain(
          messages.workOrders.status.awaiting_approval,
        );
        // The mill's evaluator started with it: evaluated, and told to wait for sensors.
        const millRow = await page.getByTestId('asset-row-e2e-mill').innerText();
        expect(millRow).toContain(messages.assets.status.insufficient_data);
        expect(millRow).toContain(messages.assets.noOpenAlarms);
        // Most critical first by default; by open alarms, the quiet mill first, then the engine first.
        const firstRow = () => page.getByTestId('assets-table').locator('tbody tr').first().getAttribute('data-testid');
        expect(await firstRow()).toBe('asset-row-e2e-engine');
        const alarmsHeader = page.getByRole('columnheader', { name: messages.assets.column.openAlarms });
        await alarmsHeader.click();
        await expect.poll(firstRow).toBe('asset-row-e2e-mill');
        await alarmsHeader.click();
        await expect.poll(firstRow).toBe('asset-row-e2e-engine');
        await expectHealthyPage(page, watch, `assets (${lang})`);

        await page.getByTestId('assets-filter-site').locator('input').fill('hangar-e2e');
        await page.getByTestId('assets-filter-site').locator('input').press('Enter');
        await expect.poll(() => page.getByTestId('asset-row-e2e-mill').count(), { timeout: 10_000 }).toBe(0);
        expect(await engineRow.count()).toBe(1);
        await saveScreenshot(page, lang, 'assets');

        await engineRow.getByRole('link', { name: 'Engine 7' }).click();
        await page.waitForURL((url) => url.pathname === '/assets/e2e-engine');
        // Five requests, the correlation matrices among them: allow a loaded machine its time.
        await expect.poll(() => page.getByTestId('page-title').textContent(), { timeout: 15_000 }).toBe('Engine 7');
        await watch.settled();
        expect(await page.getByTestId('asset-sensors').locator('tbody tr').count()).toBe(14);
        // The live chart of the first role's sensor; picking another role shows that one's.
        await expect.poll(() => page.getByTestId('asset-role-chart').locator('svg path').count()).toBe(1);
        await page.getByTestId('asset-sensor-s11').getByRole('button').click();
        await expect.poll(() => page.getByTestId('asset-role-chart').innerText()).toContain('e2e-engine.s11');
        await expect.poll(() => page.getByTestId('asset-role-chart').locator('svg path').count()).toBe(1);
        expect(await page.getByTestId('asset-rul-chart').locator('svg path').count()).toBe(3);
        const reasons = await page.getByTestId('asset-reasons').innerText();
        expect(reasons).toContain(messages.assets.reason.rul);
        expect(reasons).toContain(messages.assets.reason.alarms);
        // Every reason in the reader's language: no server English, no raw instant.
        if (lang === 'pt-BR') expect(englishIn(reasons)).toEqual([]);
        expect(reasons).not.toMatch(RAW_INSTANT);
        expect(await page.getByTestId('asset-episodes').innerText()).toContain(messages.assets.maintenanceRun);
        expect(await page.getByTestId('asset-orders').locator('tbody tr').count()).toBe(1);
        // The 14 × 14 correlation heatmap, with its header row.
        expect(await page.getByTestId('asset-correlations').locator('tbody tr').count()).toBe(14);
        await page.getByTestId('asset-correlations-spearman').click();
        expect(await page.getByTestId('asset-correlations').innerText()).toContain(messages.assets.correlations.title);
        expect(await page.getByTestId('asset-orders').innerText()).toContain(messages.workOrders.status.awaiting_approval);
        // Its model's predictions (the evaluations that ran it) and the decision on its order, with its lineage.
        expect(await page.getByTestId('asset-prediction-row').count()).toBeGreaterThan(0);
        expect(await page.getByTestId('asset-predictions').innerText()).toContain('cmapss_rul_regressor');
        const decisionsCard = page.getByTestId('asset-decisions');
        expect(await decisionsCard.locator('tbody tr').count()).toBe(1);
        const decisionText = await decisionsCard.innerText();
        expect(decisionText).toContain(messages.decisions.value.escalated);
        expect(decisionText).toContain('eva');
        expect(decisionText).not.toMatch(RAW_INSTANT);
        expect(await decisionsCard.getByTestId('asset-decision-lineage').getAttribute('href')).toMatch(/^\/lineage\/decision\//);
        expect(await decisionsCard.getByTestId('asset-decision-order').getAttribute('href')).toMatch(/^\/work-orders\//);
        // Beside the in-app evaluator page, a direct link to the evaluator in Temporal Web.
        await expect
          .poll(() => page.getByTestId('asset-evaluator-temporal-link').getAttribute('href'))
          .toContain('asset-evaluator-e2e-engine');
        await expectHealthyPage(page, watch, `asset detail (${lang})`);
        await saveScreenshot(page, lang, 'asset-detail');
      } finally {
        await context.close();
      }
    });
  });
}

describe('the site time zone', () => {
  it('shows the asset page’s and its order page’s times on the site’s clock with the "site" setting, and the browser’s elsewhere', async () => {
    // hangar-e2e is on Tokyo time, the browser on UTC: the same instant reads nine hours apart.
    const asset = (await (await stack.request('/api/v1/assets/e2e-engine', { key: adminKey })).json()) as {
      sensors: { role: string; attached_at: string }[];
    };
    const attachedAt = asset.sensors.find((s) => s.role === 's2')!.attached_at;
    const context = await newDashboardContext(browser, { baseUrl: stack.baseUrl, apiKey: adminKey, browserLocale: 'en-US' });
    const page = await context.newPage();
    const watch = watchPage(page);
    // The dashboard's 'short' format, in the page's own Intl, on a given clock.
    const onClock = (iso: string, timeZone: string) =>
      page.evaluate(
        ([at, zone]) =>
          new Intl.DateTimeFormat('en', {
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            timeZone: zone,
          }).format(new Date(at)),
        [iso, timeZone] as const,
      );
    try {
      await page.goto('/assets/e2e-engine');
      await expect.poll(() => page.getByTestId('page-title').textContent(), { timeout: 15_000 }).toBe('Engine 7');
      await watch.settled();
      const since = page.getByTestId('asset-sensor-s2');
      const tokyo = await onClock(attachedAt, 'Asia/Tokyo');
      const utc = await onClock(attachedAt, 'UTC');
      expect(tokyo).not.toBe(utc);
      // By default the browser's clock, and the page says how to read the site's.
      expect(await since.innerText()).toContain(utc);
      expect(await page.getByTestId('site-clock').innerText()).toContain('Hangar E2E (Asia/Tokyo)');
      expect(await page.getByTestId('site-clock-mode').innerText()).toBe(en.sites.offSiteClock);

      await page.getByTestId('time-zone-selector').click();
      await page.getByTestId('time-zone-select').locator('input:not([type="hidden"])').fill(en.timeZone.site.slice(0, 12));
      await page.getByRole('option', { name: en.timeZone.site, exact: true }).click();
      await expect.poll(() => since.innerText()).toContain(tokyo);
      expect(await page.getByTestId('time-zone-current').innerText()).toBe('Tokyo');
      expect(await page.getByTestId('site-clock-mode').innerText()).toBe(en.sites.onSiteClock);

      // The engine's order is planned at the same site: its page reads on Tokyo time too.
      const [order] = await stack.sql<{ id: string; created_at: Date }[]>`
        select id, created_at from maintenance_orders where equipment = 'e2e-engine' limit 1`;
      await page.goto(`/work-orders/${order!.id}`);
      await page.getByTestId('work-order-detail').waitFor();
      await watch.settled();
      expect(await page.getByTestId('work-order-detail').innerText()).toContain(
        await onClock(order!.created_at.toISOString(), 'Asia/Tokyo'),
      );
      expect(await page.getByTestId('time-zone-current').innerText()).toBe('Tokyo');

      // A page about no site: the browser's clock again, though the setting stays "site".
      await page.getByRole('link', { name: en.nav.assets }).first().click();
      await expect.poll(() => page.getByTestId('time-zone-current').innerText()).toBe('UTC');
      watch.assertNoProblems('site time zone');
    } finally {
      await context.close();
    }
  });
});

describe('sites on the Assets page', () => {
  it('adds a site with its zone, moves an asset to it from the asset’s page, and shows why a site in use cannot be deleted', async () => {
    const context = await newDashboardContext(browser, { baseUrl: stack.baseUrl, apiKey: adminKey, browserLocale: 'en-US' });
    const page = await context.newPage();
    const watch = watchPage(page);
    const site = async () =>
      (await (await stack.request('/api/v1/sites/lisbon-e2e', { key: adminKey })).json()) as { name: string; time_zone: string };
    try {
      await page.goto('/assets');
      const panel = page.getByTestId('sites-panel');
      await panel.waitFor();
      await watch.settled();
      await panel.getByTestId('site-add-id').locator('input').fill('lisbon-e2e');
      await panel.getByTestId('site-add-name').locator('input').fill('Lisbon E2E');
      await panel.getByTestId('site-add-zone').locator('input:not([type="hidden"])').fill('Europe/Lisbon');
      await page.getByRole('option', { name: 'Europe/Lisbon', exact: true }).click();
      await panel.getByTestId('site-add').click();
      await panel.getByTestId('site-row-lisbon-e2e').waitFor();
      expect(await site()).toMatchObject({ name: 'Lisbon E2E', time_zone: 'Europe/Lisbon' });

      await page.goto('/assets/e2e-mill');
      await expect.poll(() => page.getByTestId('page-title').textContent(), { timeout: 15_000 }).toBe('Mill 3');
      await watch.settled();
      await page.getByTestId('asset-site-select').click();
      await page.getByRole('option', { name: 'Lisbon E2E (lisbon-e2e)' }).click();
      await expect.poll(() => page.getByTestId('site-clock').innerText()).toContain('Lisbon E2E (Europe/Lisbon)');
      const mill = (await (await stack.request('/api/v1/assets/e2e-mill', { key: adminKey })).json()) as { site: string };
      expect(mill.site).toBe('lisbon-e2e');

      await page.goto('/assets');
      await panel.getByTestId('site-delete-lisbon-e2e').click();
      await expect.poll(() => panel.getByTestId('error-alert').innerText()).toContain('lisbon-e2e');
      expect(await panel.getByTestId('site-row-lisbon-e2e').count()).toBe(1);
      expect((await stack.request('/api/v1/sites/lisbon-e2e', { key: adminKey })).status).toBe(200);
    } finally {
      await context.close();
    }
  });
});
