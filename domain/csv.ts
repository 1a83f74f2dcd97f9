import type { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { parse as parseText } from 'csv-parse/sync';

/**
 * CSV reading on csv-parse (RFC 4180: quoted fields with doubled quotes, CRLF, LF or CR line
 * ends, an optional UTF-8 BOM). Each record carries the 1-based line it started on, so errors
 * can name it. Blank lines separate nothing in CSV: they are skipped, not counted as records.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const OPTIONS = {
  bom: true,
  skip_empty_lines: true,
  // Callers check widths themselves, so the error names the header's width and the line.
  relax_column_count: true,
  // Files mix line ends; left to detect it, csv-parse keeps the \r of a CRLF after an LF line.
  record_delimiter: ['\r\n', '\n', '\r'],
} satisfies Options;

/** Our wording for csv-parse's syntax errors (tests and API clients see these messages). */
const MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'unterminated quoted field',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field',
  CSV_INVALID_CLOSING_QUOTE: 'unexpected character after a closing quote',
};

/** `endLine` is where csv-parse finished the record; quoted line breaks move its start back. */
function toRecord(fields: string[], endLine: number): CsvRecord {
  const breaks = fields.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  const line = endLine - breaks;
  if (fields.some((f) => f.includes('\0'))) throw new CsvSyntaxError(line, 'a NUL byte (is this a binary file?)');
  return { line, fields };
}

/** csv-parse's errors by shape: its sync and stream entry points each have their own CsvError class. */
function toSyntaxError(err: unknown): unknown {
  if (err instanceof CsvSyntaxError || !(err instanceof Error) || err.constructor.name !== 'CsvError') return err;
  const { code, lines } = err as Error & { code: string; lines?: number };
  return new CsvSyntaxError(lines ?? 1, MESSAGES[code] ?? err.message);
}

/**
 * Visits the records of CSV text already in memory (an upload), in order, without keeping them;
 * `toRecord` stops after that many records (the header counts). A visitor may throw to stop.
 */
export function visitCsv(text: string, visit: (rec: CsvRecord) => void, limit?: { toRecord: number }): void {
  try {
    parseText(text, {
      ...OPTIONS,
      ...(limit ? { to: limit.toRecord } : {}),
      on_record: (fields, context) => {
        visit(toRecord(fields, context.lines));
        return null;
      },
    });
  } catch (err) {
    throw toSyntaxError(err);
  }
}

/** The records of a CSV stream (a file), parsed as the bytes arrive. */
export async function* readCsvStream(input: Readable): AsyncGenerator<CsvRecord> {
  const parser = parse({ ...OPTIONS, info: true });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield toRecord(record, info.lines);
    }
  } catch (err) {
    throw toSyntaxError(err);
  } finally {
    input.unpipe(parser);
    input.destroy();
  }
}

/** Quotes a value when CSV requires it; also defuses spreadsheet formula injection. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}
