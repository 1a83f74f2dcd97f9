import type { Sql } from '../db/sql';
import { buildAnomalySummary } from './builders/anomalySummary';
import { buildIngestionActivity } from './builders/ingestionActivity';
import { buildMaintenanceDecisions } from './builders/maintenanceDecisions';
import { buildSystemHealth } from './builders/systemHealth';
import type { ReportBody, ReportPeriod, ReportType } from './types';

const BUILDERS: Record<ReportType, (sql: Sql, p: ReportPeriod) => Promise<ReportBody>> = {
  system_health: buildSystemHealth,
  anomaly_summary: buildAnomalySummary,
  ingestion_activity: buildIngestionActivity,
  maintenance_decisions: buildMaintenanceDecisions,
};

/**
 * Computes a report's body from the database. Its queries run in one repeatable-read
 * transaction, so every figure, chart and table describes the same snapshot.
 */
export async function buildReport(sql: Sql, type: ReportType, period: ReportPeriod): Promise<ReportBody> {
  if ('begin' in sql) {
    return (await sql.begin('isolation level repeatable read read only', (tx) => BUILDERS[type](tx, period))) as ReportBody;
  }
  return BUILDERS[type](sql, period);
}
