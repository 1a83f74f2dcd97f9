import { describe, expect, it } from 'vitest';
import { alarmKpis } from '../../domain/alarmKpis';
import { reportPdf } from '../../usecases/alarmReport';
import { pdfText } from '../support/pdfText';

const from = Date.parse('2026-03-01T00:00:00Z');
const at = (minutes: number) => from + minutes * 60_000;
// Twelve alarms of pump-1 in the first ten minutes (a flood), one of fan-2 acknowledged after 90 s.
const kpis = alarmKpis(
  [
    ...Array.from({ length: 12 }, (_, i) => ({
      sensorId: 'pump-1',
      start: at(i * 0.5),
      acknowledgedAt: null,
      createdAt: at(i * 0.5),
      resolvedAt: at(i * 0.5 + 1),
      historical: false,
    })),
    { sensorId: 'fan-2', start: at(120), acknowledgedAt: at(121.5), createdAt: at(120), resolvedAt: null, historical: false },
  ],
  { from, to: at(24 * 60), operators: 1, now: at(24 * 60) },
);
const meta = { id: 'req-1', createdAt: new Date('2026-03-02T00:00:00Z') };

describe('alarm performance report as PDF', () => {
  it('draws the KPIs, their benchmarks and the top contributors with labels, never keys', async () => {
    const pdf = await reportPdf(kpis, meta);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const shown of [
      'Alarm performance',
      'Alarm performance figures',
      'Peak alarms in 10 minutes',
      'Top contributors',
      'pump-1',
      'fan-2',
    ]) {
      expect(text).toContain(shown);
    }
    expect(text).toContain('<= 144 (EEMUA 191, IEC 62682)');
    expect(text).not.toContain('peak_alarms_10_minutes');
    expect(text).not.toContain('sensor_id');
  });

  it('speaks Brazilian Portuguese when asked', async () => {
    const text = pdfText(await reportPdf(kpis, { ...meta, loc: { lang: 'pt-BR', timeZone: 'America/Sao_Paulo' } }));
    for (const shown of ['Desempenho de alarmes', 'Pico de alarmes em 10 minutos', 'Maiores contribuintes', 'Alarmes por dia']) {
      expect(text).toContain(shown);
    }
    expect(text).not.toContain('Alarm performance');
  });
});
