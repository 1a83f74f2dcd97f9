import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { projectRoot } from '../../config';

/** Debian's package; the tests never download a browser. */
export const chromiumPath = '/usr/bin/chromium';

/** The settings store's localStorage entry (web/src/features/settings/settings.store.ts). */
export const settingsStorageKey = 'smart-maintenance.settings';

export const screenshotRoot = path.join(projectRoot, 'test-artifacts', 'screenshots');

export const desktopViewport = { width: 1280, height: 800 } as const;
export const phoneViewport = { width: 390, height: 844 } as const;

/**
 * Console messages a page may log without failing the test, matched by exact text. Empty on
 * purpose: every entry needs a comment saying why the message is harmless.
 */
const allowedConsoleErrors: readonly string[] = [];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export interface DashboardContextOptions {
  baseUrl: string;
  /** Seeded into the settings store before the first page script runs; omit to enter it in the UI. */
  apiKey?: string;
  /** What the browser reports as its language; the dashboard defaults to it. */
  browserLocale?: string;
  viewport?: { width: number; height: number };
  /** The browser's IANA time zone; UTC unless a test is about the reader's clock. */
  timezoneId?: string;
}

/**
 * A fresh context (empty storage) for one test file. The key is seeded only when storage holds no
 * settings yet, so a language chosen in the UI survives a reload instead of being overwritten.
 */
export async function newDashboardContext(browser: Browser, opts: DashboardContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: opts.baseUrl,
    viewport: opts.viewport ?? desktopViewport,
    locale: opts.browserLocale ?? 'en-US',
    colorScheme: 'light',
    timezoneId: opts.timezoneId ?? 'UTC',
  });
  if (opts.apiKey !== undefined) {
    await context.addInitScript(
      ([storageKey, apiKey]) => {
        // Only the key: the language and theme are left to their defaults (the browser's).
        // Remembered, as if the user ticked "remember on this device", so every tab of the context has it.
        if (!localStorage.getItem(storageKey)) localStorage.setItem(storageKey, JSON.stringify({ apiKey, rememberKey: true }));
      },
      [settingsStorageKey, opts.apiKey] as const,
    );
  }
  return context;
}

/** What the tests watch on one page: its console errors, uncaught exceptions and requests in flight. */
export interface PageWatch {
  readonly problems: string[];
  /** Throws, listing every problem, when the page has logged any; then starts afresh. */
  assertNoProblems(when: string): void;
  /**
   * Resolves once no request has been in flight for `quietMs` (a client-side navigation never
   * fires a load event, so "the page finished loading" is measured on the network instead).
   * Long-lived streams are left out with `ignoreUrl`.
   */
  settled(opts?: { quietMs?: number; timeoutMs?: number; ignoreUrl?: RegExp }): Promise<void>;
}

/** A fresh context and one watched page in it: what a describe block that drives one dashboard tab needs. */
export async function openWatchedPage(
  browser: Browser,
  opts: DashboardContextOptions,
): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
  const context = await newDashboardContext(browser, opts);
  const page = await context.newPage();
  return { context, page, watch: watchPage(page) };
}

/** Streams a page keeps open for as long as it is shown (the Alarms page's live list): never "busy". */
const ALWAYS_OPEN = /\/api\/v1\/alarms\/stream(\?|$)/;

export function watchPage(page: Page): PageWatch {
  const problems: string[] = [];
  const inFlight = new Set<Request>();
  let lastActivity = Date.now();
  page.on('console', (msg) => {
    if (msg.type() !== 'error' || allowedConsoleErrors.includes(msg.text())) return;
    const where = msg.location().url;
    problems.push(`console.error: ${msg.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.stack ?? err.message}`));
  page.on('crash', () => problems.push('page crashed'));
  page.on('request', (req) => {
    inFlight.add(req);
    lastActivity = Date.now();
  });
  const done = (req: Request) => {
    inFlight.delete(req);
    lastActivity = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);

  return {
    problems,
    assertNoProblems(when) {
      if (problems.length === 0) return;
      const found = problems.splice(0);
      throw new Error(`browser problems ${when}:\n${found.join('\n')}`);
    },
    async settled({ quietMs = 400, timeoutMs = 15_000, ignoreUrl } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const busy = [...inFlight].filter((req) => !ignoreUrl?.test(req.url()) && !ALWAYS_OPEN.test(req.url()));
        if (busy.length === 0 && Date.now() - lastActivity >= quietMs) return;
        if (Date.now() > deadline) throw new Error(`network still busy after ${timeoutMs} ms: ${busy.map((r) => r.url()).join(', ')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

export async function saveScreenshot(page: Page, lang: string, name: string): Promise<string> {
  const dir = path.join(screenshotRoot, lang);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  // A full-page capture of a scrolled page draws the fixed app bar and drawer at the scroll offset.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}
