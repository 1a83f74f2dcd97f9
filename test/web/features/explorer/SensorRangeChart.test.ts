// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SensorRangeChart from '../../../../web/src/features/explorer/components/SensorRangeChart.vue';
import { useSettingsStore } from '../../../../web/src/features/settings/settings.store';
import { mountWithApp } from '../../mountApp';

const fetchMock = vi.fn<typeof fetch>();

const series = (aggregated: number) => ({
  sensor_id: 's-1',
  sensor_type: 'temperature',
  unit: '°C',
  from: '2025-01-01T00:00:00.000Z',
  to: '2025-03-01T00:00:00.000Z',
  bucket_seconds: 10_800,
  total: 1440,
  aggregated,
  points: [
    { ts: '2025-01-01T01:30:00.000Z', value: 20, min: 18, max: 22, count: 720 },
    { ts: '2025-02-01T01:30:00.000Z', value: 21, min: 19, max: 23, count: 720 },
  ],
  anomalies: [],
});

describe('SensorRangeChart over rolled-up readings', () => {
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    useSettingsStore().apiKey = 'sm_test_key';
  });
  afterEach(() => vi.unstubAllGlobals());

  const mountChart = async (aggregated: number) => {
    fetchMock.mockResolvedValue(new Response(JSON.stringify(series(aggregated)), { headers: { 'Content-Type': 'application/json' } }));
    const wrapper = mountWithApp(SensorRangeChart, {
      props: { sensorId: 's-1', start: '2025-01-01T00:00', end: '2025-03-01T00:00', lastReading: null },
    });
    await flushPromises();
    return wrapper;
  };

  it('says how many of the readings come from the retention aggregates', async () => {
    const wrapper = await mountChart(720);
    expect(wrapper.get('[data-testid="explorer-chart-aggregated"]').text()).toBe(
      '720 from the retention aggregates (raw readings rolled up)',
    );
  });

  it('says nothing of aggregates when every reading is raw', async () => {
    const wrapper = await mountChart(0);
    expect(wrapper.find('[data-testid="explorer-chart-aggregated"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="explorer-chart-range"]').text()).not.toContain('aggregates');
  });
});
