import { z } from 'zod';
import { readingInputSchema } from '../../domain/reading';
import { signalDecision } from '../../usecases/decisions';
import { ProgressHub } from '../../usecases/progressStream';
import { startPredictionToMaintenance } from '../../usecases/workflowStarts';
import { describeWorkflow, listWorkflows, workflowHistoryJson } from '../../usecases/workflows';
import type { AppDeps } from '../deps';
import { workflowStartLimit, type ApiRouter } from '../route';
import { callerIdentity } from '../callerIdentity';
import { goldenPathStartRoute } from './demo';
import * as responses from '../schemas/responses';
import { autoDecisionField, decisionTimeoutField } from '../schemas/decisionFields';
import { sendEventStream } from '../eventStream';

export const workflowIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/, 'is not a valid workflow id');
const identifier = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'must be an identifier');

export const decisionBodySchema = z.strictObject({
  decision: z.enum(['approved', 'rejected', 'escalated']),
  operator_id: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[\w .@:-]+$/, 'letters, digits, space, _ . @ : - only'),
  justification: z.string().trim().min(3).max(2000),
});

const featureValue = z.union([z.number().refine(Number.isFinite, 'must be finite'), z.enum(['L', 'M', 'H'])]);
export const predictionToMaintenanceSchema = z.strictObject({
  sensor_id: readingInputSchema.shape.sensor_id,
  features: z.record(z.string().max(64), featureValue),
  model_name: z.string().max(100).default('ai4i_classifier_randomforest_baseline'),
  model_version: z.string().max(50).default('auto'),
  decision_timeout_seconds: decisionTimeoutField(3600),
  auto_decision: autoDecisionField,
});

/** Start, list, describe, follow (SSE), signal and export the history of workflows. */
export function workflowRoutes(api: ApiRouter, deps: AppDeps): void {
  const client = deps.temporal.client;
  // One per app: it shares a poll loop among a workflow's subscribers and caps open streams.
  const hub = new ProgressHub(client, {
    maxPerKey: deps.config.SSE_MAX_STREAMS_PER_KEY,
    maxPerProcess: deps.config.SSE_MAX_STREAMS_PER_PROCESS,
  });

  api.route(goldenPathStartRoute(deps, '/workflows/goldenPath', ['workflows']));

  api.route({
    method: 'post',
    path: '/workflows/predictionToMaintenance',
    summary: 'Predict and, when risky, run the maintenance flow with a human decision',
    tags: ['workflows'],
    scopes: ['workflows:write'],
    rateLimit: workflowStartLimit(deps.config),
    body: predictionToMaintenanceSchema,
    responses: {
      202: { description: 'Started', schema: responses.predictionToMaintenanceStarted },
      422: { description: 'Invalid body, a deadline below DECISION_TIMEOUT_MIN_SECONDS, or an auto_decision the server does not allow' },
    },
    handler: async (ctx, { body }) => {
      ctx.status = 202;
      ctx.body = await startPredictionToMaintenance(deps, {
        ...body,
        correlation_id: ctx.state.correlationId,
        started_by: callerIdentity(ctx),
      });
    },
  });

  api.route({
    method: 'get',
    path: '/workflows',
    summary: 'Running and recent workflows, filtered by type, status, sensor, correlation id or business status',
    tags: ['workflows'],
    scopes: ['workflows:read'],
    query: z.strictObject({
      type: z
        .enum([
          'goldenPath',
          'predictionToMaintenance',
          'csvIngestion',
          'sensorMonitoring',
          'sensorIncident',
          'explainPrediction',
          'reportGeneration',
        ])
        .optional(),
      status: z.enum(['running', 'completed', 'failed', 'canceled', 'terminated', 'timed_out']).optional(),
      sensor_id: identifier.optional(),
      correlation_id: z.uuid().optional(),
      business_status: identifier
        .optional()
        .describe('Running workflows whose BusinessStatus is this, e.g. waiting_for_decision (the ones that need a person)'),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    }),
    responses: { 200: { description: 'Running and recent workflows', schema: responses.workflowList } },
    handler: async (ctx, { query }) => {
      ctx.body = await listWorkflows(client, deps.config, {
        type: query.type,
        status: query.status,
        sensorId: query.sensor_id,
        correlationId: query.correlation_id,
        businessStatus: query.business_status,
        limit: query.limit,
      });
    },
  });

  api.route({
    method: 'get',
    path: '/workflows/:id',
    summary: 'A workflow: status, progress and a Temporal Web link',
    tags: ['workflows'],
    scopes: ['workflows:read'],
    params: z.object({ id: workflowIdSchema }),
    responses: { 200: { description: 'The workflow', schema: responses.workflowView }, 404: { description: 'No such workflow' } },
    handler: async (ctx, { params }) => {
      ctx.body = await describeWorkflow(client, deps.config, params.id);
    },
  });

  api.route({
    method: 'get',
    path: '/workflows/:id/events',
    summary: 'Server-Sent Events: progress until the workflow closes',
    tags: ['workflows'],
    scopes: ['workflows:read'],
    params: z.object({ id: workflowIdSchema }),
    responses: {
      200: { description: 'text/event-stream', contentType: 'text/event-stream', schema: z.string() },
      429: { description: 'Too many streams open for this key (SSE_MAX_STREAMS_PER_KEY) or this server' },
    },
    handler: async (ctx, { params }) => {
      await describeWorkflow(client, deps.config, params.id); // 404 before the stream starts
      // Before any header: over a cap, the answer is a 429 problem, not an empty stream.
      const stream = hub.subscribe(params.id, ctx.state.apiKey!.id);
      sendEventStream(ctx, stream);
    },
  });

  api.route({
    method: 'post',
    path: '/workflows/:id/signals/decision',
    summary: 'Send the human decision signal to a waiting workflow',
    tags: ['workflows'],
    scopes: ['decisions:write'],
    params: z.object({ id: workflowIdSchema }),
    body: decisionBodySchema,
    responses: {
      202: { description: 'Signal delivered', schema: responses.decisionSignalled },
      409: { description: 'Not waiting, or already decided' },
    },
    handler: async (ctx, { params, body }) => {
      await signalDecision(client, params.id, { ...body, identity: callerIdentity(ctx) });
      ctx.status = 202;
      ctx.body = { status: 'accepted', workflow_id: params.id };
    },
  });

  api.route({
    method: 'get',
    path: '/workflows/:id/history',
    summary: 'The event history as JSON, ready for `npm run replay`',
    tags: ['workflows'],
    scopes: ['workflows:read'],
    params: z.object({ id: workflowIdSchema }),
    responses: { 200: { description: 'History JSON', schema: z.record(z.string(), z.unknown()) } },
    handler: async (ctx, { params }) => {
      ctx.type = 'application/json';
      ctx.set('Content-Disposition', `attachment; filename="${params.id}.history.json"`);
      ctx.body = await workflowHistoryJson(client, params.id);
    },
  });
}
