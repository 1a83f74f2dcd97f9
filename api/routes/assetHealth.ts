import { z } from 'zod';
import { assetIdSchema } from '../../domain/assets';
import { assetCorrelations } from '../../usecases/assetCorrelations';
import { assetEpisodes, assetHealth } from '../../usecases/assetHealth';
import { assetDecisions, assetOrders, startAssetEvaluator, startAssetRun } from '../../usecases/assetWorkflows';
import { ValidationError } from '../errors';
import { fieldError } from '../../domain/fieldErrorText';
import type { AppDeps } from '../deps';
import { workflowStartLimit, type ApiRouter } from '../route';
import { decisionTimeoutField } from '../schemas/decisionFields';
import {
  assetDecisionView,
  assetHealthView,
  assetOrderView,
  assetRunStarted,
  correlationsView,
  episodeView,
  evaluatorStarted,
} from '../schemas/assets';

const idParams = z.object({ id: assetIdSchema });

const evaluatorFields = {
  interval_seconds: z.number().int().min(5).max(86_400).default(300).describe('Re-evaluate at least this often'),
  decision_timeout_seconds: decisionTimeoutField(3600),
};

const evaluatorBody = z.strictObject(evaluatorFields);

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
const duration = (max: number) =>
  z
    .string()
    .regex(/^[1-9]\d{0,6}[smhd]$/, 'a duration such as 90s, 30m, 6h or 7d')
    .transform((v) => Number(v.slice(0, -1)) * UNIT_SECONDS[v.slice(-1) as keyof typeof UNIT_SECONDS])
    .refine((s) => s <= max, `at most ${max / 86_400} days`);

const correlationsQuery = z.strictObject({
  window: duration(30 * 86_400)
    .default(86_400)
    .describe('Ending at the asset’s latest reading, e.g. 6h, 7d (default 1d)'),
  step: duration(86_400).default(60).describe('Readings are averaged into buckets of this length before correlating (default 60s)'),
  pair: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63},[a-z][a-z0-9_]{0,63}$/, 'two roles, comma-separated')
    .optional()
    .describe('Two roles for the lagged cross-correlation, e.g. s2,s11'),
  max_lag: z.coerce.number().int().min(0).max(500).default(10).describe('Lags tried, in buckets, both ways'),
});

const assetRunBody = z.strictObject({
  asset_id: assetIdSchema,
  unit: z.number().int().min(1).max(100).default(1).describe('FD001 training engine to replay'),
  from_cycle: z.number().int().min(1).max(1000).default(1),
  to_cycle: z.number().int().min(1).max(1000).optional().describe("The engine's last cycle when absent"),
  cycles_per_batch: z.number().int().min(1).max(1000).default(10),
  batch_interval_seconds: z.number().min(0).max(3600).default(1).describe('Pause between batches: the replay speed'),
  cycle_seconds: z.number().int().min(1).max(86_400).default(60).describe('Time between two cycles’ readings'),
  ...evaluatorFields,
});

/** Health, RUL and episodes of an asset from its own streams, its evaluator, and the replay simulator. */
export function assetHealthRoutes(api: ApiRouter, deps: AppDeps): void {
  const checkTimeout = (seconds: number) => {
    if (seconds < deps.config.DECISION_TIMEOUT_MIN_SECONDS) {
      throw new ValidationError([
        fieldError(
          'decision_timeout_seconds',
          'decision_timeout_too_short',
          `must be at least ${deps.config.DECISION_TIMEOUT_MIN_SECONDS}`,
          {
            minimum: deps.config.DECISION_TIMEOUT_MIN_SECONDS,
          },
        ),
      ]);
    }
  };

  api.route({
    method: 'get',
    path: '/assets/:id/health',
    summary: 'Health index, RUL with its interval, failure probability and reasons: the latest evaluation and the history',
    tags: ['assets'],
    scopes: ['data:read'],
    params: idParams,
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
    responses: {
      200: { description: 'Latest (null before the first evaluation) and history', schema: assetHealthView },
      404: { description: 'No such asset' },
    },
    handler: async (ctx, { params, query }) => {
      ctx.body = await assetHealth(params.id, deps.sql, query.limit);
    },
  });

  api.route({
    method: 'get',
    path: '/assets/:id/episodes',
    summary: 'Degradation episodes, newest first, with the maintenance run each started or why it did not',
    tags: ['assets'],
    scopes: ['data:read'],
    params: idParams,
    responses: { 200: { description: 'Episodes', schema: z.array(episodeView) }, 404: { description: 'No such asset' } },
    handler: async (ctx, { params }) => {
      ctx.body = await assetEpisodes(params.id, deps.sql);
    },
  });

  api.route({
    method: 'get',
    path: '/assets/:id/correlations',
    summary:
      'Pearson and Spearman matrices of the asset’s sensors over a window, and a pair’s lagged cross-correlation (computed in PostgreSQL)',
    tags: ['assets'],
    scopes: ['data:read'],
    params: idParams,
    query: correlationsQuery,
    responses: {
      200: { description: 'Matrices in the order of roles; null where a coefficient is undefined', schema: correlationsView },
      404: { description: 'No such asset' },
      422: { description: 'A bad window, step or pair, or too many buckets' },
    },
    handler: async (ctx, { params, query }) => {
      ctx.body = await assetCorrelations(
        params.id,
        {
          windowSeconds: query.window,
          stepSeconds: query.step,
          pair: query.pair ? (query.pair.split(',') as [string, string]) : undefined,
          maxLag: query.max_lag,
        },
        deps.sql,
      );
    },
  });

  api.route({
    method: 'get',
    path: '/assets/:id/orders',
    summary: 'Maintenance orders for the asset, newest first',
    tags: ['assets'],
    scopes: ['maintenance:read'],
    params: idParams,
    responses: { 200: { description: 'Orders', schema: z.array(assetOrderView) }, 404: { description: 'No such asset' } },
    handler: async (ctx, { params }) => {
      ctx.body = await assetOrders(deps, params.id);
    },
  });

  api.route({
    method: 'get',
    path: '/assets/:id/decisions',
    summary: 'Human decisions on the asset’s orders (the same orders as /assets/{id}/orders), newest first, at most 100',
    tags: ['assets'],
    scopes: ['maintenance:read'],
    params: idParams,
    responses: { 200: { description: 'Decisions', schema: z.array(assetDecisionView) }, 404: { description: 'No such asset' } },
    handler: async (ctx, { params }) => {
      ctx.body = await assetDecisions(deps, params.id);
    },
  });

  api.route({
    method: 'post',
    path: '/assets/:id/evaluator',
    summary:
      'Start the asset’s evaluator workflow, or give the running one these settings (it starts with the asset, with interval 300 s and decision timeout 3600 s): health on an interval, maintenance once per episode',
    tags: ['assets'],
    scopes: ['workflows:write'],
    rateLimit: workflowStartLimit(deps.config),
    params: idParams,
    body: evaluatorBody,
    responses: {
      202: { description: 'Running', schema: evaluatorStarted },
      404: { description: 'No such asset' },
      422: { description: 'Invalid body' },
    },
    handler: async (ctx, { params, body }) => {
      checkTimeout(body.decision_timeout_seconds);
      ctx.body = await startAssetEvaluator(deps, params.id, {
        intervalSeconds: body.interval_seconds,
        decisionTimeoutSeconds: body.decision_timeout_seconds,
      });
      ctx.status = 202;
    },
  });

  api.route({
    method: 'post',
    path: '/simulate/asset-run',
    summary: 'Replay a C-MAPSS FD001 engine into an engine-like asset at a chosen speed; its evaluator watches',
    tags: ['simulate', 'assets'],
    scopes: ['workflows:write'],
    rateLimit: workflowStartLimit(deps.config),
    body: assetRunBody,
    responses: {
      202: { description: 'Started', schema: assetRunStarted },
      404: { description: 'No such asset' },
      422: { description: 'Invalid body, not an engine-like asset, or no such engine' },
    },
    handler: async (ctx, { body }) => {
      checkTimeout(body.decision_timeout_seconds);
      ctx.body = await startAssetRun(deps, body.asset_id, {
        unit: body.unit,
        fromCycle: body.from_cycle,
        toCycle: body.to_cycle,
        cyclesPerBatch: body.cycles_per_batch,
        batchIntervalSeconds: body.batch_interval_seconds,
        cycleSeconds: body.cycle_seconds,
        evaluator: { intervalSeconds: body.interval_seconds, decisionTimeoutSeconds: body.decision_timeout_seconds },
        startedBy: ctx.state.apiKey?.id,
      });
      ctx.status = 202;
    },
  });
}
