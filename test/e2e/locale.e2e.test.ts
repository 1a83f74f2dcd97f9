import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import ptBR from '../../locales/pt-BR.json';
import { buildWebIfStale } from '../../scripts/build-web';
import { launchChromium, newDashboardContext, saveScreenshot, settingsStorageKey, watchPage, type PageWatch } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';
import { expectHealthyPage, navPages, openFromNav } from './dashboard';

let stack: TestStack;
let browser: Browser;
let adminKey: string;

beforeAll(async () => {
  await buildWebIfStale();
  stack = await startTestStack();
  adminKey = await stack.key(['admin']);
  const start = Date.parse('2025-03-03T10:00:00Z');
  const readings = Array.from({ length: 30 }, (_, i) => ({
    sensor_id: 'e2e-locale-press',
    sensor_type: 'pressure',
    value: 5 + (i % 7) * 0.25,
    unit: 'bar',
    timestamp: new Date(start + i * 30_000).toISOString(),
  }));
  const seeded = await stack.request('/api/v1/data/ingest/batch', { method: 'POST', key: adminKey, json: { readings } });
  expect(seeded.status).toBeLessThan(300);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** The Explorer's table footer, where Vuetify (not our locale files) supplies the words. */
function footer(page: Page) {
  return page.getByTestId('explorer-table').locator('.v-data-table-footer');
}

async function navLabels(page: Page): Promise<string[]> {
  return Promise.all(
    navPages.map(async ({ name }) => (await page.getByTestId(`nav-${name}`).locator('.v-list-item-title').textContent())!.trim()),
  );
}

describe('language selector', () => {
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    context = await newDashboardContext(browser, { baseUrl: stack.baseUrl, apiKey: adminKey, browserLocale: 'en-US' });
    page = await context.newPage();
    watch = watchPage(page);
  });
  afterAll(() => context.close());

  it('switches navigation, titles and Vuetify texts to Brazilian Portuguese', async () => {
    await page.goto('/explorer');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(en.nav.explorer);
    await watch.settled();
    expect(await navLabels(page)).toEqual(navPages.map(({ name }) => en.nav[name]));
    // Only this file's sensor, so the page counts below do not depend on other test files.
    await page.getByTestId('explorer-sensor-filter').locator('input').fill('e2e-locale-press');
    await page.getByRole('option', { name: 'e2e-locale-press', exact: true }).click();
    await expect.poll(() => footer(page).textContent()).toContain('1-25 of 30');
    expect(await footer(page).textContent()).toContain('Items per page:');

    await page.getByTestId('language-selector').click();
    await page.getByTestId('language-option-pt-BR').click();

    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(ptBR.nav.explorer);
    expect(await navLabels(page)).toEqual(navPages.map(({ name }) => ptBR.nav[name]));
    // The longer Portuguese labels still fit the drawer rather than ending in an ellipsis.
    const clipped = await page
      .getByTestId('nav-drawer')
      .locator('.v-list-item-title')
      .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent));
    expect(clipped).toEqual([]);
    const footerText = await footer(page).textContent();
    expect(footerText).toContain('Itens por página:');
    expect(footerText).toContain('1-25 de 30');
    expect(await footer(page).getByRole('button', { name: 'Próxima página' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
    expect(await page.title()).toBe(`${ptBR.nav.explorer} · ${ptBR.app.name}`);
    // Numbers follow the language too: a decimal comma in the table.
    const firstRow = await page.getByTestId('explorer-table').locator('tbody tr').first().locator('td').allTextContents();
    expect(firstRow.map((c) => c.trim()).slice(1)).toEqual(['e2e-locale-press', ptBR.sensorTypes.pressure, '5,25', 'bar', '100%']);
    await expectHealthyPage(page, watch, 'explorer after switching to pt-BR');
  });

  it('keeps Portuguese after a reload', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(ptBR.nav.explorer);
    await watch.settled();
    expect(await navLabels(page)).toEqual(navPages.map(({ name }) => ptBR.nav[name]));
    expect(await footer(page).textContent()).toContain('Itens por página:');
    const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}'), settingsStorageKey);
    expect(stored).toMatchObject({ locale: 'pt-BR', apiKey: adminKey });
    await expectHealthyPage(page, watch, 'explorer after reload');
  });

  it('opens every page in Portuguese without errors', async () => {
    for (const { name } of navPages) {
      await openFromNav(page, watch, name, ptBR.nav[name]);
      await saveScreenshot(page, 'pt-BR', name);
    }
  });
});

describe('first visit from a Portuguese browser', () => {
  it('defaults to pt-BR when the browser prefers Portuguese', async () => {
    const context = await newDashboardContext(browser, { baseUrl: stack.baseUrl, apiKey: adminKey, browserLocale: 'pt-BR' });
    try {
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto('/decisions');
      await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(ptBR.nav.decisions);
      await watch.settled();
      await expectHealthyPage(page, watch, 'decisions from a pt-BR browser');
    } finally {
      await context.close();
    }
  });
});
