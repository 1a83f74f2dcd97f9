// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import FleetIndicator from '../../../../web/src/features/fleet/components/FleetIndicator.vue';
import { useFleetStore } from '../../../../web/src/features/fleet/fleet.store';
import { mountWithApp } from '../../mountApp';

const store = useFleetStore();
const fleet = (active: boolean[]) => ({
  task_queue: 'smart-maintenance-main',
  checked_at: '2026-12-06T10:00:00.000Z',
  active_workers: active.filter(Boolean).length,
  workers: active.map((a, i) => ({
    identity: `${100 + i}@host`,
    queues: ['workflow' as const, 'activity' as const],
    last_poll_at: a ? '2026-12-06T09:59:58.000Z' : '2026-12-06T09:57:00.000Z',
    active: a,
  })),
});

afterEach(() => {
  store.fleet = undefined;
  store.failed = false;
});

describe('FleetIndicator', () => {
  it('counts only the active workers, in English and in Brazilian Portuguese', () => {
    store.fleet = fleet([true, false, true]);
    const en = mountWithApp(FleetIndicator);
    const button = en.get('[data-testid="fleet-indicator"]');
    expect(button.attributes('data-active')).toBe('2');
    expect(button.text()).toBe('2 workers');
    expect(button.attributes('aria-label')).toBe('Workers polling: 2');
    expect(mountWithApp(FleetIndicator, { locale: 'pt-BR' }).get('[data-testid="fleet-indicator"]').text()).toBe('2 workers');
  });

  it('says when no worker polls, and stays neutral before the first answer', () => {
    store.fleet = fleet([false]);
    expect(mountWithApp(FleetIndicator).get('[data-testid="fleet-indicator"]').text()).toBe('no workers');
    expect(mountWithApp(FleetIndicator, { locale: 'pt-BR' }).get('[data-testid="fleet-indicator"]').text()).toBe('nenhum worker');
    store.fleet = undefined;
    const unknown = mountWithApp(FleetIndicator).get('[data-testid="fleet-indicator"]');
    expect(unknown.text()).toBe('Workers');
    expect(unknown.attributes('data-active')).toBe('');
  });
});
