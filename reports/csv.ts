import { csvCell } from '../domain/csv';
import type { ReportBody } from '../domain/report';

/**
 * The report's tables as one CSV file: each table is a section (its title on a line of its own,
 * then its header and rows) and sections are separated by an empty line. Cells go through the
 * same quoting and formula-injection guard as every other CSV the API writes.
 */
export function reportCsv(body: ReportBody): string {
  const lines: string[] = [];
  body.tables.forEach((table, i) => {
    if (i > 0) lines.push('');
    lines.push(csvCell(table.title));
    lines.push(table.columns.map(csvCell).join(','));
    for (const row of table.rows) lines.push(row.map(csvCell).join(','));
  });
  return lines.join('\r\n') + '\r\n';
}
