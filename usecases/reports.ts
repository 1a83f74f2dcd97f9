import * as db from '../db/reports';
import type { Sql } from '../db/sql';
import { NotFound } from '../domain/errors';

export { generateReport } from '../reports/generate';
export { listReports } from '../db/reports';

/** A stored report; NotFound when there is none. */
export async function getReport(id: string, sql: Sql) {
  const report = await db.getReport(id, sql);
  if (!report) throw new NotFound(`Report ${id} does not exist`);
  return report;
}

/** A report's CSV artifact; NotFound when the report or its CSV is missing. */
export async function getReportCsv(id: string, sql: Sql) {
  const row = await db.getReportCsv(id, sql);
  if (!row?.csv) throw new NotFound(`Report ${id} has no CSV artifact`);
  return { reportType: row.report_type, csv: row.csv };
}

/** A report's PDF artifact; NotFound when the report or its PDF is missing. */
export async function getReportPdf(id: string, sql: Sql) {
  const row = await db.getReportPdf(id, sql);
  if (!row?.pdf) throw new NotFound(`Report ${id} has no PDF artifact`);
  return { reportType: row.report_type, pdf: row.pdf };
}
