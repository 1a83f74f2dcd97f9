// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import TimeSeriesChart from '../../../web/src/charts/TimeSeriesChart.vue';
import { mountWithApp } from '../mountApp';

/** Readings from 13:00:00 to 13:19:00, one a minute. */
const points = Array.from({ length: 20 }, (_, i) => ({ x: new Date(Date.UTC(2026, 11, 4, 13, i)).toISOString(), y: i % 5 }));

describe('TimeSeriesChart', () => {
  it('labels a time axis at round minutes on the reader’s clock, not at round millisecond counts', () => {
    const wrapper = mountWithApp(TimeSeriesChart, {
      props: { series: [{ name: 'value', points }], label: 'readings' },
      locale: 'pt-BR',
      timeZone: 'America/Sao_Paulo',
    });
    const labels = wrapper.findAll('.axis text').map((t) => t.text());
    const times = labels.filter((l) => /^\d{2}:\d{2}:\d{2}$/.test(l));
    expect(times.length).toBeGreaterThanOrEqual(2);
    // São Paulo is UTC-3: 13:00 UTC reads as 10:00; every tick falls on a whole five minutes.
    for (const time of times) expect(time, labels.join(' ')).toMatch(/^10:[0-5][05]:00$/);
  });
});
