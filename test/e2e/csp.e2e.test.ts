import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import ptBR from '../../locales/pt-BR.json';
import { buildWebIfStale } from '../../scripts/build-web';
import { launchChromium, newDashboardContext, watchPage, type PageWatch } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';
import { expectHealthyPage, navPages, seedChartReadings } from './dashboard';

let stack: TestStack;
let browser: Browser;
let adminKey: string;

beforeAll(async () => {
  await buildWebIfStale();
  stack = await startTestStack();
  adminKey = await stack.key(['admin']);
  await seedChartReadings(stack, adminKey, 'e2e-csp-temp');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

/** Console messages of any level that mention CSP (Chromium logs a blocked load as an error). */
function watchCspConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) messages.push(`${msg.type()}: ${msg.text()}`);
  });
  return messages;
}

async function expectNoViolations(page: Page, consoleMessages: string[], where: string): Promise<void> {
  expect(await page.evaluate(() => window.__cspViolations ?? ['the recorder did not run']), `CSP violations on ${where}`).toEqual([]);
  expect(consoleMessages, `CSP console messages on ${where}`).toEqual([]);
}

for (const [lang, messages, browserLocale] of [
  ['en', en, 'en-US'],
  ['pt-BR', ptBR, 'pt-BR'],
] as const) {
  describe(`dashboard under its Content-Security-Policy (${lang})`, () => {
    let context: BrowserContext;
    let page: Page;
    let watch: PageWatch;
    let cspConsole: string[];

    beforeAll(async () => {
      context = await newDashboardContext(browser, { baseUrl: stack.baseUrl, apiKey: adminKey, browserLocale });
      await recordViolations(context);
      page = await context.newPage();
      watch = watchPage(page);
      cspConsole = watchCspConsole(page);
    });
    afterAll(() => context.close());

    it('loads every page with a fresh nonce, renders it with the theme applied, and reports no violation', async () => {
      const nonces = new Set<string>();
      for (const { name, path } of navPages) {
        const res = await page.goto(path);
        const csp = res!.headers()['content-security-policy'] ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
        nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
        await expect.poll(() => page.getByTestId('page-title').textContent(), { timeout: 10_000 }).toBe(messages.nav[name]);
        await watch.settled();
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        await expectNoViolations(page, cspConsole, `${lang} ${name}`);
        // Vuetify's theme <style> was allowed: its custom properties are in effect.
        const primary = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--v-theme-primary').trim());
        expect(primary, `theme on ${name}`).toBe('21,101,192');
        await expectHealthyPage(page, watch, `${lang} ${name}`);
      }
      expect(nonces.size).toBe(navPages.length);
    });
  });
}

describe('the API key in the browser', () => {
  it('stays out of localStorage unless "remember on this device" is ticked', async () => {
    const context = await newDashboardContext(browser, { baseUrl: stack.baseUrl });
    try {
      await recordViolations(context);
      const page = await context.newPage();
      const cspConsole = watchCspConsole(page);
      await page.goto('/');
      await page.getByTestId('settings-dialog').waitFor();
      await page.getByTestId('settings-api-key').locator('input').fill(adminKey);
      await page.getByTestId('settings-save').click();
      await expect.poll(() => page.getByTestId('settings-identity').textContent()).toContain('admin');
      const storage = () =>
        page.evaluate(() => ({ local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }) }));
      expect((await storage()).local).not.toContain(adminKey);
      expect((await storage()).session).toContain(adminKey);

      await page.getByTestId('settings-remember').locator('input').check();
      await expect.poll(async () => (await storage()).local).toContain(adminKey);
      expect((await storage()).session).not.toContain(adminKey);
      await expectNoViolations(page, cspConsole, 'the settings dialog');
    } finally {
      await context.close();
    }
  });
});

describe('Swagger UI at /docs under its own policy', () => {
  it('renders the API description with no violation', async () => {
    const context = await browser.newContext({ baseURL: stack.baseUrl });
    try {
      await recordViolations(context);
      const page = await context.newPage();
      const cspConsole = watchCspConsole(page);
      const res = await page.goto('/docs');
      expect(res!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      await page.locator('.swagger-ui .info .title').waitFor();
      await page.locator('.opblock').first().waitFor();
      await expectNoViolations(page, cspConsole, '/docs');
    } finally {
      await context.close();
    }
  });
});
