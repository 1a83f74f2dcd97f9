import { csvCell } from '../domain/csv';
import type { ReportBody } from '../domain/report';
import { fieldLabel, headingText, isIsoInstant, isoInZone, type ReportLocale } from '../domain/reportText';
import { ENGLISH_CATALOGUE, reportCatalogue } from './localize';

/**
 * The report's tables as one CSV file: each table is a section (its title on a line of its own,
 * then its header and rows) and sections are separated by an empty line. Cells go through the
 * same quoting and formula-injection guard as every other CSV the API writes.
 *
 * Without a locale it is the stored artifact (column keys, UTC). With one, titles and headers are
 * in the reader's language and instants carry the reader's offset; values stay machine-readable
 * (numbers with a decimal point, enumeration codes), since a CSV is read by programs too.
 */
export function reportCsv(body: ReportBody, loc?: ReportLocale): string {
  const catalogue = loc ? reportCatalogue(loc.lang) : undefined;
  const lines: string[] = [];
  body.tables.forEach((table, i) => {
    if (i > 0) lines.push('');
    lines.push(csvCell(catalogue ? headingText(catalogue, ENGLISH_CATALOGUE, table.title) : table.title));
    lines.push(table.columns.map((c) => csvCell(catalogue ? fieldLabel(catalogue, c) : c)).join(','));
    for (const row of table.rows) {
      lines.push(row.map((cell) => csvCell(loc && isIsoInstant(cell) ? isoInZone(cell, loc.timeZone) : cell)).join(','));
    }
  });
  return lines.join('\r\n') + '\r\n';
}
