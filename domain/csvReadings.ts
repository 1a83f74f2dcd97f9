import type { NewReading } from './reading';
import { readingRow, type ReadingRowContext } from './readingRow';
import { CsvSyntaxError, readCsvText, type CsvRecord } from './csv';

/** Columns a readings CSV may have; `sensor_id` and `value` are required. */
export const CSV_COLUMNS = ['sensor_id', 'value', 'timestamp', 'sensor_type', 'unit', 'quality', 'correlation_id'] as const;
const REQUIRED = ['sensor_id', 'value'] as const;

/** A refused CSV record: its 1-based line in the file, the field and why. */
export interface CsvLineError {
  line: number;
  field: string;
  message: string;
}

export interface CsvLayout {
  header: string[];
  /** Number of data records (excluding the header). */
  records: number;
}

/**
 * Checks the file's structure: a header naming known columns (sensor_id and value required),
 * every record parseable and as wide as the header. Throws with the offending line.
 */
export async function inspectCsv(text: string): Promise<CsvLayout> {
  let header: string[] | undefined;
  let records = 0;
  for await (const rec of readCsvText(text)) {
    if (!header) {
      header = checkHeader(rec);
      continue;
    }
    if (rec.fields.length !== header.length) {
      throw new CsvSyntaxError(rec.line, `has ${rec.fields.length} fields, the header has ${header.length}`);
    }
    records += 1;
  }
  if (!header) throw new CsvSyntaxError(1, 'the file has no header');
  if (records === 0) throw new CsvSyntaxError(2, 'the file has a header but no data rows');
  return { header, records };
}

function checkHeader(rec: CsvRecord): string[] {
  const header = rec.fields.map((f) => f.trim().toLowerCase());
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) throw new CsvSyntaxError(1, `unknown column(s): ${unknown.join(', ')}; allowed: ${CSV_COLUMNS.join(', ')}`);
  const missing = REQUIRED.filter((r) => !header.includes(r));
  if (missing.length) throw new CsvSyntaxError(1, `missing required column(s): ${missing.join(', ')}`);
  if (new Set(header).size !== header.length) throw new CsvSyntaxError(1, 'a column appears twice');
  return header;
}

/**
 * Converts one record to its row by the mapping every ingest path shares, or to the errors that
 * name its line and field (the same fields and messages the REST API answers with).
 */
export function recordToRow(
  header: string[],
  rec: CsvRecord,
  ctx: ReadingRowContext,
): { ok: true; row: NewReading } | { ok: false; errors: CsvLineError[] } {
  const verdict = readingRow(recordToInput(header, rec), ctx);
  if (verdict.ok) return verdict;
  return { ok: false, errors: verdict.errors.map((e) => ({ line: rec.line, field: e.field || '(row)', message: e.message })) };
}

/** A record as the JSON body the API would receive: numbers parsed, empty cells left out. */
function recordToInput(header: string[], rec: CsvRecord): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  header.forEach((h, idx) => {
    const raw = rec.fields[idx]?.trim() ?? '';
    if (raw === '') return;
    obj[h] = h === 'value' || h === 'quality' ? numberOrText(raw) : raw;
  });
  return obj;
}

function numberOrText(raw: string): number | string {
  // Number('') is 0 and Number('0x10') is 16: accept only plain decimal notation.
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : raw;
}

/** The data records whose index (0-based, header excluded) lies in [from, to); parsing stops at `to`. */
export async function* recordsInRange(
  text: string,
  from: number,
  to: number,
): AsyncGenerator<{ index: number; rec: CsvRecord; header: string[] }> {
  let header: string[] | undefined;
  let index = 0;
  for await (const rec of readCsvText(text)) {
    if (!header) {
      header = rec.fields.map((f) => f.trim().toLowerCase());
      continue;
    }
    if (index >= to) return;
    if (index >= from) yield { index, rec, header };
    index += 1;
  }
}
