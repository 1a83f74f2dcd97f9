import { describe, expect, it } from 'vitest';
import { niceMax, renderReportPdf } from '../../reports/pdf';
import type { ReportBody } from '../../domain/report';

const body = (rows: number): ReportBody => ({
  title: 'System health',
  period: { from: '2024-05-01T00:00:00.000Z', to: '2024-05-02T00:00:00.000Z' },
  summary: { readings: 1234, sensors_reporting: 3, notification_failure_rate: 0.125, last_reading: null },
  charts: [
    {
      id: 'readings',
      title: 'Readings per hour',
      type: 'line',
      series: [
        {
          name: 'readings',
          points: Array.from({ length: 24 }, (_, h) => ({ x: `2024-05-01T${String(h).padStart(2, '0')}:00:00.000Z`, y: h * 3 })),
        },
      ],
    },
    {
      id: 'by_method',
      title: 'Anomalies by method',
      type: 'bar',
      series: [
        {
          name: 'anomalies',
          points: [
            { x: 'robust_z', y: 4 },
            { x: 'isolation_forest', y: 9 },
          ],
        },
      ],
    },
    { id: 'empty', title: 'Nothing', type: 'bar', series: [{ name: 'none', points: [] }] },
  ],
  tables: [{ title: 'Sensors', columns: ['sensor_id', 'readings'], rows: Array.from({ length: rows }, (_, i) => [`pump-${i}`, i]) }],
});

/** Page objects in the PDF's object table; pdfkit writes each page as `/Type /Page`. */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('renderReportPdf', () => {
  it('produces a PDF document with a header, an EOF marker and the title in its info', async () => {
    const pdf = await renderReportPdf(body(5), { id: 'r-1', createdAt: new Date('2024-05-02T00:00:00Z') });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    // pdfkit writes the info strings as indirect objects: `/Title 14 0 R` … `14 0 obj\n(System health)`.
    expect(pdf.toString('latin1')).toMatch(/\/Title \d+ 0 R/);
    expect(pdf.toString('latin1')).toContain('(System health)');
    // The page tree's /Count agrees with the page objects: the header, key figures and three charts fill two A4 pages.
    expect(Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1])).toBe(pageCount(pdf));
    expect(pageCount(pdf)).toBe(2);
  });

  it('continues a long table on further pages and numbers every page', async () => {
    const short = await renderReportPdf(body(5), { id: 'r-1', createdAt: new Date('2024-05-02T00:00:00Z') });
    const long = await renderReportPdf(body(250), { id: 'r-2', createdAt: new Date('2024-05-02T00:00:00Z') });
    expect(pageCount(long)).toBeGreaterThanOrEqual(4);
    expect(pageCount(long)).toBeGreaterThan(pageCount(short));
  });
});

describe('niceMax', () => {
  it('rounds an axis maximum up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.3, 1, 7, 12, 180, 201].map(niceMax)).toEqual([1, 0.5, 1, 10, 20, 200, 500]);
  });
});
