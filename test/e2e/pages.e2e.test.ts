import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import { buildWebIfStale } from '../../scripts/build-web';
import { launchChromium, newDashboardContext, phoneViewport, saveScreenshot, watchPage, type PageWatch } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';
import { expectHealthyPage, navPages, seedChartReadings, openFromNav } from './dashboard';

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
    // The root shows the home page (Golden Path) without rewriting the address.
    expect(await page.getByTestId('page-title').textContent()).toBe(en.nav['golden-path']);
    await watch.settled();
    await expectHealthyPage(page, watch, 'first visit');
  });

  it('opens all eleven pages from the navigation at 1280×800 without errors', async () => {
    expect(await page.locator('[data-testid^="nav-"][href]').count()).toBe(navPages.length);
    for (const { name } of navPages) {
      const title = en.nav[name];
      await openFromNav(page, watch, name, title);
      expect(await page.title()).toBe(`${title} · ${en.app.name}`);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await saveScreenshot(page, 'en', name);
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
    await page.waitForURL((url) => url.pathname === '/golden-path');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(en.nav['golden-path']);
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
