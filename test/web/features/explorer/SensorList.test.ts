// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import SensorList from '../../../../web/src/features/explorer/components/SensorList.vue';
import type { SensorSummary } from '../../../../web/src/features/sensors/sensors.api';
import { mountWithApp } from '../../mountApp';

const sensor = (id: string, staleSince: string | null): SensorSummary => ({
  sensor_id: id,
  sensor_type: 'temperature',
  unit: '°C',
  equipment: null,
  location: null,
  reading_count: 3,
  first_reading: '2026-12-04T20:00:00.000Z',
  last_reading: '2026-12-04T20:05:00.000Z',
  created_at: '2026-12-04T19:00:00.000Z',
  archived_at: null,
  stale_since: staleSince,
});

describe('SensorList', () => {
  it('marks a sensor whose source was declared dead, in Portuguese, and leaves a live one alone', () => {
    const wrapper = mountWithApp(SensorList, {
      props: {
        sensors: [sensor('live', null), sensor('dead', '2026-12-04T21:00:00.000Z')],
        loading: false,
        error: undefined,
        selected: null,
        showArchived: false,
      },
      locale: 'pt-BR',
      timeZone: 'America/Sao_Paulo',
    });
    expect(wrapper.find('[data-testid="explorer-stale-live"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="explorer-stale-dead"]').text()).toBe(
      'Fonte offline desde 04/12/2026, 18:00: o conector informou que ela parou',
    );
  });
});
