import { describe, expect, it } from 'vitest';
import { reportCsv } from '../../reports/csv';
import type { ReportBody } from '../../domain/report';

const base: Omit<ReportBody, 'tables'> = { title: 't', period: { from: 'a', to: 'b' }, summary: {}, charts: [] };

describe('reportCsv', () => {
  it('writes each table as a titled section, separated by an empty line', () => {
    const csv = reportCsv({
      ...base,
      tables: [
        {
          title: 'Sensors',
          columns: ['sensor_id', 'readings'],
          rows: [
            ['pump-1', 3],
            ['pump-2', null],
          ],
        },
        { title: 'By hour', columns: ['hour', 'n'], rows: [['2024-05-01T00:00:00.000Z', 0]] },
      ],
    });
    expect(csv).toBe('Sensors\r\nsensor_id,readings\r\npump-1,3\r\npump-2,\r\n\r\nBy hour\r\nhour,n\r\n2024-05-01T00:00:00.000Z,0\r\n');
  });

  it('quotes commas, quotes and newlines, and defuses spreadsheet formulas', () => {
    const csv = reportCsv({
      ...base,
      tables: [{ title: 'Notes, quoted', columns: ['note'], rows: [['say "hi"'], ['two\nlines'], ['=HYPERLINK("x")'], [-1.5]] }],
    });
    expect(csv.split('\r\n')).toEqual(['"Notes, quoted"', 'note', '"say ""hi"""', '"two\nlines"', `"'=HYPERLINK(""x"")"`, '-1.5', '']);
  });
});
