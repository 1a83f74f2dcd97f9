/**
 * A small RFC 4180 reader: quoted fields with doubled quotes, CRLF or LF line ends, an optional
 * UTF-8 BOM. Each record carries the 1-based line it started on, so errors can name it.
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

export function* readCsv(text: string): Generator<CsvRecord> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let fieldStart = true;
    for (;;) {
      if (i >= n) {
        if (quoted) throw new CsvSyntaxError(startLine, 'unterminated quoted field');
        fields.push(field);
        break;
      }
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i += 1;
            const next = text[i];
            if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
              throw new CsvSyntaxError(line, 'unexpected character after a closing quote');
            }
          }
        } else {
          if (c === '\n') line += 1;
          field += c;
          i += 1;
        }
        continue;
      }
      if (c === '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
        i += 1;
      } else if (c === '"') {
        throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
      } else if (c === ',') {
        fields.push(field);
        field = '';
        fieldStart = true;
        i += 1;
      } else if (c === '\n' || c === '\r') {
        fields.push(field);
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line += 1;
        break;
      } else if (c === '\0') {
        throw new CsvSyntaxError(line, 'a NUL byte (is this a binary file?)');
      } else {
        field += c;
        fieldStart = false;
        i += 1;
      }
    }
    // Blank lines separate nothing in CSV; skip them rather than count them as records.
    if (!(fields.length === 1 && fields[0] === '')) yield { line: startLine, fields };
  }
}

/**
 * What makes a spreadsheet (Excel, LibreOffice, Google Sheets) read a text cell as a formula or a
 * DDE call: `=`, `+`, `-`, `@`, and a leading tab or carriage return, which some importers strip
 * before looking at the next character (OWASP "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell, for every CSV the API writes (readings and decisions exports, report artifacts).
 * Numbers stay numbers. Any text that starts like a formula is defused with a leading `'` and always
 * quoted, so neither the formula nor a separator inside it (`,` or a locale's `;`) reaches the
 * spreadsheet. There is no exception for text that merely looks numeric: `-1+cmd|' /C calc'!A0`
 * starts with a minus and a digit, and a spreadsheet evaluates it.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  let s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const neutralised = FORMULA_START.test(s);
  if (neutralised) s = `'${s}`;
  return neutralised || /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}
