import { Context } from '@temporalio/activity';
import type postgres from 'postgres';
import { z } from 'zod';
import type { StoredReport } from '../db/reports';
import { generateReport as generateAndStore } from '../reports/generate';
import { REPORT_TYPES } from '../domain/report';
import { withDomainFailures } from './failures';
import { InvalidInput } from '../domain/errors';

const reportInput = z.object({
  reportType: z.enum(REPORT_TYPES),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  dedupKey: z.string().min(1).max(300).optional(),
  workflowId: z.string().min(1).max(300).optional(),
  correlationId: z.uuid().optional(),
});

export type GenerateReportInput = z.input<typeof reportInput>;

/** `report:<workflowId>:<activityId>` inside an activity, so a retry stores one report; undefined outside. */
function activityDedupKey(): string | undefined {
  try {
    const { workflowExecution, activityId } = Context.current().info;
    return workflowExecution ? `report:${workflowExecution.workflowId}:${activityId}` : undefined;
  } catch {
    return undefined;
  }
}

export interface ReportingDeps {
  sql: postgres.Sql;
}

/**
 * ReportingAgent: reports computed from the database (system health, anomaly summary, ingestion
 * activity, maintenance decisions) with chart data, stored with CSV and PDF artifacts.
 */
export function createReportingActivities(deps: ReportingDeps) {
  return withDomainFailures({
    async generateReport(raw: GenerateReportInput): Promise<Pick<StoredReport, 'id' | 'report_type' | 'created_at' | 'body'>> {
      const parsed = reportInput.safeParse(raw);
      if (!parsed.success) throw new InvalidInput([], `invalid report request: ${z.prettifyError(parsed.error)}`);
      const input = parsed.data;
      const report = await generateAndStore(deps.sql, { ...input, dedupKey: input.dedupKey ?? activityDedupKey() });
      return { id: report.id, report_type: report.report_type, created_at: report.created_at, body: report.body };
    },
  });
}
