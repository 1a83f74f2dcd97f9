import { z } from 'zod';
import { isoTimestamp } from '../../domain/reading';
import { decidePromotion, promotionOverview, requestPromotion, rollbackModel } from '../../usecases/modelPromotion';
import { shadowReportsOf, startShadowEvaluation } from '../../usecases/shadowEvaluation';
import { callerIdentity } from '../callerIdentity';
import type { AppDeps } from '../deps';
import { workflowStartLimit, type ApiRouter } from '../route';
import * as responses from '../schemas/responses';

const modelName = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'is not a model name');
const modelVersion = z.string().regex(/^[A-Za-z0-9_.+-]{1,50}$/, 'is not a model version');
const versionParams = z.object({ name: modelName, version: modelVersion });

const justification = z.string().trim().min(3).max(2000);
const identity = z
  .object({ kind: z.enum(['api_key', 'system']), key_id: z.string().nullable(), key_name: z.string().nullable() })
  .nullable();
const stageChange = z.object({
  id: z.string(),
  model: z.string(),
  version: z.string(),
  from_stage: z.string(),
  to_stage: z.string(),
  action: z.enum(['promote', 'rollback']),
  replaced_version: z.string().nullable(),
  evidence_report_id: z.string().nullable(),
  by: identity,
  justification: z.string(),
  workflow_id: z.string().nullable(),
  created_at: z.string(),
});
const promotionRequest = z.object({
  id: z.string(),
  model: z.string(),
  version: z.string(),
  evidence_report_id: z.string(),
  status: z.enum(['open', 'approved', 'rejected', 'expired']),
  requested_by: identity,
  justification: z.string(),
  deadline: z.string(),
  decided_by: identity,
  decision_justification: z.string().nullable(),
  created_at: z.string(),
  closed_at: z.string().nullable(),
});

const shadowReport = z.object({
  id: z.string(),
  created_at: z.string(),
  workflow_id: z.string().nullable(),
  parameters: z.record(z.string(), z.unknown()),
  summary: z.record(z.string(), z.unknown()),
});

/** Model governance: shadow evaluations of candidate versions, and gated promotion to Production. */
export function modelGovernanceRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route({
    method: 'post',
    path: '/ml/models/:name/versions/:version/shadow-evaluations',
    summary:
      'Re-score a past period’s stored classifier inputs (an anomaly detector: replay its readings; an RUL regressor: re-run the assets’ recorded evaluations on their windows as they stood) with this version and compare with production, with human decisions and with the known end of life (workflow shadowEvaluation; the result is a report)',
    tags: ['ml'],
    scopes: ['workflows:write'],
    rateLimit: workflowStartLimit(deps.config),
    params: versionParams,
    body: z.strictObject({
      from: isoTimestamp.optional().describe('Start of the period (inclusive); 30 days before `to` when absent'),
      to: isoTimestamp.optional().describe('End of the period (exclusive); now when absent'),
    }),
    responses: {
      202: {
        description: 'Started; the report id appears in the workflow’s progress and in the version’s shadow reports',
        schema: responses.workflowLinks.extend({
          model: z.string(),
          version: z.string(),
          from: z.string(),
          to: z.string(),
          costs: z.object({ missed_failure: z.number(), extra_order: z.number() }),
        }),
      },
      404: { description: 'Unknown model or version' },
      422: { description: 'A bad period' },
    },
    handler: async (ctx, { params, body }) => {
      ctx.status = 202;
      ctx.body = await startShadowEvaluation(deps, { ...params, ...body, startedBy: ctx.state.apiKey?.id });
    },
  });

  api.route({
    method: 'get',
    path: '/ml/models/:name/versions/:version/shadow-reports',
    summary: 'The shadow-evaluation reports of a version, newest first (full report, CSV and PDF under /reports/{id})',
    tags: ['ml'],
    scopes: ['ml:predict'],
    params: versionParams,
    responses: {
      200: { description: 'Reports with their summary', schema: z.array(shadowReport) },
      404: { description: 'Unknown model or version' },
    },
    handler: async (ctx, { params }) => {
      ctx.body = await shadowReportsOf(deps, params.name, params.version);
    },
  });

  api.route({
    method: 'post',
    path: '/ml/models/:name/versions/:version/promotions',
    summary:
      'Ask to move this version to Production (workflow modelPromotion): needs a shadow report no older than PROMOTION_MAX_REPORT_AGE_HOURS, then an approval before the deadline',
    tags: ['ml'],
    scopes: ['models:promote'],
    rateLimit: workflowStartLimit(deps.config),
    params: versionParams,
    body: z.strictObject({ justification }),
    responses: {
      202: {
        description: 'Awaiting approval at POST /ml/promotions/{request_id}/decision',
        schema: responses.workflowLinks.extend({
          request_id: z.string(),
          model: z.string(),
          version: z.string(),
          evidence_report_id: z.string(),
        }),
      },
      404: { description: 'Unknown model or version' },
      409: { description: 'No fresh shadow report (the reason says why), already in Production, disabled, or another promotion pending' },
    },
    handler: async (ctx, { params, body }) => {
      ctx.status = 202;
      ctx.body = await requestPromotion(deps, { ...params, justification: body.justification, identity: callerIdentity(ctx) });
    },
  });

  api.route({
    method: 'post',
    path: '/ml/promotions/:id/decision',
    summary: 'Approve or reject a pending promotion; the approver is the authenticated key, recorded with the stage move',
    tags: ['ml'],
    scopes: ['models:promote'],
    params: z.object({ id: z.string().regex(/^promote-[A-Za-z0-9_.+-]{1,200}$/, 'is not a promotion request id') }),
    body: z.strictObject({ decision: z.enum(['approved', 'rejected']), justification }),
    responses: {
      200: {
        description: 'The promotion’s outcome',
        schema: z.object({
          status: z.enum(['awaiting_approval', 'approved', 'rejected', 'expired']),
          model: z.string(),
          version: z.string(),
          evidence_report_id: z.string(),
          deadline: z.string(),
          decided_by: identity,
          stage_change_id: z.string().nullable(),
        }),
      },
      404: { description: 'No such promotion request' },
      409: { description: 'Already decided or expired' },
    },
    handler: async (ctx, { params, body }) => {
      ctx.body = await decidePromotion(deps, { requestId: params.id, ...body, identity: callerIdentity(ctx) });
    },
  });

  api.route({
    method: 'post',
    path: '/ml/models/:name/rollback',
    summary: 'Return Production to the version the current one displaced, in one call; recorded with who and why',
    tags: ['ml'],
    scopes: ['models:promote'],
    params: z.object({ name: modelName }),
    body: z.strictObject({ justification }),
    responses: {
      201: { description: 'The recorded stage move', schema: stageChange },
      404: { description: 'Unknown model' },
      409: { description: 'No earlier Production version to return to' },
    },
    handler: async (ctx, { params, body }) => {
      ctx.status = 201;
      ctx.body = await rollbackModel(deps, { name: params.name, justification: body.justification, identity: callerIdentity(ctx) });
    },
  });

  api.route({
    method: 'get',
    path: '/ml/models/:name/promotions',
    summary: 'The version in Production, the promotion awaiting approval and the history of stage moves',
    tags: ['ml'],
    scopes: ['ml:predict'],
    params: z.object({ name: modelName }),
    responses: {
      200: {
        description: 'Promotion overview',
        schema: z.object({
          model: z.string(),
          production_version: z.string().nullable(),
          pending: promotionRequest.nullable(),
          requests: z.array(promotionRequest),
          history: z.array(stageChange),
        }),
      },
      404: { description: 'Unknown model' },
    },
    handler: async (ctx, { params }) => {
      ctx.body = await promotionOverview(deps, params.name);
    },
  });
}
