import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { POLLER_STALE_AFTER_MS } from '../../domain/workerFleet';
import en from '../../locales/en.json';
import { serviceEnv } from '../reliability/harness';
import { saveScreenshot, type PageWatch } from '../support/browser';
import { killAllServices, spawnService, waitUntil, type ServiceProcess } from '../support/processes';
import { closeDashboardSession, openDashboardSession, type DashboardSession } from '../support/dashboardSession';
import type { TestStack } from '../support/stack';

/**
 * The header's worker fleet with real worker processes: one polls, it is SIGKILLed, the header
 * shows it go, another starts and the header shows a worker back. Temporal lists a killed worker's
 * poller for minutes and says nothing of its death, so what the page can truthfully show is its
 * last poll growing older until it passes the staleness bound (domain/workerFleet.ts, 75 s: an
 * idle live worker renews its long poll about every 60 s). The wait is bounded by that bound.
 * A Golden Path waits for its decision across the kill and completes on the new worker.
 */

let stack: TestStack;
let page: Page;
let watch: PageWatch;
let key: string;
let session: DashboardSession | undefined;

beforeAll(async () => {
  // Keys are not held to roles; one approval decides (as in goldenPath.e2e.test.ts).
  session = await openDashboardSession({
    env: { DECISION_ENGINEER_PRIORITY: 'low', DECISION_FOUR_EYES_PRIORITY: 'none' },
    scopes: ['workflows:write', 'workflows:read', 'decisions:write'],
    technicians: true,
  });
  ({ stack, page, watch, key } = session);
});
afterAll(async () => {
  await killAllServices();
  await closeDashboardSession(session);
});

/** The platform's worker entry point as its own process, polling this stack's task queue. */
async function startWorker(): Promise<ServiceProcess> {
  const worker = spawnService(
    'worker/runWorker.ts',
    serviceEnv('fleet', {
      TEMPORAL_TASK_QUEUE_PREFIX: stack.config.TEMPORAL_TASK_QUEUE_PREFIX,
      WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      WORKER_METRICS_PORT: '0',
      WORKER_SDK_METRICS_PORT: '0',
    }),
  );
  await waitUntil('the worker polling', () => (worker.output().includes('worker polling') ? true : undefined), { timeoutMs: 120_000 });
  return worker;
}

const indicator = () => page.getByTestId('fleet-indicator');
/** The details entry of the worker process `pid` (its Temporal identity is `<pid>@<host>`). */
const entryOf = (pid: number) => page.locator(`[data-testid^="fleet-worker-${pid}@"]`);
/** The seconds in an entry's chip ("polled 4 s ago", "gone · last poll 80 s ago"). */
async function secondsShown(pid: number): Promise<number> {
  const text = await entryOf(pid).locator('.v-chip').innerText();
  const m = /(\d+) s\b/.exec(text);
  if (!m) throw new Error(`no seconds in "${text}"`);
  return Number(m[1]);
}
/** The Golden Path's status document (what the Golden Path page polls). */
async function goldenPathStatus(correlationId: string): Promise<{ status: string; decision_request_id?: string }> {
  const res = await stack.request(`/api/v1/demo/golden-path/status/${correlationId}`, { key });
  if (res.status !== 200) throw new Error(`status answered ${res.status}`);
  return (await res.json()) as { status: string; decision_request_id?: string };
}
const [lastPollBefore, lastPollAfter] = en.fleet.lastPoll.split('{seconds}');
const [goneBefore, goneAfter] = en.fleet.gone.split('{seconds}');

describe('the worker fleet in the header', () => {
  it('shows a polling worker, its death once its last poll is stale, and a new one that finishes a waiting Golden Path', async () => {
    const first = await startWorker();
    await page.goto('/');
    await expect.poll(() => indicator().getAttribute('data-active'), { timeout: 30_000 }).toBe('1');
    expect(await indicator().innerText()).toBe('1 worker');
    await indicator().click();
    await expect.poll(() => entryOf(first.pid).getAttribute('data-active'), { timeout: 10_000 }).toBe('true');
    // Listed before its first poll time is known ("no poll yet"), then with the age of its last poll.
    const chip = entryOf(first.pid).locator('.v-chip');
    await expect
      .poll(
        async () => {
          const text = await chip.innerText();
          return text.startsWith(lastPollBefore!) && text.endsWith(lastPollAfter!) ? 'last poll shown' : text;
        },
        { timeout: 15_000 },
      )
      .toBe('last poll shown');

    // A Golden Path that stops at its human decision: nothing in flight when the worker dies.
    const started = await stack.request('/api/v1/demo/golden-path', {
      method: 'POST',
      key,
      json: { sensor_events: 40, scenario: 'drift' },
    });
    expect(started.status).toBe(202);
    const { correlation_id: correlationId } = (await started.json()) as { correlation_id: string };
    const waiting = await waitUntil(
      'the run waiting for its decision',
      async () => {
        const doc = await goldenPathStatus(correlationId);
        if (doc.status === 'failed') throw new Error(JSON.stringify(doc));
        return doc.status === 'waiting_for_decision' ? doc : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );

    // Killed without a goodbye, as an OOM kill or a lost machine would: Temporal keeps listing it.
    await first.kill();
    const seen: number[] = [];
    await expect
      .poll(
        async () => {
          seen.push(await secondsShown(first.pid));
          return entryOf(first.pid).getAttribute('data-active');
        },
        { timeout: POLLER_STALE_AFTER_MS + 45_000, interval: 2_000 },
      )
      .toBe('false');
    // Until then the page showed its last poll ageing, never renewed, and calls it gone only past the bound.
    expect(
      seen.every((s, i) => i === 0 || s >= seen[i - 1]!),
      seen.join(', '),
    ).toBe(true);
    const gone = await entryOf(first.pid).locator('.v-chip').innerText();
    expect(gone.startsWith(goneBefore!) && gone.endsWith(goneAfter!), gone).toBe(true);
    expect(await secondsShown(first.pid)).toBeGreaterThan(POLLER_STALE_AFTER_MS / 1000);
    expect(await indicator().getAttribute('data-active')).toBe('0');
    expect(await indicator().innerText()).toBe('no workers');
    await saveScreenshot(page, 'en', 'fleet-worker-gone');

    const second = await startWorker();
    await expect.poll(() => entryOf(second.pid).getAttribute('data-active'), { timeout: 30_000 }).toBe('true');
    expect(await indicator().getAttribute('data-active')).toBe('1');
    expect(await indicator().innerText()).toBe('1 worker');
    // The dead one stays listed as gone: the history of what happened is not hidden.
    expect(await entryOf(first.pid).getAttribute('data-active')).toBe('false');
    await saveScreenshot(page, 'en', 'fleet-worker-back');

    // The decision goes to the new worker, which rebuilds the run from its history and finishes it.
    const decided = await stack.request('/api/v1/decisions/submit', {
      method: 'POST',
      key,
      json: {
        request_id: waiting.decision_request_id,
        decision: 'approved',
        operator_id: 'eva.santos',
        justification: 'after the new worker',
      },
    });
    expect(decided.status).toBe(201);
    const done = await waitUntil(
      'the run finished',
      async () => {
        const doc = await goldenPathStatus(correlationId);
        return doc.status === 'completed' || doc.status === 'failed' ? doc : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    expect(done.status).toBe('completed');
    watch.assertNoProblems('on the fleet indicator');
  });
});
