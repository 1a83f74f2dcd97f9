import { randomUUID } from 'node:crypto';
import { insertReport, findReportByDedupKey, type StoredReport } from '../db/reports';
import type { Sql } from '../db/sql';
import { buildReport } from './buildReport';
import { reportCsv } from './csv';
import { renderReportPdf } from './pdf';
import { resolvePeriod } from './period';
import type { ReportType } from '../domain/report';

export interface GenerateReportRequest {
  reportType: ReportType;
  from?: string;
  to?: string;
  dedupKey?: string;
  workflowId?: string;
  correlationId?: string;
}

/**
 * Builds a report from the database, renders its CSV and PDF artifacts and stores all three.
 * The one path for both the ReportingAgent activity and the on-demand API. With a dedup key a
 * repeat returns the stored report without recomputing it. Throws PeriodError for a bad period.
 */
export async function generateReport(sql: Sql, req: GenerateReportRequest, now = new Date()): Promise<StoredReport> {
  if (req.dedupKey) {
    const existing = await findReportByDedupKey(req.dedupKey, sql);
    if (existing) return existing;
  }
  const period = resolvePeriod({ from: req.from, to: req.to }, now);
  const body = await buildReport(sql, req.reportType, period, { workflowId: req.workflowId, correlationId: req.correlationId });
  // The id is chosen here so the PDF can name the report it belongs to.
  const id = randomUUID();
  const createdAt = now;
  const pdf = await renderReportPdf(body, { id, createdAt });
  const { report } = await insertReport(
    {
      id,
      reportType: req.reportType,
      parameters: { from: period.from.toISOString(), to: period.to.toISOString(), bucket: period.bucket },
      body,
      csv: reportCsv(body),
      pdf,
      workflowId: req.workflowId,
      correlationId: req.correlationId,
      dedupKey: req.dedupKey,
      createdAt,
    },
    sql,
  );
  return report;
}
