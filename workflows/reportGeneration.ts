import { defineQuery, workflowInfo } from '@temporalio/workflow';
import type { ReportType } from '../domain/report';
import { reportAgents } from './agents';
import { withProgress } from './withProgress';

export interface ReportGenerationInput {
  reportType: ReportType;
  /** ISO timestamps; the API pins them at request time, so a retry or replay covers the same period. */
  from?: string;
  to?: string;
  /** For `workflow_run` reports: the run reported on. */
  reportedWorkflowId?: string;
  correlationId?: string;
}

export interface ReportArtifacts {
  json: string;
  csv: string;
  pdf: string;
}

export interface ReportGenerationProgress {
  status: 'generating' | 'completed' | 'failed';
  report_type: ReportType;
  from: string | null;
  to: string | null;
  report_id: string | null;
  created_at: string | null;
  artifacts: ReportArtifacts | null;
}

export const reportGenerationProgress = defineQuery<ReportGenerationProgress>('progress');

/** Where the API serves a stored report and its artifacts. */
function reportArtifactLinks(reportId: string): ReportArtifacts {
  const base = `/api/v1/reports/${reportId}`;
  return { json: base, csv: `${base}/artifact.csv`, pdf: `${base}/artifact.pdf` };
}

/** Builds and stores a report (JSON body, CSV and PDF) as a workflow, for reports too slow to wait on. */
export async function reportGeneration(input: ReportGenerationInput): Promise<ReportGenerationProgress> {
  const { workflowId, runId } = workflowInfo();
  const progress: ReportGenerationProgress = {
    status: 'generating',
    report_type: input.reportType,
    from: input.from ?? null,
    to: input.to ?? null,
    report_id: null,
    created_at: null,
    artifacts: null,
  };
  return withProgress(
    { query: reportGenerationProgress, progress, stage: 'report', correlationId: input.correlationId, completed: 'completed' },
    async () => {
      const report = await reportAgents.generateReport({
        reportType: input.reportType,
        from: input.from,
        to: input.to,
        // Other report types ignore it, and the row then names the workflow that produced it.
        workflowId: input.reportedWorkflowId ?? workflowId,
        correlationId: input.correlationId,
        // Per run: asking again for the same period (a new run of the same id) builds a fresh report.
        dedupKey: `report:${workflowId}:${runId}`,
      });
      Object.assign(progress, { report_id: report.id, created_at: report.created_at, artifacts: reportArtifactLinks(report.id) });
    },
  );
}
