// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import SimulationAlarms from '../../../../web/src/features/simulation/components/SimulationAlarms.vue';
import { useSettingsStore } from '../../../../web/src/features/settings/settings.store';
import { mountWithApp } from '../../mountApp';

const fetchMock = vi.fn<typeof fetch>();
const result = {
  status: 'success' as const,
  message: 'ok',
  simulation_id: 'sim-c1',
  events_generated: 300,
  scenario: 'anomaly' as const,
  sensor_id: 'sim-anomaly-001',
  readings_ingested: 300,
  injected: 5,
  first_timestamp: '2026-03-01T10:00:00.000Z',
  last_timestamp: '2026-03-01T10:05:00.000Z',
  correlation_id: 'c1',
};
const alarm = {
  id: '9b1f6a3e-0000-4000-8000-000000000001',
  sensor_id: 'sim-anomaly-001',
  severity: 'high',
  state: 'open',
  start_ts: '2026-03-01T10:03:00.000Z',
  peak_value: 87.5,
  readings: 3,
};

function mountPanel(locale: 'en' | 'pt-BR' = 'en') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
  return mountWithApp(SimulationAlarms, { props: { result }, locale, global: { plugins: [router] } });
}

describe('SimulationAlarms', () => {
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    useSettingsStore().apiKey = 'sm_test_key';
  });
  afterEach(() => vi.unstubAllGlobals());

  it("asks for the alarms of the run's sensor over the run's readings and links each to the Alarms page", async () => {
    fetchMock.mockImplementation(async () => new Response(JSON.stringify([alarm]), { headers: { 'Content-Type': 'application/json' } }));
    const wrapper = mountPanel();
    await flushPromises();
    const url = new URL((fetchMock.mock.calls[0]![0] as Request).url);
    expect(url.pathname).toBe('/api/v1/alarms');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      sensor_id: 'sim-anomaly-001',
      from: '2026-03-01T10:00:00.000Z',
      to: '2026-03-01T10:05:00.001Z',
    });
    const link = wrapper.get(`[data-testid="simulation-alarm-${alarm.id}"] a`);
    expect(link.attributes('href')).toBe(`/alarms?alarm=${alarm.id}`);
    expect(wrapper.text()).toContain('Peak 87.5 over 3 readings');
    expect(wrapper.text()).toContain('High');
    wrapper.unmount();
  });

  it('says so, in Brazilian Portuguese too, when the readings raised no alarm', async () => {
    fetchMock.mockImplementation(async () => new Response('[]', { headers: { 'Content-Type': 'application/json' } }));
    const wrapper = mountPanel('pt-BR');
    await flushPromises();
    expect(wrapper.text()).toContain('Nenhum alarme gerado por estas leituras (ainda).');
    expect(wrapper.find('[data-testid^="simulation-alarm-"]').exists()).toBe(false);
    wrapper.unmount();
  });
});
