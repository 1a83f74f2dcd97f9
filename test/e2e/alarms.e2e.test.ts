import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import ptBR from '../../locales/pt-BR.json';
import { generateScenario, seedFrom } from '../../domain/scenarios';
import { buildWebIfStale } from '../../scripts/build-web';
import { launchChromium, newDashboardContext, watchPage } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';
import { expectHealthyPage } from './dashboard';

let stack: TestStack;
let browser: Browser;
let key: string;

beforeAll(async () => {
  await buildWebIfStale();
  stack = await startTestStack();
  key = await stack.key(['data:ingest', 'data:read', 'decisions:write', 'workflows:write', 'workflows:read']);
  await stack.startWorker();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** A sensor the streaming detector has learned: 320 healthy readings, one a minute, up to now. */
async function learnedSensor(sensorId: string): Promise<void> {
  const end = Date.now();
  const readings = generateScenario('normal', { count: 320, seed: seedFrom(sensorId) }).map((r, i) => ({
    sensor_id: sensorId,
    sensor_type: 'torque',
    value: r.value,
    unit: 'Nm',
    quality: 0.99,
    timestamp: new Date(end - (320 - i) * 60_000).toISOString(),
  }));
  const res = await stack.request('/api/v1/data/ingest/batch', { method: 'POST', key, json: { readings } });
  expect(res.status).toBe(200);
}

describe.each([
  ['en-US', en],
  ['pt-BR', ptBR],
] as const)('the Alarms page in %s', (browserLocale, messages) => {
  it('shows an alarm raised by an anomalous reading ingested over the API; it is acknowledged and resolved by clicking', async () => {
    const sensorId = `e2e-alarm-${randomUUID().slice(0, 8)}`;
    await learnedSensor(sensorId);
    // On a machine of a named site, so the report's per-site table has a row for it.
    const site = `site-${randomUUID().slice(0, 6)}`;
    const admin = await stack.key(['admin']);
    const asset = `mill-${randomUUID().slice(0, 8)}`;
    const siteJson = { id: site, name: site };
    expect((await stack.request('/api/v1/sites', { method: 'POST', key: admin, json: siteJson })).status).toBe(201);
    const json = { id: asset, name: 'Mill', type_id: 'milling_machine', site, criticality: 3 };
    expect((await stack.request('/api/v1/assets', { method: 'POST', key: admin, json })).status).toBe(201);
    const attach = { sensor_id: sensorId, role: 'torque', from: new Date(Date.now() - 3 * 86_400_000).toISOString() };
    expect((await stack.request(`/api/v1/assets/${asset}/sensors`, { method: 'POST', key: admin, json: attach })).status).toBe(201);
    const context = await newDashboardContext(browser, { baseUrl: stack.baseUrl, apiKey: key, browserLocale });
    const page = await context.newPage();
    const watch = watchPage(page);
    try {
      await page.goto('/alarms');
      await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(messages.nav.alarms);
      await page.getByTestId('alarms-filter-sensor').locator('input').fill(sensorId);
      await expect.poll(() => page.getByTestId('alarms-live').textContent(), { timeout: 10_000 }).toContain(messages.alarms.live);

      const ingested = await stack.request('/api/v1/data/ingest', {
        method: 'POST',
        key,
        json: { sensor_id: sensorId, sensor_type: 'torque', value: 97.5, unit: 'Nm', quality: 0.99, timestamp: new Date().toISOString() },
      });
      expect(ingested.status).toBe(200);

      // The live list shows it without a reload, and the navigation counts it.
      const link = page.getByTestId(`alarm-open-${sensorId}`);
      await link.waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('nav-alarms-badge').isVisible(), { timeout: 15_000 }).toBe(true);
      await link.click();
      const detail = page.getByTestId('alarm-detail');
      await expect.poll(() => detail.getByTestId('alarm-state').textContent(), { timeout: 10_000 }).toBe(messages.alarms.state.open);
      expect(await detail.getByTestId('chart-band').count()).toBe(1);

      await detail.getByTestId('alarm-acknowledge').click();
      await detail.getByTestId('alarm-action-text').locator('textarea').first().fill('checking the spindle');
      await detail.getByTestId('alarm-action-confirm').click();
      await expect
        .poll(() => detail.getByTestId('alarm-state').textContent(), { timeout: 15_000 })
        .toBe(messages.alarms.state.acknowledged);

      await detail.getByTestId('alarm-resolve').click();
      await detail.getByTestId('alarm-action-text').locator('textarea').first().fill('worn tool replaced');
      await detail.getByTestId('alarm-action-confirm').click();
      await expect.poll(() => detail.getByTestId('alarm-state').textContent(), { timeout: 15_000 }).toBe(messages.alarms.state.resolved);
      expect(await detail.getByTestId('alarm-cause').textContent()).toContain('worn tool replaced');
      const timeline = await detail.getByTestId('alarm-timeline').textContent();
      expect(timeline).toContain(messages.alarms.event.acknowledged);

      // The report counts it under its machine's site.
      await expect.poll(() => page.getByTestId(`alarms-site-${site}`).textContent(), { timeout: 15_000 }).toContain(site);
      expect(await page.getByTestId('alarms-by-site').textContent()).toContain(messages.alarms.kpi.bySite);

      const [row] = await stack.sql`select state, acknowledged_by, resolution_cause from alarms where sensor_id = ${sensorId}`;
      expect(row).toMatchObject({ state: 'resolved', resolution_cause: 'worn tool replaced' });
      await watch.settled();
      await expectHealthyPage(page, watch, `alarms (${browserLocale})`);

      // Its lineage, opened from the detail: readings, detector, the alarm and its timeline.
      await detail.getByTestId('alarm-lineage').click();
      await expect.poll(() => page.getByTestId('page-title').textContent(), { timeout: 10_000 }).toBe(messages.lineage.title);
      const graph = page.getByTestId('lineage-graph');
      for (const kind of ['readings', 'detector', 'alarm', 'alarm_event'] as const) {
        await expect.poll(() => graph.getByTestId(`lineage-node-${kind}`).count(), { message: kind }).toBeGreaterThan(0);
        expect(await graph.getByTestId(`lineage-node-${kind}`).first().textContent()).toContain(messages.lineage.kind[kind]);
      }
    } finally {
      await context.close();
    }
  });
});
