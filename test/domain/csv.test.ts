import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsvStream, readCsvText, type CsvRecord } from '../../domain/csv';
import { inspectCsv, recordsInRange } from '../../domain/csvReadings';

const records = async (text: string) => {
  const out: CsvRecord[] = [];
  for await (const r of readCsvText(text)) out.push(r);
  return out;
};
const syntaxError = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { line: err.line, message: err.message };
    throw err;
  }
  throw new Error('no CsvSyntaxError');
};

describe('readCsvText', () => {
  it('numbers each record by the line it starts on, across a BOM, quoted line breaks, blank lines and mixed line ends', async () => {
    const text = '\ufeffa,b\r\n1,"x\ny"\n\n"say ""hi""",4\r5,6\n';
    expect(await records(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x\ny'] },
      { line: 5, fields: ['say "hi"', '4'] },
      { line: 6, fields: ['5', '6'] },
    ]);
  });

  it('reads text longer than one slice without splitting a character', async () => {
    const cell = 'é😀'.repeat(40_000);
    expect(await records(`a,b\n${cell},1\n`)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: [cell, '1'] },
    ]);
  });

  it('names the line and the fault of a malformed file', async () => {
    expect(await syntaxError(() => records('a,b\n1,2\n1,"2\n'))).toEqual({ line: 3, message: 'line 3: unterminated quoted field' });
    expect(await syntaxError(() => records('a,b\n1,x"y\n'))).toEqual({ line: 2, message: 'line 2: a quote inside an unquoted field' });
    expect(await syntaxError(() => records('a,b\n1,"x"y\n'))).toEqual({
      line: 2,
      message: 'line 2: unexpected character after a closing quote',
    });
    expect(await syntaxError(() => records('a,b\n1,\0\n'))).toEqual({ line: 2, message: 'line 2: a NUL byte (is this a binary file?)' });
  });
});

describe('readCsvStream', () => {
  it('reads records split across chunks with the lines they start on', async () => {
    const out: CsvRecord[] = [];
    for await (const r of readCsvStream(Readable.from(['a,b\r\n1,"x', '\ny"\n\n3,4\n']))) out.push(r);
    expect(out).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x\ny'] },
      { line: 5, fields: ['3', '4'] },
    ]);
  });

  it('turns a syntax error into a CsvSyntaxError naming the line', async () => {
    const read = async () => {
      for await (const r of readCsvStream(Readable.from(['a,b\n1,"x']))) void r;
    };
    await expect(read()).rejects.toMatchObject({ line: 2, message: 'line 2: unterminated quoted field' });
  });
});

describe('inspectCsv', () => {
  it('counts data records and normalises the header', async () => {
    expect(await inspectCsv(' Sensor_ID ,VALUE\ns1,1\n\ns1,2\n')).toEqual({ header: ['sensor_id', 'value'], records: 2 });
  });

  it('refuses a record wider or narrower than the header, naming its line', async () => {
    expect(await syntaxError(() => inspectCsv('sensor_id,value\ns1,1\ns1\n'))).toEqual({
      line: 3,
      message: 'line 3: has 1 fields, the header has 2',
    });
  });

  it('refuses an empty file, unknown columns and a header without rows', async () => {
    expect(await syntaxError(() => inspectCsv(''))).toEqual({ line: 1, message: 'line 1: the file has no header' });
    expect((await syntaxError(() => inspectCsv('sensor_id,value,colour\n'))).message).toMatch(/^line 1: unknown column\(s\): colour/);
    expect(await syntaxError(() => inspectCsv('sensor_id,value\n'))).toEqual({
      line: 2,
      message: 'line 2: the file has a header but no data rows',
    });
  });
});

describe('recordsInRange', () => {
  it('returns the data records [from, to) with their index and line', async () => {
    const got = [];
    for await (const r of recordsInRange('sensor_id,value\ns,0\ns,1\n\ns,2\ns,3\n', 1, 3)) got.push(r);
    expect(got.map((r) => [r.index, r.rec.line, r.rec.fields[1]])).toEqual([
      [1, 3, '1'],
      [2, 5, '2'],
    ]);
  });
});
