import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import { buildWebIfStale } from '../../scripts/build-web';
import { launchChromium, newDashboardContext, watchPage, type PageWatch } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';
import { expectHealthyPage, openFromNav } from './dashboard';

let stack: TestStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: PageWatch;
let key: string;

const run = randomUUID().slice(0, 8);
const sensorId = `e2e-vib-${run}`;
const otherSensorId = `e2e-other-${run}`;

beforeAll(async () => {
  await buildWebIfStale();
  stack = await startTestStack();
  key = await stack.key(['data:ingest', 'data:read']);
  // Another sensor's readings, so the Explorer filter has something to leave out.
  const other = await stack.request('/api/v1/data/ingest', {
    method: 'POST',
    key,
    json: { sensor_id: otherSensorId, value: 7, sensor_type: 'pressure' },
  });
  expect(other.status).toBe(200);
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

describe('Manual Sensor Ingestion to Data Explorer', () => {
  it('stores a reading entered in the form and shows it read back', async () => {
    await page.goto('/ingestion');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(en.nav.ingestion);

    await page.getByTestId('ingestion-sensor-id').locator('input').fill(sensorId);
    await page.getByTestId('ingestion-sensor-type').click();
    await page.getByRole('option', { name: en.sensorTypes.vibration, exact: true }).click();
    // Picking a type fills in its unit while the user has not typed one.
    await expect.poll(() => page.getByTestId('ingestion-unit').locator('input').inputValue()).toBe('mm/s');
    await page.getByTestId('ingestion-value').locator('input').fill('4.75');
    await page.getByTestId('ingestion-submit').click();

    const result = page.getByTestId('ingestion-result');
    await result.waitFor();
    const readingId = (await page.getByTestId('ingestion-reading-id').textContent())?.trim();
    expect(readingId).toMatch(/\S+/);
    const readBack = await page.getByTestId('ingestion-readback').locator('tbody tr').allTextContents();
    expect(readBack).toHaveLength(1);
    expect(readBack[0]).toContain('4.75');
    expect(readBack[0]).toContain('mm/s');
    await watch.settled();
    await expectHealthyPage(page, watch, 'ingestion');

    const [row] = await stack.sql`select value, unit, sensor_type from sensor_readings where sensor_id = ${sensorId}`;
    expect(row).toEqual({ value: 4.75, unit: 'mm/s', sensor_type: 'vibration' });
  });

  it('finds that reading in the Data Explorer when filtered by its sensor', async () => {
    await openFromNav(page, watch, 'explorer', en.nav.explorer);
    const filter = page.getByTestId('explorer-sensor-filter');
    await filter.locator('input').fill(sensorId);
    await page.getByRole('option', { name: sensorId, exact: true }).click();

    const rows = page.getByTestId('explorer-table').locator('tbody tr');
    // Before the filter applies the table lists every sensor, the other one included.
    await expect.poll(() => rows.allTextContents(), { timeout: 10_000 }).toEqual([expect.stringContaining(sensorId)]);
    await watch.settled();
    const cells = await rows.first().locator('td').allTextContents();
    // Timestamp, sensor, type, value, unit, quality.
    expect(cells.slice(1).map((c) => c.trim())).toEqual([sensorId, en.sensorTypes.vibration, '4.75', 'mm/s', '100%']);
    // One reading is drawn as a dot, in the chart's single series.
    expect(await page.getByTestId('explorer-chart').locator('circle').count()).toBe(1);
    await expectHealthyPage(page, watch, 'explorer (filtered)');
  });
});
