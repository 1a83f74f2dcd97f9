import * as db from '../db/reports';
import type { Sql } from '../db/sql';
import { NotFound } from '../domain/errors';
import { DEFAULT_REPORT_LOCALE, langFromAcceptLanguage, type ReportLang, type ReportLocale } from '../domain/reportText';
import { reportCsv } from '../reports/csv';
import { reportPresentation } from '../reports/localize';
import { renderReportPdf } from '../reports/pdf';

export { generateReport } from '../reports/generate';
export { listReports } from '../db/reports';

/**
 * The reader's language and zone for a report: the `lang` parameter, else the Accept-Language
 * header; the `tz` parameter, else UTC. Undefined when the request asks for neither and prefers
 * English (or says nothing): that reader gets the stored artifacts, byte for byte as before.
 */
export function requestedReportLocale(q: { lang?: ReportLang; tz?: string; acceptLanguage?: string }): ReportLocale | undefined {
  const lang = q.lang ?? (q.acceptLanguage ? langFromAcceptLanguage(q.acceptLanguage) : undefined);
  if (!q.lang && !q.tz && (lang ?? 'en') === 'en') return undefined;
  return { lang: lang ?? 'en', timeZone: q.tz ?? DEFAULT_REPORT_LOCALE.timeZone };
}

/** A stored report with its labels and values in the reader's words; NotFound when there is none. */
export async function getReport(id: string, sql: Sql, loc: ReportLocale = DEFAULT_REPORT_LOCALE) {
  const report = await db.getReport(id, sql);
  if (!report) throw new NotFound(`Report ${id} does not exist`);
  return { ...report, presentation: reportPresentation(report.body, loc) };
}

/** A report's CSV: the stored artifact, or rendered for the reader; NotFound when the report or its CSV is missing. */
export async function getReportCsv(id: string, sql: Sql, loc?: ReportLocale) {
  if (loc) {
    const report = await db.getReport(id, sql);
    if (!report) throw new NotFound(`Report ${id} does not exist`);
    return { reportType: report.report_type, csv: reportCsv(report.body, loc) };
  }
  const row = await db.getReportCsv(id, sql);
  if (!row?.csv) throw new NotFound(`Report ${id} has no CSV artifact`);
  return { reportType: row.report_type, csv: row.csv };
}

/** A report's PDF: the stored artifact, or rendered for the reader; NotFound when the report or its PDF is missing. */
export async function getReportPdf(id: string, sql: Sql, loc?: ReportLocale) {
  if (loc) {
    const report = await db.getReport(id, sql);
    if (!report) throw new NotFound(`Report ${id} does not exist`);
    return { reportType: report.report_type, pdf: await renderReportPdf(report.body, { id, createdAt: new Date(report.created_at) }, loc) };
  }
  const row = await db.getReportPdf(id, sql);
  if (!row?.pdf) throw new NotFound(`Report ${id} has no PDF artifact`);
  return { reportType: row.report_type, pdf: row.pdf };
}
