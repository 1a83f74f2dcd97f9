// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import en from '../../../../locales/en.json';
import EventsPanel from '../../../../web/src/features/golden-path/components/EventsPanel.vue';
import type { RunEvent } from '../../../../web/src/features/golden-path/golden-path.api';
import { mountWithApp } from '../../mountApp';

const requested: RunEvent = {
  ts: '2026-12-04T20:55:00.000Z',
  type: 'decision_requested',
  stage: 'human_decision',
  message: 'Decision dr-1 requested; deadline 12/04/2026, 09:00 PM UTC',
  code: 'decisionRequested',
  params: { request: 'dr-1', deadline: '2026-12-04T21:00:00.000Z' },
};

describe('EventsPanel', () => {
  it('shows the event code and message in Portuguese, the deadline on the São Paulo clock', () => {
    const wrapper = mountWithApp(EventsPanel, { props: { events: [requested] }, locale: 'pt-BR', timeZone: 'America/Sao_Paulo' });
    expect(wrapper.get('[data-testid="event-type"]').text()).toBe('Decisão solicitada');
    expect(wrapper.get('[data-testid="event-message"]').text()).toBe('Decisão dr-1 solicitada; prazo 04/12/2026, 18:00 BRT');
    expect(wrapper.text()).not.toContain('decision_requested');
    expect(wrapper.text()).not.toContain('2026-12-04T21:00');
  });

  it('pluralises through the locale files', () => {
    const ingested = (count: number): RunEvent => ({
      ts: '2026-12-04T20:00:00.000Z',
      type: 'stage_complete',
      stage: 'ingestion',
      message: '',
      code: 'ingested',
      params: { count, sensor: 'S-1', scenario: 'normal' },
    });
    const wrapper = mountWithApp(EventsPanel, { props: { events: [ingested(1), ingested(2)] }, locale: 'pt-BR' });
    expect(wrapper.findAll('[data-testid="event-message"]').map((m) => m.text())).toEqual([
      '2 leituras gravadas para S-1 (Operação normal)',
      '1 leitura gravada para S-1 (Operação normal)',
    ]);
  });

  it('falls back to the server’s text for a code it does not know', () => {
    const wrapper = mountWithApp(EventsPanel, {
      props: { events: [{ ...requested, type: 'something_new', code: 'fromANewerServer', message: 'as sent' }] },
    });
    expect(wrapper.get('[data-testid="event-message"]').text()).toBe('as sent');
    expect(wrapper.get('[data-testid="event-type"]').text()).toBe('something new');
    expect(en.serverText.events.decision_requested).toBe('Decision requested');
  });
});
