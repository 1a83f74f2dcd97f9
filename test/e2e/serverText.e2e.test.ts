import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ptBR from '../../locales/pt-BR.json';
import { saveScreenshot, type PageWatch } from '../support/browser';
import { closeDashboardSession, openDashboardSession, type DashboardSession } from '../support/dashboardSession';
import type { TestStack } from '../support/stack';
import { expectHealthyPage, openFromNav } from './dashboard';
import { RAW_INSTANT, englishIn } from './serverEnglish';

/**
 * A Brazilian operator in São Paulo (pt-BR browser, America/Sao_Paulo clock) runs the Golden Path
 * and reads what the server said: every message in Portuguese, every instant on their clock.
 */
const zone = 'America/Sao_Paulo';

let stack: TestStack;
let page: Page;
let watch: PageWatch;
let key: string;
let session: DashboardSession | undefined;

beforeAll(async () => {
  session = await openDashboardSession({
    scopes: ['admin'],
    technicians: true,
    worker: true,
    browser: { browserLocale: 'pt-BR', timezoneId: zone },
  });
  ({ stack, page, watch, key } = session);
});
afterAll(async () => {
  await closeDashboardSession(session);
});

interface Status {
  status: string;
  decision_deadline: string | null;
  stages: { name: string; message: string; code?: string; params?: Record<string, unknown> }[];
  events: { type: string; message: string }[];
}

async function runStatus(correlationId: string): Promise<Status> {
  return (await stack.request(`/api/v1/demo/golden-path/status/${correlationId}`, { key })).json();
}

/** An instant as the dashboard should show it: the browser formats it for `timeZone`, with the zone named. */
function onClock(iso: string, timeZone: string): Promise<string> {
  return page.evaluate(
    ([value, timeZone]) =>
      new Intl.DateTimeFormat('pt-BR', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
      }).format(new Date(value)),
    [iso, timeZone] as const,
  );
}

function onSaoPauloClock(iso: string): Promise<string> {
  return onClock(iso, zone);
}

/** No server English, no raw UTC instant and none of the English texts the API sent for this run. */
async function expectNoServerEnglish(where: string, status?: Status): Promise<void> {
  const text = await page.locator('#main').innerText();
  expect(englishIn(text), `server English on ${where}`).toEqual([]);
  expect(text.match(RAW_INSTANT), `a raw instant on ${where}`).toBeNull();
  for (const message of [...(status?.stages ?? []), ...(status?.events ?? [])].map((m) => m.message).filter(Boolean)) {
    expect(text, `the server's English "${message}" on ${where}`).not.toContain(message);
  }
}

describe('a Golden Path read in Portuguese on the São Paulo clock', () => {
  let correlationId: string;

  it('shows the technician window and the decision deadline in local time, in Portuguese', async () => {
    await page.goto('/golden-path');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(ptBR.nav['golden-path']);
    await page.getByTestId('golden-path-scenario').click();
    await page.getByRole('option', { name: ptBR.goldenPath.scenario.anomaly, exact: true }).click();
    await page.getByTestId('golden-path-start').click();
    await page.getByTestId('golden-path-run').waitFor();
    correlationId = (await page.getByTestId('golden-path-correlation').textContent())!.trim();
    await expect
      .poll(() => page.getByTestId('golden-path-status').getAttribute('data-status'), { timeout: 150_000, interval: 200 })
      .toBe('waiting_for_decision');
    await watch.settled({ ignoreUrl: /\/events$/ });

    const status = await runStatus(correlationId);
    const maintenance = status.stages.find((s) => s.name === 'maintenance')!;
    expect(maintenance.code).toBe('orderPlanned');
    const { window_start: start, window_end: end } = maintenance.params as { window_start: string; window_end: string };
    const shown = await page.getByTestId('stage-detail-maintenance').getByTestId('stage-message').innerText();
    expect(shown).toContain(await onSaoPauloClock(start));
    expect(shown).toContain(await onSaoPauloClock(end));
    expect(shown).toContain(ptBR.serverText.priority[maintenance.params!.priority as keyof typeof ptBR.serverText.priority]);
    // The same window in UTC is three hours off: it must not be what the operator reads.
    const utc = await page.evaluate((iso) => new Date(iso).toISOString().slice(11, 16), start);
    expect(shown).not.toContain(`${utc} UTC`);

    const deadline = await onSaoPauloClock(status.decision_deadline!);
    const requested = page.getByTestId('event-type').filter({ hasText: ptBR.serverText.events.decision_requested });
    expect(await requested.count()).toBe(1);
    expect(await page.getByTestId('event-message').allInnerTexts()).toContainEqual(expect.stringContaining(`prazo ${deadline}`));

    await expectNoServerEnglish('the Golden Path while waiting', status);
    await expectHealthyPage(page, watch, 'golden path in pt-BR while waiting');
    await saveScreenshot(page, 'pt-BR', 'golden-path-waiting-sao-paulo');
  });

  it('shows the window and the deadline on the clock of a Lisbon plant once the operator chooses its zone', async () => {
    const status = await runStatus(correlationId);
    const { window_start: start } = status.stages.find((s) => s.name === 'maintenance')!.params as { window_start: string };
    const lisbon = 'Europe/Lisbon';
    expect(await onClock(start, lisbon)).not.toBe(await onSaoPauloClock(start));

    await page.getByTestId('time-zone-selector').click();
    // (The autocomplete also holds a hidden input for forms.)
    await page.getByTestId('time-zone-select').locator('input:not([type="hidden"])').fill('Lisbon');
    await page.getByRole('option', { name: lisbon, exact: true }).click();
    await expect.poll(() => page.getByTestId('time-zone-current').innerText()).toBe('Lisbon');

    const stageMessage = page.getByTestId('stage-detail-maintenance').getByTestId('stage-message');
    await expect.poll(() => stageMessage.innerText()).toContain(await onClock(start, lisbon));
    expect(await stageMessage.innerText()).not.toContain(await onSaoPauloClock(start));
    const deadline = `prazo ${await onClock(status.decision_deadline!, lisbon)}`;
    expect(await page.getByTestId('event-message').allInnerTexts()).toContainEqual(expect.stringContaining(deadline));

    // The choice is a setting: it survives a reload, and the run's page shows Lisbon time again.
    await page.reload();
    await page.getByTestId('golden-path-run').waitFor();
    await expect.poll(() => stageMessage.innerText(), { timeout: 15_000 }).toContain(await onClock(start, lisbon));
    await watch.settled({ ignoreUrl: /\/events$/ });
    await expectNoServerEnglish('the Golden Path on the Lisbon clock', status);
    await expectHealthyPage(page, watch, 'golden path in pt-BR on the Lisbon clock');
    await saveScreenshot(page, 'pt-BR', 'golden-path-waiting-lisbon');

    // On a phone the app bar keeps every button on screen; the zone is chosen in the settings there.
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await expect.poll(() => page.getByTestId('time-zone-selector').count()).toBe(0);
      for (const id of ['language-selector', 'settings-open']) {
        const box = (await page.getByTestId(id).boundingBox())!;
        expect(box.x + box.width, `${id} inside a 390 px screen`).toBeLessThanOrEqual(390);
      }
      await page.getByTestId('settings-open').click();
      const field = page.getByTestId('settings-time-zone');
      // The chosen zone, whether Vuetify shows it as the input's value or as a selection beside it.
      const shown = () => field.evaluate((el) => `${el.textContent} ${Array.from(el.querySelectorAll('input'), (i) => i.value).join(' ')}`);
      await expect.poll(shown).toContain(lisbon);
      await page.getByTestId('settings-close').click();
      await expect.poll(() => page.getByTestId('settings-dialog').isVisible()).toBe(false);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('keeps the decision, notification and report messages in Portuguese once decided', async () => {
    await page.getByTestId('decision-operator').locator('input').fill('operadora.sp');
    await page.getByTestId('decision-justification').locator('textarea').first().fill('Vibração confirmada na ronda.');
    await page.getByTestId('decision-approved').click();
    await expect
      .poll(() => page.getByTestId('golden-path-status').getAttribute('data-status'), { timeout: 150_000, interval: 200 })
      .toBe('completed');
    await watch.settled({ ignoreUrl: /\/events$/ });
    const status = await runStatus(correlationId);
    const decided = await page.getByTestId('stage-detail-human_decision').getByTestId('stage-message').innerText();
    expect(decided).toBe(
      `${ptBR.decisions.value.approved} por operadora.sp (${ptBR.serverText.decisionSource.update}); ordem ${ptBR.serverText.orderStatus.scheduled}`,
    );
    await expectNoServerEnglish('the Golden Path once decided', status);
    await saveScreenshot(page, 'pt-BR', 'golden-path-completed-sao-paulo');
  });

  it('labels a report and the maintenance feed in Portuguese, with no server English', async () => {
    await openFromNav(page, watch, 'reports', ptBR.nav.reports);
    // Chosen until the field shows it: a click on a menu still opening can leave the default type.
    const chosenType = ptBR.reports.type.maintenance_decisions;
    await expect
      .poll(
        async () => {
          const shown = await page.getByTestId('reports-type').innerText();
          if (!shown.includes(chosenType)) {
            await page.getByTestId('reports-type').click();
            await page.getByRole('option', { name: chosenType, exact: true }).click();
          }
          return shown;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toContain(chosenType);
    await page.getByTestId('reports-generate').click();
    // The preview of another type may still be on screen for a moment: wait for this one's figures.
    await expect
      .poll(() => page.getByTestId('report-preview').innerText(), { timeout: 15_000 })
      .toContain(ptBR.reportText.field.orders_created);
    await watch.settled();
    const preview = await page.getByTestId('report-preview').innerText();
    expect(preview).toContain(ptBR.reportText.heading.decisionsByOperator);
    // Labels and headers are words, never keys; a missing value is a dash, never "null".
    const labels = [
      ...(await page.getByTestId('report-preview').locator('dt').allInnerTexts()),
      ...(await page.getByTestId('report-preview').locator('th').allInnerTexts()),
    ];
    expect(labels.length).toBeGreaterThan(10);
    expect(labels.filter((label) => label.includes('_'))).toEqual([]);
    expect(preview).not.toMatch(/\bnull\b/);
    // The order the run scheduled is in the feed with a Portuguese status and priority.
    const feed = await page.getByTestId('maintenance-feed').innerText();
    expect(feed).toContain(ptBR.workOrders.status.scheduled);
    // Why this technician and window, from the plan's explanation, in Portuguese.
    expect(await page.getByTestId('order-reasons').first().innerText()).toContain('qualificado');
    await expectNoServerEnglish('the Reports page');
    await expectHealthyPage(page, watch, 'reports in pt-BR');
  });
});
