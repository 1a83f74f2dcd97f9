import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDefaultTechnicians } from '../../db/technicians';
import type { Scope } from '../../domain/scopes';
import { buildWebIfStale } from '../../scripts/build-web';
import { launchChromium, openWatchedPage, type DashboardContextOptions, type PageWatch } from './browser';
import { startTestStack, type TestStack } from './stack';

/** One e2e file's stack and the one dashboard page it drives, signed in with a key. */
export interface DashboardSession {
  stack: TestStack;
  key: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
}

export interface DashboardSessionOptions {
  /** Environment of the API and worker (decision limits and the like). */
  env?: Parameters<typeof startTestStack>[0];
  scopes: Scope[];
  /** Seed the default technicians, so the maintenance stage can book one. */
  technicians?: boolean;
  /** Start the worker in this process (files that run worker processes of their own do not). */
  worker?: boolean;
  /** The browser's language and clock; English on UTC by default. */
  browser?: Pick<DashboardContextOptions, 'browserLocale' | 'timezoneId'>;
}

/**
 * Builds the dashboard if its sources changed, starts the stack, and opens one watched page with
 * the key already remembered. What it opened before a failure is closed again, so a file whose
 * setup failed leaves no server behind.
 */
export async function openDashboardSession(options: DashboardSessionOptions): Promise<DashboardSession> {
  await buildWebIfStale();
  const stack = await startTestStack(options.env);
  try {
    if (options.technicians) await seedDefaultTechnicians(stack.sql);
    const key = await stack.key(options.scopes);
    if (options.worker) await stack.startWorker();
    const browser = await launchChromium();
    try {
      return { stack, key, browser, ...(await openWatchedPage(browser, { baseUrl: stack.baseUrl, apiKey: key, ...options.browser })) };
    } catch (err) {
      await browser.close();
      throw err;
    }
  } catch (err) {
    await stack.close();
    throw err;
  }
}

/** Closes the page's context, the browser and the stack, in that order. */
export async function closeDashboardSession(session: DashboardSession | undefined): Promise<void> {
  await session?.context.close();
  await session?.browser.close();
  await session?.stack.close();
}
