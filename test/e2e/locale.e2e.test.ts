import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import ptBR from '../../locales/pt-BR.json';
import { buildWebIfStale } from '../../scripts/build-web';
import { launchChromium, newDashboardContext, saveScreenshot, settingsStorageKey, watchPage, type PageWatch } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';
import { expectAccessible, expectHealthyPage, navPages, openFromNav } from './dashboard';

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

  it('opens every page in Portuguese without errors or serious accessibility violations', async () => {
    for (const { name } of navPages) {
      await openFromNav(page, watch, name, ptBR.nav[name]);
      await expectAccessible(page, `${name} (pt-BR)`);
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

      // The day filter is read and written as dd/mm/aaaa, and filters from that local day's start.
      const from = page.getByTestId('decisions-filter-from').locator('input');
      const request = page.waitForRequest((req) => req.url().includes('/api/v1/decisions?') && req.url().includes('from='));
      await from.fill('05/01/2025');
      await from.press('Enter');
      const sent = new URL((await request).url()).searchParams.get('from');
      expect(sent).toBe(await page.evaluate(() => new Date(2025, 0, 5).toISOString()));
      expect(await from.inputValue()).toBe('05/01/2025');
      expect(await page.locator('#main').innerText()).not.toMatch(/mm\/dd\/yyyy/i);
      await watch.settled();
      await expectHealthyPage(page, watch, 'decisions filtered by a day in pt-BR');
    } finally {
      await context.close();
    }
  });

  it('reads and writes the Explorer and Reports dates as dd/mm/aaaa and sends the local instant', async () => {
    const context = await newDashboardContext(browser, {
      baseUrl: stack.baseUrl,
      apiKey: adminKey,
      browserLocale: 'en-US',
      timezoneId: 'America/Sao_Paulo',
    });
    try {
      // An English browser with the app in Portuguese: the fields follow the app, not the browser.
      await context.addInitScript((key) => {
        const saved = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
        localStorage.setItem(key, JSON.stringify({ ...saved, locale: 'pt-BR' }));
      }, settingsStorageKey);
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto('/explorer');
      await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(ptBR.nav.explorer);
      await watch.settled();

      // 14/03 cannot be read as month/day, so a mm/dd field would reject it.
      const day = page.getByTestId('explorer-from-day').locator('input');
      const time = page.getByTestId('explorer-from-time').locator('input');
      const sentStart = (instant: string) =>
        page.waitForRequest(
          (req) => req.url().includes('/api/v1/sensors/readings?') && new URL(req.url()).searchParams.get('start_ts') === instant,
        );
      let request = sentStart('2025-03-14T03:00:00.000Z');
      await day.fill('14/03/2025');
      await day.press('Enter');
      await request;
      request = sentStart('2025-03-14T12:30:00.000Z');
      await time.fill('09:30');
      await request;
      expect(await day.inputValue()).toBe('14/03/2025');
      expect(await page.locator('#main').innerText()).not.toMatch(/mm\/dd\/yyyy|\b[AP]M\b/);
      await watch.settled();
      await expectHealthyPage(page, watch, 'explorer filtered by a pt-BR date and time');

      await page.goto('/reports');
      await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(ptBR.nav.reports);
      await watch.settled();
      await page.getByTestId('reports-from-day').locator('input').fill('14/03/2025');
      await page.getByTestId('reports-from-day').locator('input').press('Tab');
      await page.getByTestId('reports-to-day').locator('input').fill('15/03/2025');
      await page.getByTestId('reports-to-day').locator('input').press('Tab');
      // Tab, not Enter: Enter in a field submits the report form.
      await expectHealthyPage(page, watch, 'reports with pt-BR dates');
      const generated = page.waitForRequest((req) => req.url().includes('/api/v1/reports/generate') && req.method() === 'POST');
      await page.getByTestId('reports-generate').click();
      const body = (await generated).postDataJSON() as { from?: string; to?: string };
      // From the start of the first day to the end of the last, on the browser's (São Paulo) clock.
      expect(body.from).toBe('2025-03-14T03:00:00.000Z');
      expect(body.to).toBe('2025-03-16T02:59:59.000Z');
      expect(await page.getByTestId('reports-from-day').locator('input').inputValue()).toBe('14/03/2025');
    } finally {
      await context.close();
    }
  });
});

describe('a refused form under pt-BR', () => {
  it('shows the server field message in Portuguese, not the English it sends integrators', async () => {
    const context = await newDashboardContext(browser, { baseUrl: stack.baseUrl, apiKey: adminKey, browserLocale: 'pt-BR' });
    const page = await context.newPage();
    try {
      // The form only requires a unit; the server allows at most 32 characters.
      const reading = { sensor_id: 'e2e-locale-refused', value: 1.5, unit: 'u'.repeat(40) };
      const direct = await stack.request('/api/v1/data/ingest', { method: 'POST', key: adminKey, json: reading });
      expect(direct.status).toBe(422);
      const english = ((await direct.json()) as { errors: { field: string; message: string }[] }).errors;
      expect(english.map((e) => e.field)).toEqual(['unit']);

      await page.goto('/ingestion');
      await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(ptBR.nav.ingestion);
      await page.getByTestId('ingestion-sensor-id').locator('input').fill(reading.sensor_id);
      await page.getByTestId('ingestion-value').locator('input').fill('2');
      await page.getByTestId('ingestion-unit').locator('input').fill(reading.unit);
      await page.getByTestId('ingestion-submit').click();

      const line = page.getByTestId('error-alert').getByTestId('error-field');
      await expect.poll(() => line.allInnerTexts()).toEqual([`unit: ${ptBR.errors.field.too_big.string.replace('{maximum}', '32')}`]);
      const alert = await page.getByTestId('error-alert').innerText();
      expect(alert).toContain(ptBR.errors.validation_failed);
      expect(alert).not.toContain(english[0]!.message);
      // No fixed part of any English field text either.
      const fragments = Object.values(en.errors.field)
        .flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)))
        .flatMap((template) => template.split(/\{\w+\}/))
        .map((part) => part.trim())
        .filter((part) => part.length > 5);
      expect(fragments.filter((part) => alert.includes(part))).toEqual([]);
      await saveScreenshot(page, 'pt-BR', 'ingestion-refused');
    } finally {
      await context.close();
    }
  });
});
