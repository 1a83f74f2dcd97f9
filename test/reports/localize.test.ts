import { describe, expect, it } from 'vitest';
import type { Chart, ReportBody } from '../../domain/report';
import { isTimeZone, isoInZone, langFromAcceptLanguage } from '../../domain/reportText';
import { addCase, emptyTally, shadowReportBody } from '../../domain/shadowEvaluation';
import en from '../../locales/en.json';
import { reportCsv } from '../../reports/csv';
import { reportPresentation } from '../../reports/localize';
import { lineChartXs, renderReportPdf } from '../../reports/pdf';
import ptBR from '../../locales/pt-BR.json';
import { pdfText } from '../support/pdfText';

const body: ReportBody = {
  title: 'System health',
  period: { from: '2024-05-01T00:00:00.000Z', to: '2024-05-02T00:00:00.000Z' },
  summary: { readings: 1234, sensors_stale_24h: 2, notification_failure_rate: 0.125, last_reading: null, drift_detected: 'yes' },
  charts: [
    {
      id: 'readings',
      title: 'Readings per hour',
      type: 'line',
      series: [{ name: 'readings', points: [0, 1, 2].map((h) => ({ x: `2024-05-01T0${h}:00:00.000Z`, y: h })) }],
    },
  ],
  tables: [
    {
      title: 'Sensors',
      columns: ['sensor_id', 'readings', 'last_reading', 'latest_drift_status'],
      rows: [['pump_1', 3, '2024-05-01T12:30:00.000Z', 'ok']],
    },
  ],
};

const meta = { id: 'r-1', createdAt: new Date('2024-05-02T00:00:00Z') };

describe('report PDF language', () => {
  it('writes headings, labels and instants in Portuguese on the São Paulo clock', async () => {
    const text = pdfText(await renderReportPdf(body, meta, { lang: 'pt-BR', timeZone: 'America/Sao_Paulo' }));
    expect(text).toContain('Saúde do sistema');
    expect(text).toContain('Números principais');
    expect(text).toContain('Sensores em silêncio há 24 h');
    expect(text).toContain('Leituras por hora');
    expect(text).toContain('Período: 30/04/2024, 21:00 a 01/05/2024, 21:00 (America/Sao_Paulo)');
    // 12:30 UTC is 09:30 in São Paulo; the rate has a decimal comma; "yes" is a word.
    expect(text).toContain('01/05/2024, 09:30');
    expect(text).toContain('0,125');
    expect(text).toContain('sim');
    expect(text).toContain('página 1 de 1');
    for (const english of ['Key figures', 'Period', 'Charts', 'sensor_id', 'sensors_stale_24h', 'null', 'page 1']) {
      expect(text).not.toContain(english);
    }
  });

  it('writes labels, never keys, in English too', async () => {
    const text = pdfText(await renderReportPdf(body, meta));
    expect(text).toContain('Key figures');
    expect(text).toContain('Sensors silent for 24 h');
    expect(text).toContain('Period: 05/01/2024, 12:00 AM to 05/02/2024, 12:00 AM (UTC)');
    expect(text).not.toContain('sensor_id');
    expect(text).not.toContain('sensors_stale_24h');
  });
});

describe('report CSV language', () => {
  it('keeps the stored form (keys, UTC) without a locale', () => {
    expect(reportCsv(body)).toBe(
      'Sensors\r\nsensor_id,readings,last_reading,latest_drift_status\r\npump_1,3,2024-05-01T12:30:00.000Z,ok\r\n',
    );
  });

  it('translates the title and headers and gives instants the zone’s offset, values staying machine-readable', () => {
    expect(reportCsv(body, { lang: 'pt-BR', timeZone: 'America/Sao_Paulo' })).toBe(
      'Sensores\r\nSensor,Leituras,Última leitura,Última situação de deriva\r\npump_1,3,2024-05-01T09:30:00-03:00,ok\r\n',
    );
  });
});

describe('an instant among the key figures', () => {
  const withLastReading: ReportBody = { ...body, summary: { ...body.summary, last_reading: '2024-05-01T18:45:00.000Z' } };

  it('is on the reader clock in the PDF and in the presentation the dashboard receives, never raw ISO', async () => {
    const loc = { lang: 'pt-BR', timeZone: 'America/Sao_Paulo' } as const;
    const text = pdfText(await renderReportPdf(withLastReading, meta, loc));
    // 18:45 UTC is 15:45 in São Paulo.
    expect(text).toContain('01/05/2024, 15:45');
    expect(text).not.toContain('2024-05-01T18:45');
    expect(reportPresentation(withLastReading, loc).summary.find((s) => s.key === 'last_reading')!.value).toBe('01/05/2024, 15:45');
    const kolkata = reportPresentation(withLastReading, { lang: 'en', timeZone: 'Asia/Kolkata' });
    expect(kolkata.summary.find((s) => s.key === 'last_reading')!.value).toBe('05/02/2024, 12:15 AM');
  });
});

describe('report presentation', () => {
  it('labels every summary key and shows a missing value as a dash, never "null" or a snake_case key', () => {
    const p = reportPresentation(body, { lang: 'pt-BR', timeZone: 'America/Sao_Paulo' });
    expect(p.title).toBe('Saúde do sistema');
    expect(p.summary.map((s) => s.label)).toEqual([
      'Leituras',
      'Sensores em silêncio há 24 h',
      'Taxa de falha dos avisos',
      'Última leitura',
      'Deriva detectada',
    ]);
    expect(p.summary.map((s) => s.value)).toEqual(['1.234', '2', '0,125', '—', 'sim']);
    expect(p.tables[0]!.columns).toEqual(['Sensor', 'Leituras', 'Última leitura', 'Última situação de deriva']);
    expect(p.charts[0]!.title).toBe('Leituras por hora');
  });

  it("words a run report's decision and order status, and its title with the run's id", () => {
    const run: ReportBody = {
      ...body,
      title: 'Run report golden-path-1',
      summary: { decision: 'rejected', decided_by: 'ana', decision_source: 'api', order_status: 'rejected', drift_detected: null },
    };
    const p = reportPresentation(run, { lang: 'pt-BR', timeZone: 'America/Sao_Paulo' });
    expect(p.title).toBe('Relatório da execução golden-path-1');
    expect(p.summary.map((s) => `${s.label}: ${s.value}`)).toEqual([
      `Decisão: ${ptBR.decisions.value.rejected}`,
      'Decidido por: ana',
      'Origem da decisão: pela API',
      'Situação da ordem: rejeitada',
      'Deriva detectada: —',
    ]);
  });

  it('words a shadow evaluation in Portuguese: title, labels, tables and verdict, no English key left', () => {
    const tally = addCase(emptyTally(), {
      id: 'p-1',
      at: '2024-05-01T12:00:00.000Z',
      production: 0,
      production_probability: 0.2,
      candidate: 1,
      candidate_probability: 0.8,
      human: 'approved',
    });
    const shadow = shadowReportBody({
      candidate: { name: 'failure-gbm', version: '1.4.0' },
      production: { versions: ['1.3.0'] },
      period: body.period,
      costs: { missed_failure: 1000, extra_order: 100 },
      tally,
    });
    const p = reportPresentation(shadow, { lang: 'pt-BR', timeZone: 'America/Sao_Paulo' });
    expect(p.title).toBe('Avaliação sombra de failure-gbm 1.4.0');
    expect(p.tables.map((t) => t.title)).toEqual([
      'Comparação com as decisões humanas e custo estimado',
      'Casos alterados (primeiros 200)',
    ]);
    expect(p.summary.find((s) => s.key === 'winner')!.value).toBe('Candidata');
    // Every label has a Portuguese word, none falls back to the key in English words.
    const labels = [...p.summary.map((s) => s.label), ...p.tables.flatMap((t) => t.columns)];
    const englishFallbacks = [...Object.keys(shadow.summary), ...shadow.tables.flatMap((t) => t.columns)].filter(
      (key) => !(key in ptBR.reportText.field) || !(key in en.reportText.field),
    );
    expect(englishFallbacks).toEqual([]);
    expect(labels.filter((l) => l.includes('_'))).toEqual([]);
  });

  it('labels a key it has no word for in plain words', () => {
    const p = reportPresentation({ ...body, summary: { brand_new_figure: 1 } }, { lang: 'en', timeZone: 'UTC' });
    expect(p.summary[0]!.label).toBe('Brand new figure');
  });
});

describe('line chart time axis', () => {
  // Readings a minute apart from 21:00, then a gap, then 21:26 and 21:28: the two anomalies.
  const readingTimes = [
    ...Array.from({ length: 10 }, (_, i) => `2026-12-04T21:0${i}:00.000Z`),
    '2026-12-04T21:26:00.000Z',
    '2026-12-04T21:28:00.000Z',
  ];
  const chart: Chart = {
    id: 'readings',
    title: 'Readings and anomalies',
    type: 'line',
    series: [
      { name: 'value', points: readingTimes.map((x, i) => ({ x, y: i })) },
      { name: 'anomaly', kind: 'points', points: readingTimes.slice(10).map((x) => ({ x, y: 9 })) },
    ],
  };

  it('places anomaly marks at their timestamps, not at their position in the series', () => {
    const { timeAxis, xs } = lineChartXs(chart, { left: 100, width: 280 });
    expect(timeAxis).toBe(true);
    // 21:26 is 26 of the 28 minutes along; by point order it would have been the first mark, at the left edge.
    expect(xs[1]![0]).toBeCloseTo(100 + (26 / 28) * 280, 6);
    expect(xs[1]![1]).toBeCloseTo(380, 6);
    // The marks sit exactly on the readings they flag.
    expect(xs[1]).toEqual(xs[0]!.slice(10));
    // Evenly spaced by order, the eleventh reading would sit at 10/11 of the width; by time it is further right.
    expect(xs[0]![9]).toBeCloseTo(100 + (9 / 28) * 280, 6);
  });

  it('falls back to order for categories that are not instants', () => {
    const { timeAxis, xs } = lineChartXs(
      { ...chart, series: [{ name: 'v', points: ['a', 'b', 'c'].map((x, y) => ({ x, y })) }] },
      { left: 0, width: 100 },
    );
    expect(timeAxis).toBe(false);
    expect(xs[0]).toEqual([0, 50, 100]);
  });
});

describe('reader locale', () => {
  it('takes the most preferred supported language from Accept-Language', () => {
    expect(langFromAcceptLanguage('pt-BR,pt;q=0.9,en;q=0.8')).toBe('pt-BR');
    expect(langFromAcceptLanguage('en-US,en;q=0.9,pt;q=0.8')).toBe('en');
    expect(langFromAcceptLanguage('fr-FR, pt-PT;q=0.5')).toBe('pt-BR');
    expect(langFromAcceptLanguage('de;q=1, en;q=0')).toBe('en');
    expect(langFromAcceptLanguage(undefined)).toBe('en');
  });

  it('accepts IANA zone names and refuses anything else', () => {
    expect(['UTC', 'America/Sao_Paulo', 'Europe/Lisbon'].map(isTimeZone)).toEqual([true, true, true]);
    expect(['Mars/Olympus', '', 'America/Sao Paulo', 'x'.repeat(65)].map(isTimeZone)).toEqual([false, false, false, false]);
  });

  it('writes an instant with the zone’s offset, summer time included', () => {
    expect(isoInZone('2024-05-01T12:30:00.000Z', 'America/Sao_Paulo')).toBe('2024-05-01T09:30:00-03:00');
    expect(isoInZone('2024-07-01T12:30:00.000Z', 'Europe/Lisbon')).toBe('2024-07-01T13:30:00+01:00');
    expect(isoInZone('2024-07-01T12:30:00.000Z', 'UTC')).toBe('2024-07-01T12:30:00Z');
  });
});
