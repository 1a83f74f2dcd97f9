import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import { buildWebIfStale } from '../../scripts/build-web';
import { launchChromium, newDashboardContext, phoneViewport, saveScreenshot, watchPage, type PageWatch } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';
import { expectAccessible, expectHealthyPage, navPages, seedChartReadings, openFromNav } from './dashboard';

let stack: TestStack;
let browser: Browser;
let adminKey: string;

beforeAll(async () => {
  await buildWebIfStale();
  stack = await startTestStack();
  adminKey = await stack.key(['admin']);
  await seedChartReadings(stack, adminKey, 'e2e-pages-temp');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('dashboard pages in English', () => {
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    // No key seeded: the first visit has to go through the settings dialog like a new user.
    context = await newDashboardContext(browser, { baseUrl: stack.baseUrl });
    page = await context.newPage();
    watch = watchPage(page);
  });
  afterAll(() => context.close());

  it('asks for the API key on the first visit and shows whose key it is once saved', async () => {
    await page.goto('/');
    const dialog = page.getByTestId('settings-dialog');
    await dialog.waitFor();
    await page.getByTestId('settings-api-key').locator('input').fill(adminKey);
    await page.getByTestId('settings-save').click();
    await expect.poll(() => page.getByTestId('settings-identity').textContent()).toContain('admin');
    await page.getByTestId('settings-close').click();
    await dialog.waitFor({ state: 'hidden' });
    // The root is the overview: what needs a person now.
    expect(await page.getByTestId('page-title').textContent()).toBe(en.nav.overview);
    await watch.settled();
    await expectHealthyPage(page, watch, 'first visit');
  });

  it('opens every page from the navigation at 1280×800 without errors or serious accessibility violations', async () => {
    expect(await page.locator('[data-testid^="nav-"][href]').count()).toBe(navPages.length);
    for (const { name } of navPages) {
      const title = en.nav[name];
      await openFromNav(page, watch, name, title);
      expect(await page.title()).toBe(`${title} · ${en.app.name}`);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await expectAccessible(page, name);
      await saveScreenshot(page, 'en', name);
    }
  });

  it('shows the plant figures of the database on the Metrics page, and the HTTP counters under Operations', async () => {
    await openFromNav(page, watch, 'metrics', en.nav.metrics);
    const [{ total }] = await stack.sql`select coalesce(sum(reading_count), 0)::int as total from sensors`;
    expect(total).toBeGreaterThanOrEqual(12);
    await expect
      .poll(() => page.getByTestId('metrics-plant-readings').textContent(), { timeout: 10_000 })
      .toBe(new Intl.NumberFormat('en').format(total));
    expect(await page.getByTestId('metrics-plant-source').textContent()).toBe(en.metricsPlant.source);
    await page.getByTestId('metrics-tab-operations').click();
    await page.getByTestId('metrics-requests').waitFor();
    await watch.settled();
    await expectHealthyPage(page, watch, 'metrics operations tab');
  });

  it('changes a retention policy on the Governance page and shows the change in its audit', async () => {
    await openFromNav(page, watch, 'governance', en.nav.governance);
    const field = page.getByTestId('retention-days-notifications').locator('input');
    await expect.poll(() => field.inputValue()).not.toBe('');
    const before = Number(await field.inputValue());
    try {
      await field.fill(String(before + 1));
      await page.getByTestId('retention-save').click();
      await page.getByTestId('retention-saved').waitFor();
      const expected = en.dataGovernance.audit.policyChanged
        .replace('{dataClass}', en.dataGovernance.dataClass.notifications)
        .replace('{from}', String(before))
        .replace('{to}', String(before + 1));
      await expect.poll(() => page.getByTestId('governance-audit').innerText()).toContain(expected);
      const [stored] = await stack.sql`select retain_days from retention_policies where data_class = 'notifications'`;
      expect(stored).toEqual({ retain_days: before + 1 });
      await watch.settled();
      await expectHealthyPage(page, watch, 'governance after a change');
    } finally {
      await stack.sql`delete from retention_policies where data_class = 'notifications'`;
    }
  });

  it('loads every page from its own address, and answers an unknown address with the translated not-found page', async () => {
    for (const { name, path } of navPages) {
      await page.goto(path);
      await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(en.nav[name]);
      await watch.settled();
      await expectHealthyPage(page, watch, `${name} (deep link)`);
    }
    await page.goto('/no/such/page');
    await expect.poll(() => page.getByTestId('not-found-home').isVisible()).toBe(true);
    expect(await page.locator('#main').innerText()).toContain(en.notFound.text);
    expect(await page.title()).toBe(`${en.notFound.title} · ${en.app.name}`);
    await saveScreenshot(page, 'en', 'not-found');
    await page.getByTestId('not-found-home').click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(en.nav.overview);
  });
});

describe('dashboard pages on a 390×844 phone', () => {
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    context = await newDashboardContext(browser, { baseUrl: stack.baseUrl, apiKey: adminKey, viewport: phoneViewport });
    page = await context.newPage();
    watch = watchPage(page);
  });
  afterAll(() => context.close());

  /** A closed temporary drawer stays in the DOM, translated off the left edge of the screen. */
  async function drawerRightEdge(): Promise<number> {
    const box = await page.getByTestId('nav-drawer').boundingBox();
    return box ? box.x + box.width : 0;
  }

  async function expectDrawerClosed() {
    await expect.poll(drawerRightEdge).toBeLessThanOrEqual(0);
  }

  async function expectFitsTheScreen(name: string) {
    const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths.content, `${name} scrolls sideways`).toBeLessThanOrEqual(widths.viewport);
  }

  it('opens a deep link with the drawer closed and fits the width', async () => {
    await page.goto('/explorer');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(en.nav.explorer);
    await watch.settled();
    await expectDrawerClosed();
    await expectFitsTheScreen('explorer');
    await expectHealthyPage(page, watch, 'explorer (phone)');
    await saveScreenshot(page, 'en', 'explorer-phone');
  });

  it('navigates through the drawer, which closes after the choice', async () => {
    for (const name of ['golden-path', 'decisions', 'ingestion'] as const) {
      await page.getByTestId('nav-toggle').click();
      await expect.poll(drawerRightEdge).toBeGreaterThan(200);
      await openFromNav(page, watch, name, en.nav[name]);
      await expectDrawerClosed();
      await expectFitsTheScreen(name);
      await saveScreenshot(page, 'en', `${name}-phone`);
    }
  });
});
