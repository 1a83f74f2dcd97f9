// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import DecisionCard from '../../../../web/src/features/decisions/components/DecisionCard.vue';
import type { PendingDecision } from '../../../../web/src/features/decisions/decisions.api';
import { mountWithApp } from '../../mountApp';

const base: PendingDecision = {
  request_id: 'dr-asset-maintenance-mill-1-7',
  workflow_id: 'asset-maintenance-mill-1-7',
  correlation_id: '7',
  deadline: '2026-03-01T12:00:00.000Z',
  requested_at: '2026-03-01T10:00:00.000Z',
  threshold: null,
  similar_cases: [],
  drift: null,
  order: null,
};

const drifted: PendingDecision = {
  ...base,
  drift: [
    {
      sensor_id: 'mill-1.torque',
      checked_at: '2026-03-01T09:30:00.000Z',
      window_minutes: 1440,
      ks_statistic: 0.6125,
      p_value: 1e-9,
      psi: 1.2345,
    },
  ],
};

describe('DecisionCard drift evidence', () => {
  it('says why a request from drifted inputs waits for a person, with each check in English number format', () => {
    const wrapper = mountWithApp(DecisionCard, { props: { pending: drifted }, timeZone: 'UTC' });
    const box = wrapper.get('[data-testid="decision-drift"]').text();
    expect(box).toContain('Predicted from drifted inputs');
    expect(box).toContain('no timeout policy approves it');
    const line = wrapper.get('[data-testid="decision-drift-mill-1.torque"]').text();
    expect(line).toContain('KS 0.613');
    expect(line).toContain('p-value < 0.001');
    expect(line).toContain('PSI 1.235');
    expect(line).toContain('last 1,440 min');
  });

  it('formats the same figures the Brazilian way in pt-BR', () => {
    const wrapper = mountWithApp(DecisionCard, { props: { pending: drifted }, locale: 'pt-BR', timeZone: 'UTC' });
    expect(wrapper.get('[data-testid="decision-drift"]').text()).toContain('Previsão feita com entradas em deriva');
    const line = wrapper.get('[data-testid="decision-drift-mill-1.torque"]').text();
    expect(line).toContain('KS 0,613');
    expect(line).toContain('valor-p < 0,001');
    expect(line).toContain('PSI 1,235');
    expect(line).toContain('últimos 1.440 min');
  });

  it('shows no drift box for a request whose inputs did not drift', () => {
    const wrapper = mountWithApp(DecisionCard, { props: { pending: base } });
    expect(wrapper.find('[data-testid="decision-drift"]').exists()).toBe(false);
  });
});
