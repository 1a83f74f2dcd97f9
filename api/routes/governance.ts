import { z } from 'zod';
import { identityView } from '../../domain/identitySchema';
import { DATA_CLASSES, MAX_RETAIN_DAYS } from '../../domain/retention';
import {
  governanceAudit,
  legalHolds,
  placeLegalHold,
  releaseLegalHold,
  retentionPolicies,
  updateRetentionPolicies,
} from '../../usecases/governance';
import type { LegalHold } from '../../usecases/governance';
import { callerIdentity } from '../callerIdentity';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';

const retainDays = z.number().int().min(1).max(MAX_RETAIN_DAYS);

const policyView = z.object({
  data_class: z.enum(DATA_CLASSES),
  retain_days: z.number(),
  source: z.enum(['default', 'set']).describe('default: from the configuration; set: changed through this API'),
  updated_at: z.string().nullable(),
  updated_by: identityView.nullable(),
});

const holdView = z.object({
  id: z.string(),
  subject_kind: z.enum(['decision', 'order', 'alarm']),
  subject_id: z.string(),
  reason: z.string(),
  sensor_ids: z.array(z.string()),
  window_from: z.string(),
  window_to: z.string(),
  placed_at: z.string(),
  placed_by: identityView.nullable(),
  released_at: z.string().nullable(),
  released_by: identityView.nullable(),
});

const auditView = z.object({
  id: z.string(),
  action: z.enum(['policy_changed', 'hold_placed', 'hold_released']),
  subject: z.string().describe('The data class, or kind:id of the held record'),
  old_value: z.unknown().nullable(),
  new_value: z.unknown().nullable(),
  by: identityView.nullable(),
  created_at: z.string(),
});

const holdJson = (h: LegalHold) => ({
  ...h,
  window_from: h.window_from.toISOString(),
  window_to: h.window_to.toISOString(),
  placed_at: h.placed_at.toISOString(),
  released_at: h.released_at?.toISOString() ?? null,
});

/** Data governance (issue 18): retention policies, legal holds, and the audit of changes to both. */
export function governanceRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route({
    method: 'get',
    path: '/governance/retention',
    summary: 'The retention policy of every data class (days kept after ingestion or creation), and who set it',
    tags: ['governance'],
    scopes: ['data:read'],
    responses: { 200: { description: 'One policy per data class', schema: z.array(policyView) } },
    handler: async (ctx) => {
      ctx.body = await retentionPolicies(deps);
    },
  });

  api.route({
    method: 'put',
    path: '/governance/retention',
    summary:
      'Set the retention of some data classes (the others keep theirs); each change is audited. The next hourly readingsRetention run applies them',
    tags: ['governance'],
    scopes: ['governance:write'],
    body: z.strictObject(
      Object.fromEntries(DATA_CLASSES.map((c) => [c, retainDays.optional()])) as Record<
        (typeof DATA_CLASSES)[number],
        z.ZodOptional<typeof retainDays>
      >,
    ),
    responses: {
      200: { description: 'Every policy after the change', schema: z.array(policyView) },
      422: { description: 'A value out of range, or aggregates kept shorter than what they summarise' },
    },
    handler: async (ctx, { body }) => {
      ctx.body = await updateRetentionPolicies(deps, body, callerIdentity(ctx));
    },
  });

  api.route({
    method: 'get',
    path: '/governance/holds',
    summary: 'Legal holds, newest first: the active ones, or all with include_released',
    tags: ['governance'],
    scopes: ['data:read'],
    query: z.strictObject({ include_released: z.enum(['true', 'false']).default('false') }),
    responses: { 200: { description: 'The holds', schema: z.array(holdView) } },
    handler: async (ctx, { query }) => {
      ctx.body = (await legalHolds(deps, query.include_released === 'true')).map(holdJson);
    },
  });

  api.route({
    method: 'post',
    path: '/governance/holds',
    summary:
      "Hold a decision's, order's or alarm's readings window (its sensor, its time window ± margin_hours): kept raw and kept at all, whatever the retention policies",
    tags: ['governance'],
    scopes: ['governance:write'],
    body: z.strictObject({
      subject_kind: z.enum(['decision', 'order', 'alarm']),
      subject_id: z.uuid(),
      reason: z.string().trim().min(3).max(2000),
      margin_hours: z
        .number()
        .int()
        .min(0)
        .max(24 * 366)
        .optional()
        .describe('Widening on each side; LEGAL_HOLD_MARGIN_HOURS when absent'),
    }),
    responses: {
      201: { description: 'The hold', schema: holdView },
      404: { description: 'No such record, or a decision without an order' },
      409: { description: 'The record is already under hold' },
    },
    handler: async (ctx, { body }) => {
      const hold = await placeLegalHold(
        deps,
        { kind: body.subject_kind, id: body.subject_id, reason: body.reason, marginHours: body.margin_hours },
        callerIdentity(ctx),
      );
      ctx.status = 201;
      ctx.body = holdJson(hold);
    },
  });

  api.route({
    method: 'delete',
    path: '/governance/holds/:id',
    summary: 'Release a legal hold; the readings then follow the retention policies again',
    tags: ['governance'],
    scopes: ['governance:write'],
    params: z.object({ id: z.uuid() }),
    responses: {
      200: { description: 'The released hold', schema: holdView },
      404: { description: 'No active hold with this id' },
    },
    handler: async (ctx, { params }) => {
      ctx.body = holdJson(await releaseLegalHold(deps, params.id, callerIdentity(ctx)));
    },
  });

  api.route({
    method: 'get',
    path: '/governance/audit',
    summary: 'Every change of a retention policy or a legal hold, newest first: who, the value before and after, when',
    tags: ['governance'],
    scopes: ['governance:write'],
    query: z.strictObject({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before_id: z
        .string()
        .regex(/^\d{1,18}$/, 'is not an audit entry id')
        .optional(),
    }),
    responses: { 200: { description: 'Audit entries', schema: z.array(auditView) } },
    handler: async (ctx, { query }) => {
      const entries = await governanceAudit(deps, { limit: query.limit, beforeId: query.before_id });
      ctx.body = entries.map((e) => ({ ...e, created_at: e.created_at.toISOString() }));
    },
  });
}
