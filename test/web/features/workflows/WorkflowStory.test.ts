// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import ptBR from '../../../../locales/pt-BR.json';
import WorkflowStory from '../../../../web/src/features/workflows/components/WorkflowStory.vue';
import { progressFacts } from '../../../../web/src/features/workflows/progressFacts';
import { mountWithApp } from '../../mountApp';

const sp = { locale: 'pt-BR' as const, timeZone: 'America/Sao_Paulo', global: { stubs: { RouterLink: true } } };

function facts(wrapper: ReturnType<typeof mountWithApp>): Record<string, string> {
  return Object.fromEntries(wrapper.findAll('[data-fact]').map((dd) => [dd.attributes('data-fact')!, dd.text()]));
}

describe('WorkflowStory for workflows other than the Golden Path', () => {
  it('tells a CSV import in words: labels, counts in the locale, no raw keys', () => {
    const progress = {
      status: 'completed',
      rows_total: 12000,
      rows_done: 12000,
      inserted: 11990,
      duplicates: 7,
      invalid: 3,
      errors: [{}, {}, {}],
    };
    const wrapper = mountWithApp(WorkflowStory, { props: { progress }, ...sp });
    expect(facts(wrapper)).toEqual({
      rows_total: '12.000',
      rows_done: '12.000',
      inserted: '11.990',
      duplicates: '7',
      invalid: '3',
      errors: '3',
    });
    const text = wrapper.get('[data-testid="workflow-facts"]').text();
    expect(text).toContain(ptBR.workflowFacts.field.rows_total);
    expect(text).not.toMatch(/rows_total|rows total/);
  });

  it('translates enumerations and puts instants and periods on the reader’s clock', () => {
    const progress = {
      status: 'notified',
      sensor_id: 'S-1',
      reasons: ['drift', 'anomaly_burst'],
      report_type: 'system_health',
      period: { from: '2026-12-04T21:00:00.000Z', to: '2026-12-05T21:00:00.000Z' },
      computed: false,
      explanation: { features: [] },
    };
    const wrapper = mountWithApp(WorkflowStory, { props: { progress }, ...sp });
    const shown = facts(wrapper);
    expect(shown.reasons).toBe(`${ptBR.workflowFacts.reason.drift}, ${ptBR.workflowFacts.reason.anomaly_burst}`);
    expect(shown.report_type).toBe(ptBR.reports.type.system_health);
    expect(shown.computed).toBe('não');
    // 21:00 UTC is 18:00 in São Paulo.
    expect(shown.period).toMatch(/^4 de dez\.? de 2026,? 18:00:00 a 5 de dez\.? de 2026,? 18:00:00$/);
    // A structure with no short reading stays in the raw JSON only.
    expect(shown.explanation).toBeUndefined();
  });

  it('words stage and event messages from their codes, keeping the English only without one', () => {
    const progress = {
      stages: [
        {
          name: 'ingestion',
          status: 'complete',
          message: '3 readings ingested',
          code: 'ingested',
          params: { count: 3, sensor: 'S-1', scenario: 'normal' },
        },
      ],
      events: [{ ts: '2026-12-04T21:00:00.000Z', type: 'stage_complete', message: 'Something new', code: 'notACodeYet', params: {} }],
    };
    const wrapper = mountWithApp(WorkflowStory, { props: { progress }, ...sp });
    expect(wrapper.get('[data-testid="workflow-stages"]').text()).toContain('3 leituras gravadas para S-1');
    expect(wrapper.get('[data-testid="workflow-events"]').text()).toContain('Something new');
  });

  it('leaves out what the story already tells and what is empty', () => {
    expect(progressFacts({ status: 'x', report_id: 'r', stages: [], up_to: null, sensor_id: '' })).toEqual([]);
    expect(progressFacts(null)).toEqual([]);
  });
});
