import AxeBuilder from '@axe-core/playwright';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newDashboardContext, type PageWatch } from '../support/browser';
import type { TestStack } from '../support/stack';

/**
 * The pages of the navigation drawer in task order, Tools (ingestion, connections, users, governance, debug) last for administrators, written out rather than read from the route
 * table, so a page dropped from the app fails these tests instead of silently leaving them.
 */
export const navPages = [
  { name: 'overview', path: '/' },
  { name: 'decisions', path: '/decisions' },
  { name: 'alarms', path: '/alarms' },
  { name: 'work-orders', path: '/work-orders' },
  { name: 'assets', path: '/assets' },
  { name: 'golden-path', path: '/golden-path' },
  { name: 'explorer', path: '/explorer' },
  { name: 'prediction', path: '/prediction' },
  { name: 'reports', path: '/reports' },
  { name: 'models', path: '/models' },
  { name: 'simulation', path: '/simulation' },
  { name: 'workflows', path: '/workflows' },
  { name: 'metrics', path: '/metrics-overview' },
  { name: 'ingestion', path: '/ingestion' },
  { name: 'connections', path: '/connections' },
  { name: 'users', path: '/users' },
  { name: 'governance', path: '/governance' },
  { name: 'debug', path: '/debug' },
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

/**
 * The axe engine (WCAG 2.x A and AA rules) on the page as it is now: no critical or serious
 * violation. Each finding names the rule, its impact and the elements, so a failure says what to fix.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // Violations only: collecting every passing node roughly doubles the time axe takes per page.
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  const findings = result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(findings, `accessibility of ${name}`).toEqual([]);
}

/** Signs in with the form in a fresh context (no key remembered) and waits for the overview. */
export async function signInWithForm(browser: Browser, baseUrl: string, email: string, password: string): Promise<Page> {
  const context = await newDashboardContext(browser, { baseUrl });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').locator('input').fill(email);
  await page.getByTestId('sign-in-password').locator('input').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((url) => url.pathname === '/');
  return page;
}
