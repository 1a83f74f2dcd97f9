import { z } from 'zod';
import { isoTimestamp } from '../../domain/reading';
import { REPORT_TYPES } from '../../domain/report';
import { startReportGeneration } from '../../usecases/backgroundFlowStarts';
import type { AppDeps } from '../deps';
import { workflowStartLimit, type ApiRouter } from '../route';
import { workflowIdSchema } from './workflows';
import * as responses from '../schemas/responses';

const body = z
  .strictObject({
    report_type: z.enum(REPORT_TYPES),
    from: isoTimestamp.optional().describe('Start of the period (inclusive); defaults to 24 h before `to`'),
    to: isoTimestamp.optional().describe('End of the period (exclusive); defaults to the time of the request'),
    workflow_id: workflowIdSchema.optional().describe('For workflow_run: the run to report on'),
    correlation_id: z.uuid().optional().describe("For workflow_run: the run's correlation id (its readings)"),
  })
  .refine((b) => b.report_type !== 'workflow_run' || b.workflow_id, { message: 'workflow_run needs workflow_id', path: ['workflow_id'] });

/** Reports built by a workflow (`POST /reports/generate` stays the synchronous path). */
export function reportWorkflowRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route({
    method: 'post',
    path: '/workflows/reportGeneration',
    summary: 'Build and store a report (JSON, CSV, PDF) in a workflow; its result names the report and its artifacts',
    tags: ['workflows', 'reports'],
    // Starting a workflow, and producing a report: both rights.
    scopes: ['workflows:write', 'reports:generate'],
    rateLimit: workflowStartLimit(deps.config),
    body,
    responses: {
      202: { description: 'Started; the period is pinned in the response', schema: responses.reportGenerationStarted },
      422: { description: 'Unknown type, or a reversed or over-long period' },
    },
    handler: async (ctx, { body: b }) => {
      ctx.status = 202;
      ctx.body = await startReportGeneration(deps, {
        ...b,
        correlation_id: b.correlation_id ?? ctx.state.correlationId,
        started_by: ctx.state.apiKey?.id,
      });
    },
  });
}
