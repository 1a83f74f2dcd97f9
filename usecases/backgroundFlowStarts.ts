import { randomUUID } from 'node:crypto';
import type { AppDeps } from './deps';
import { resolvePeriod } from '../reports/period';
import type { ReportType } from '../domain/report';
import { startWorkflow } from './startWorkflow';
import type { explainPrediction } from '../workflows/explainPrediction';
import type { reportGeneration, ReportGenerationInput } from '../workflows/reportGeneration';
import type { sensorMonitoring, SensorMonitoringInput } from '../workflows/sensorMonitoring';

type Deps = Pick<AppDeps, 'temporal' | 'config'>;

/** `20250101T101500Z`: sortable, and legal in a workflow id. */
const compactTime = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** A monitoring pass now, next to the scheduled ones; its id is `monitoring-manual-<time>-<8 hex>`. */
export async function startSensorMonitoring(deps: Deps, input: SensorMonitoringInput, startedBy?: string) {
  const workflowId = `monitoring-manual-${compactTime(new Date())}-${randomUUID().slice(0, 8)}`;
  return startWorkflow<typeof sensorMonitoring>(deps, 'sensorMonitoring', { workflowId, startedBy, args: [input] });
}

/**
 * Explains a stored prediction in the background; its id is `explain-<prediction id>`, and asking
 * while one is running joins it rather than starting a second.
 */
export async function startExplainPrediction(deps: Deps, o: { predictionId: string; correlationId?: string; startedBy?: string }) {
  const workflowId = `explain-${o.predictionId}`;
  const links = await startWorkflow<typeof explainPrediction>(deps, 'explainPrediction', {
    workflowId,
    joinRunning: true,
    startedBy: o.startedBy,
    args: [{ predictionId: o.predictionId, correlationId: o.correlationId }],
  });
  return { ...links, prediction_id: o.predictionId, prediction_url: `/api/v1/ml/predictions/${o.predictionId}` };
}

export interface ReportGenerationOptions {
  report_type: ReportType;
  from?: string;
  to?: string;
  workflow_id?: string;
  correlation_id?: string;
  /** Id of the API key that asked: counted against its workflow caps. */
  started_by?: string;
}

/**
 * Builds a report in a workflow. The period is resolved here, at request time, so the workflow
 * covers exactly it however late it runs; the id names type and period
 * (`report-<type>-<from>-<to>`, or `report-workflow_run-<run id>`), and a request while the same
 * report is being built joins that run.
 */
export async function startReportGeneration(deps: Deps, o: ReportGenerationOptions, now = new Date()) {
  const period = resolvePeriod({ from: o.from, to: o.to }, now);
  const from = period.from.toISOString();
  const to = period.to.toISOString();
  const workflowId = o.report_type === 'workflow_run' ? `report-workflow_run-${o.workflow_id}` : `report-${o.report_type}-${from}-${to}`;
  const input: ReportGenerationInput = {
    reportType: o.report_type,
    from,
    to,
    reportedWorkflowId: o.workflow_id,
    correlationId: o.correlation_id,
  };
  const links = await startWorkflow<typeof reportGeneration>(deps, 'reportGeneration', {
    workflowId,
    joinRunning: true,
    startedBy: o.started_by,
    args: [input],
  });
  return { ...links, report_type: o.report_type, from, to };
}
