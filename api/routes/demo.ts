import { z } from 'zod';
import { NotFoundError } from '../errors';
import { sensorIdSchema } from '../../domain/reading';
import { describeWorkflow } from '../../usecases/workflows';
import { startGoldenPath } from '../../usecases/workflowStarts';
import type { AppDeps } from '../deps';
import { workflowStartLimit, type ApiRouter, type RouteSpec } from '../route';
import * as responses from '../schemas/responses';

export const goldenPathOptionsSchema = z.strictObject({
  sensor_events: z.number().int().min(5).max(200).default(20),
  scenario: z.enum(['normal', 'drift', 'anomaly']).default('anomaly'),
  include_human_decision: z.boolean().default(true),
  decision_timeout_seconds: z
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .default(600),
  auto_decision: z.enum(['approved', 'rejected', 'escalated']).nullable().default(null),
  timeout_policy: z.enum(['escalate', 'auto_approve']).optional(),
  sensor_id: sensorIdSchema.optional(),
});

/** The route that starts a Golden Path; mounted at /demo/golden-path and /workflows/goldenPath. */
export function goldenPathStartRoute(
  deps: AppDeps,
  path: string,
  tags: string[],
): RouteSpec<typeof goldenPathOptionsSchema, z.ZodObject, z.ZodObject> {
  return {
    method: 'post',
    path,
    summary: 'Start the Golden Path demonstration',
    tags,
    scopes: ['workflows:write'],
    rateLimit: workflowStartLimit(deps.config),
    body: goldenPathOptionsSchema,
    responses: { 202: { description: 'Started; follow it at status_url or events_url', schema: responses.goldenPathStarted } },
    handler: async (ctx, { body }) => {
      ctx.status = 202;
      // A caller-chosen X-Correlation-ID names the run (and seeds its demo data, so runs repeat).
      ctx.body = await startGoldenPath(deps, {
        ...body,
        correlation_id: ctx.get('X-Correlation-ID') ? ctx.state.correlationId : undefined,
        started_by: ctx.state.apiKey?.id,
      });
    },
  };
}

/** The Golden Path demo, with the original system's paths. */
export function demoRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route(goldenPathStartRoute(deps, '/demo/golden-path', ['demo']));

  api.route({
    method: 'get',
    path: '/demo/golden-path/status/:correlation_id',
    summary: 'The run status document (stages, events, decision, order, report)',
    tags: ['demo'],
    scopes: ['workflows:read'],
    params: z.object({ correlation_id: z.uuid() }),
    responses: { 200: { description: 'Status document', schema: responses.goldenPathStatus }, 404: { description: 'No such run' } },
    handler: async (ctx, { params }) => {
      const view = await describeWorkflow(deps.temporal.client, deps.config, `golden-path-${params.correlation_id}`);
      if (!view.progress) throw new NotFoundError(`Run ${params.correlation_id} has no progress yet`);
      const doc = view.progress as { status: string };
      // A run that failed outside a stage still reports failed.
      ctx.body = {
        ...doc,
        status: view.status === 'failed' || view.status === 'terminated' ? 'failed' : doc.status,
        temporal_url: view.temporal_url,
      };
    },
  });
}
