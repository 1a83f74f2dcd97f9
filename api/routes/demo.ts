import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../errors';
import { DEMO_PACE_RANGE } from '../../domain/demoPace';
import { isDemoSensor } from '../../domain/demoSensors';
import { sensorIdSchema } from '../../domain/reading';
import { hasScopes } from '../../domain/scopes';
import { callerIdentity } from '../callerIdentity';
import { describeWorkflow } from '../../usecases/workflows';
import { startGoldenPath } from '../../usecases/workflowStarts';
import { runReadings } from '../../usecases/runReadings';
import type { AppDeps } from '../deps';
import { workflowStartLimit, type ApiRouter, type RouteSpec } from '../route';
import * as responses from '../schemas/responses';
import { autoDecisionField, decisionTimeoutField } from '../schemas/decisionFields';

export const goldenPathOptionsSchema = z.strictObject({
  sensor_events: z.number().int().min(5).max(200).default(20),
  scenario: z.enum(['normal', 'drift', 'anomaly']).default('anomaly'),
  include_human_decision: z.boolean().default(true),
  decision_timeout_seconds: decisionTimeoutField(600),
  auto_decision: autoDecisionField,
  demo_pace: z
    .number()
    .min(DEMO_PACE_RANGE.min)
    .max(DEMO_PACE_RANGE.max)
    .optional()
    .describe('Demo pace: stream the readings at this many per second so an audience can follow the stages; all at once when absent'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional()
    .describe(
      "Seeds the generated readings (the run's and a fresh sensor's history), so a run can be reproduced; derived from the correlation id and the sensor when absent",
    ),
  sensor_id: sensorIdSchema
    .optional()
    .describe('Defaults to a fresh demo sensor; naming any other sensor writes readings to it, so it needs data:ingest too'),
});

const decisionSettings = z.object({
  auto_decisions: z.boolean().describe('Whether auto_decision is accepted (DEMO_AUTO_DECISIONS), for demo sensors only'),
  decision_timeout_min_seconds: z.number().int().describe('The smallest decision_timeout_seconds accepted'),
  decision_timeout_policy: z.enum(['escalate', 'auto_approve']).describe('What a decision deadline does (DECISION_TIMEOUT_POLICY)'),
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
    responses: {
      202: { description: 'Started; follow it at status_url or events_url', schema: responses.goldenPathStarted },
      403: { description: 'sensor_id names a sensor that is not a demo sensor and the key lacks data:ingest' },
      422: { description: 'Invalid body, a deadline below DECISION_TIMEOUT_MIN_SECONDS, or an auto_decision the server does not allow' },
    },
    handler: async (ctx, { body }) => {
      // The run writes ~sensor_events readings to its sensor: only a demo sensor is workflows:write's own.
      if (body.sensor_id && !isDemoSensor(body.sensor_id) && !hasScopes(ctx.state.apiKey?.scopes ?? [], ['data:ingest'])) {
        throw new ForbiddenError(
          ['data:ingest'],
          `sensor_id ${body.sensor_id} is not a demo sensor; writing readings to it needs the scope`,
        );
      }
      ctx.status = 202;
      // A caller-chosen X-Correlation-ID names the run (and seeds its demo data, so runs repeat).
      ctx.body = await startGoldenPath(deps, {
        ...body,
        correlation_id: ctx.get('X-Correlation-ID') ? ctx.state.correlationId : undefined,
        started_by: callerIdentity(ctx),
      });
    },
  };
}

/** The Golden Path demo, with the original system's paths. */
export function demoRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route(goldenPathStartRoute(deps, '/demo/golden-path', ['demo']));

  api.route({
    method: 'get',
    path: '/demo/settings',
    summary: 'The decision settings a start request must respect (the dashboard offers only what the server allows)',
    tags: ['demo'],
    scopes: [],
    responses: { 200: { description: 'The decision settings', schema: decisionSettings } },
    handler: (ctx) => {
      ctx.body = {
        auto_decisions: deps.config.DEMO_AUTO_DECISIONS,
        decision_timeout_min_seconds: deps.config.DECISION_TIMEOUT_MIN_SECONDS,
        decision_timeout_policy: deps.config.DECISION_TIMEOUT_POLICY,
      };
    },
  });

  api.route({
    method: 'get',
    path: '/demo/golden-path/readings/:correlation_id',
    summary: "The readings a run wrote to its sensor, oldest first, with anomalies and quarantined ones marked (the run's live chart)",
    tags: ['demo'],
    scopes: ['workflows:read'],
    params: z.object({ correlation_id: z.uuid() }),
    query: z.strictObject({ sensor_id: sensorIdSchema.describe("The run's sensor (sensor_id of its status)") }),
    responses: {
      200: {
        description: 'The run readings',
        schema: z.array(
          z.object({ ts: z.string(), value: z.number(), unit: z.string().nullable(), quarantined: z.boolean(), anomaly: z.boolean() }),
        ),
      },
    },
    handler: async (ctx, { params, query }) => {
      ctx.body = await runReadings(deps.sql, query.sensor_id, params.correlation_id);
    },
  });

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
