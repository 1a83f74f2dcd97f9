// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import SummaryList from '../../../../web/src/features/reports/components/SummaryList.vue';
import { mountWithApp } from '../../mountApp';

describe('SummaryList', () => {
  it('shows an instant of the summary on the reader clock and in their locale, never as a raw ISO string', () => {
    const wrapper = mountWithApp(SummaryList, {
      props: { summary: { last_reading: '2026-12-04T21:00:00.000Z', readings: 1234 } },
      locale: 'pt-BR',
      timeZone: 'America/Sao_Paulo',
    });
    const shown = wrapper.find('[data-key="last_reading"]').text();
    expect(shown).toMatch(/^04\/12\/2026,? 18:00/);
    expect(shown).not.toContain('2026-12-04T');
    expect(wrapper.find('dt').text()).toBe('Última leitura');
  });

  it('uses the zone the user chose, here one half an hour off the hour', () => {
    const wrapper = mountWithApp(SummaryList, {
      props: { summary: { last_reading: '2026-12-04T21:00:00.000Z' } },
      locale: 'en',
      timeZone: 'Asia/Kolkata',
    });
    expect(wrapper.find('[data-key="last_reading"]').text()).toMatch(/12\/05\/2026,? 02:30/);
  });
});
