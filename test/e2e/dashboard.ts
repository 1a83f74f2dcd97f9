import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageWatch } from '../support/browser';
import type { TestStack } from '../support/stack';

/**
 * The eleven pages of the navigation drawer (SPEC 8), written out rather than read from the route
 * table, so a page dropped from the app fails these tests instead of silently leaving them.
 */
export const navPages = [
  { name: 'ingestion', path: '/ingestion' },
  { name: 'explorer', path: '/explorer' },
  { name: 'decisions', path: '/decisions' },
  { name: 'golden-path', path: '/golden-path' },
  { name: 'prediction', path: '/prediction' },
  { name: 'models', path: '/models' },
  { name: 'simulation', path: '/simulation' },
  { name: 'metrics', path: '/metrics-overview' },
  { name: 'reports', path: '/reports' },
  { name: 'debug', path: '/debug' },
  { name: 'workflows', path: '/workflows' },
] as const;

export type NavPageName = (typeof navPages)[number]['name'];

/**
 * Clicks a navigation entry and waits until the page's title reads `title` and its requests are
 * done; then the page must show no error alert and must not have logged anything.
 */
export async function openFromNav(page: Page, watch: PageWatch, name: NavPageName, title: string): Promise<void> {
  await page.getByTestId(`nav-${name}`).click();
  const entry = navPages.find((p) => p.name === name)!;
  await page.waitForURL((url) => url.pathname === entry.path);
  await expect.poll(() => page.getByTestId('page-title').textContent(), { timeout: 10_000 }).toBe(title);
  await watch.settled();
  await expectHealthyPage(page, watch, name);
}

/** A page that rendered an error alert or logged a console error is broken, whatever else it shows. */
export async function expectHealthyPage(page: Page, watch: PageWatch, name: string): Promise<void> {
  const alerts = await page.getByTestId('error-alert').allTextContents();
  expect(alerts, `error alerts on ${name}`).toEqual([]);
  // What a value that went missing between the API and the template looks like on screen.
  const text = await page.locator('#main').innerText();
  expect(text.match(/\bNaN\b|\bundefined\b|\[object Object\]/g), `broken values on ${name}`).toBeNull();
  watch.assertNoProblems(`on ${name}`);
}

/** Twelve readings a minute apart, so the Explorer and Metrics pages draw charts rather than empty states. */
export async function seedChartReadings(stack: TestStack, key: string, sensorId: string): Promise<void> {
  const start = Date.parse('2025-01-06T08:00:00Z');
  const readings = Array.from({ length: 12 }, (_, i) => ({
    sensor_id: sensorId,
    sensor_type: 'temperature',
    value: 20 + Math.sin(i / 2) * 3,
    unit: '°C',
    timestamp: new Date(start + i * 60_000).toISOString(),
  }));
  const seeded = await stack.request('/api/v1/data/ingest/batch', { method: 'POST', key, json: { readings } });
  expect(seeded.status).toBeLessThan(300);
}
