import type { Sql } from '../db/sql';
import { buildAnomalySummary } from './builders/anomalySummary';
import { buildIngestionActivity } from './builders/ingestionActivity';
import { buildMaintenanceDecisions } from './builders/maintenanceDecisions';
import { buildSystemHealth } from './builders/systemHealth';
import { buildWorkflowRun } from './builders/workflowRun';
import { PeriodError } from './period';
import type { ReportBody, ReportPeriod, ReportType } from '../domain/report';

const BUILDERS: Record<Exclude<ReportType, 'workflow_run'>, (sql: Sql, p: ReportPeriod) => Promise<ReportBody>> = {
  system_health: buildSystemHealth,
  anomaly_summary: buildAnomalySummary,
  ingestion_activity: buildIngestionActivity,
  maintenance_decisions: buildMaintenanceDecisions,
};

/**
 * Computes a report's body from the database. Its queries run in one repeatable-read
 * transaction, so every figure, chart and table describes the same snapshot.
 */
export async function buildReport(
  sql: Sql,
  type: ReportType,
  period: ReportPeriod,
  run?: { workflowId?: string; correlationId?: string },
): Promise<ReportBody> {
  const build = (tx: Sql) => {
    if (type !== 'workflow_run') return BUILDERS[type](tx, period);
    if (!run?.workflowId) throw new PeriodError('a workflow_run report needs the workflow id');
    return buildWorkflowRun(tx, { workflowId: run.workflowId, correlationId: run.correlationId });
  };
  if ('begin' in sql) {
    return (await sql.begin('isolation level repeatable read read only', (tx) => build(tx))) as ReportBody;
  }
  return build(sql);
}
