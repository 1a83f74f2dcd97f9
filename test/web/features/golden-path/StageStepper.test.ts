// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import StageStepper from '../../../../web/src/features/golden-path/components/StageStepper.vue';
import type { Stage, StageName } from '../../../../web/src/features/golden-path/golden-path.api';
import { mountWithApp } from '../../mountApp';

function stage(name: StageName, status: Stage['status'], extra: Partial<Stage> = {}): Stage {
  return { name, status, started_at: null, finished_at: null, duration_ms: null, event_count: 0, message: '', ...extra };
}

describe('StageStepper', () => {
  it('shows all seven stages in order, unreported ones as pending', () => {
    const wrapper = mountWithApp(StageStepper, {
      props: { stages: [stage('ingestion', 'complete', { duration_ms: 1250, event_count: 20 })] },
    });
    const steps = wrapper.findAll('[data-testid^="stage-step-"]');
    expect(steps.map((s) => s.attributes('data-testid'))).toEqual([
      'stage-step-ingestion',
      'stage-step-processing',
      'stage-step-anomaly_detection',
      'stage-step-validation',
      'stage-step-prediction',
      'stage-step-maintenance',
      'stage-step-human_decision',
    ]);
    expect(steps.map((s) => s.attributes('data-status'))).toEqual([
      'complete',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
  });

  it('renders each stage status, duration, event count and message from the status document', () => {
    const wrapper = mountWithApp(StageStepper, {
      props: {
        stages: [
          stage('ingestion', 'complete', { duration_ms: 1250, event_count: 20 }),
          stage('processing', 'complete', { duration_ms: 80, event_count: 1 }),
          stage('anomaly_detection', 'running', { message: '3 anomalies so far' }),
          stage('validation', 'failed', { message: 'validator unavailable' }),
        ],
      },
    });
    const ingestion = wrapper.get('[data-testid="stage-detail-ingestion"]');
    expect(ingestion.get('[data-testid="stage-status"]').text()).toBe('Complete');
    expect(ingestion.get('[data-testid="stage-duration"]').text()).toBe('1,250 ms');
    expect(ingestion.get('[data-testid="stage-events"]').text()).toBe('20 events');
    expect(wrapper.get('[data-testid="stage-detail-processing"] [data-testid="stage-events"]').text()).toBe('1 event');
    expect(wrapper.get('[data-testid="stage-detail-prediction"] [data-testid="stage-events"]').text()).toBe('no events');
    const running = wrapper.get('[data-testid="stage-detail-anomaly_detection"]');
    expect(running.attributes('data-status')).toBe('running');
    expect(running.text()).toContain('3 anomalies so far');
    expect(wrapper.get('[data-testid="stage-detail-validation"] [data-testid="stage-status"]').text()).toBe('Failed');
  });

  it('translates stage names and statuses into Brazilian Portuguese', () => {
    const wrapper = mountWithApp(StageStepper, {
      locale: 'pt-BR',
      props: { stages: [stage('human_decision', 'running'), stage('ingestion', 'complete', { duration_ms: 1250, event_count: 2 })] },
    });
    const decision = wrapper.get('[data-testid="stage-detail-human_decision"]');
    expect(decision.text()).toContain('Decisão humana');
    expect(decision.get('[data-testid="stage-status"]').text()).toBe('Em execução');
    const ingestion = wrapper.get('[data-testid="stage-detail-ingestion"]');
    expect(ingestion.get('[data-testid="stage-duration"]').text()).toBe('1.250 ms');
    expect(ingestion.get('[data-testid="stage-events"]').text()).toBe('2 eventos');
  });
});
