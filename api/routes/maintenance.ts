import { z } from 'zod';
import { siteIdSchema } from '../../domain/sites';
import { requireSite } from '../../usecases/sites';
import { skillLevelSchema, weeklyShiftSchema } from '../../scheduling';
import { DECISION_STATUSES, ORDER_STATUSES } from '../../domain/orderLifecycle';
import { hasScopes } from '../../domain/scopes';
import { identityView } from '../../domain/identitySchema';
import { callerIdentity } from '../callerIdentity';
import { ForbiddenError, ValidationError } from '../errors';
import { isoTimestamp } from '../../domain/reading';
import { planReasonMessages } from '../../domain/planReasons';
import { orderReport, planOf, proposeOrder, resolveFailureEstimate, transitionOrder } from '../../usecases/maintenanceOrders';
import { getWorkOrder, listScheduledOrders, listTechnicians, listWorkOrders, upsertTechnician } from '../../usecases/maintenanceViews';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import * as responses from '../schemas/responses';
import { fieldError } from '../../domain/fieldErrorText';

const technicianIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, . _ - only');

const PRIORITIES = ['low', 'medium', 'high', 'urgent', 'very_urgent'] as const;

const scheduleBody = z.strictObject({
  sensor_id: z.string().trim().min(1).max(200),
  sensor_type: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .describe('Chooses the required skill; read from the sensor registry when absent'),
  failure_probability: z.number().min(0).max(1).optional().describe('Required unless prediction_confidence or a time to failure is given'),
  // The original system's fields, each with its meaning here.
  equipment_id: z.string().trim().min(1).max(200).optional().describe("The order's equipment (the sensor registry's when absent)"),
  predicted_failure_date: isoTimestamp
    .optional()
    .describe('Sets the time to failure, hence the deadline (half-way to it) and the priority'),
  time_to_failure_days: z.number().min(0).max(3650).optional().describe('The same as predicted_failure_date, in days from now'),
  maintenance_type: z.string().trim().min(1).max(64).optional().describe("Kept as the note of the order's first transition"),
  prediction_confidence: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('Taken as the failure probability when failure_probability is absent'),
  include_report: z.boolean().default(false).describe('Attach a JSON report of the order and its plan (report)'),
  correlation_id: z.uuid().optional().describe('Stored on the order and echoed; X-Correlation-ID when absent'),
  required_skill: z.string().trim().min(1).max(64).optional(),
  required_level: z.number().int().min(1).max(5).optional(),
  duration_minutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60)
    .optional(),
  deadline: isoTimestamp.optional().describe('Latest completion; a past deadline is planned within the next 7 days'),
  priority: z.enum(PRIORITIES).optional(),
});

const scheduledQuery = z.strictObject({
  status: z.enum(ORDER_STATUSES).optional(),
  // The same rule as the id a technician is stored under, so a value no technician can have is a 422.
  technician: technicianIdSchema.optional(),
  correlation_id: z.uuid().optional().describe('Orders created under this X-Correlation-ID'),
  // 1-100 as in the original system.
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

const ordersQuery = z.strictObject({
  status: z.enum(ORDER_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  technician: technicianIdSchema.optional(),
  sensor_id: z.string().trim().min(1).max(200).optional().describe('The sensor id or the equipment of the order'),
  window_from: isoTimestamp.optional().describe('Orders whose technician window ends after this instant'),
  window_to: isoTimestamp.optional().describe('Orders whose technician window starts before this instant'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

const idParams = z.object({ id: z.uuid() });

const patchBody = z.strictObject({
  status: z.enum(ORDER_STATUSES),
  actor: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Free text kept beside the authenticated key (transitions[].by); defaults to the API key name'),
  note: z.string().trim().min(1).max(2000).optional(),
});

const planView = z
  .object({
    technician_id: z.string(),
    technician_name: z.string(),
    window_start: z.string(),
    window_end: z.string(),
    reasons: z.array(z.string()),
  })
  .nullable();

const orderView = z.object({
  id: z.string(),
  sensor_id: z.string(),
  equipment: z.string().nullable(),
  prediction_id: z.string().nullable(),
  status: z.enum(ORDER_STATUSES),
  priority: z.enum(PRIORITIES),
  required_skill: z.string(),
  required_level: z.number(),
  duration_minutes: z.number(),
  failure_probability: z.number().nullable(),
  deadline: z.string().nullable(),
  technician_id: z.string().nullable(),
  technician_name: z.string().nullable(),
  window_start: z.string().nullable(),
  window_end: z.string().nullable(),
  reasons: z.array(z.string()).describe('English, for integrators; reason_messages is what a client translates'),
  reason_messages: z
    .array(responses.serverMessage)
    .describe('Why this technician and window, or why the order is unplanned, as codes and parameters'),
  unassigned_code: z.string().nullable(),
  unassigned_reason: z.string().nullable().describe('English, for integrators; reason_messages carries it as a code'),
  workflow_id: z.string().nullable(),
  correlation_id: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

const bookingView = z.object({
  id: z.string(),
  technician_id: z.string(),
  window_start: z.string(),
  window_end: z.string(),
  status: z.enum(['tentative', 'firm', 'released']),
  created_at: z.string(),
  released_at: z.string().nullable(),
});

const orderDetailView = orderView.extend({
  plan_explanation: z.unknown(),
  booking: bookingView.nullable(),
  bookings: z.array(bookingView),
  transitions: z.array(
    z.object({
      from_status: z.string().nullable(),
      to_status: z.string(),
      actor: z.string(),
      by: identityView.nullable().describe('Who made the move, as authenticated; null before identities were recorded'),
      note: z.string().nullable(),
      ts: z.string(),
    }),
  ),
});

const workOrderListItem = z.object({
  id: z.string(),
  sensor_id: z.string(),
  equipment: z.string().nullable(),
  status: z.enum(ORDER_STATUSES),
  priority: z.enum(PRIORITIES),
  technician_id: z.string().nullable(),
  technician_name: z.string().nullable(),
  window_start: z.string().nullable(),
  window_end: z.string().nullable(),
  deadline: z.string().nullable(),
  failure_probability: z.number().nullable(),
  workflow_id: z.string().nullable(),
  correlation_id: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

const evidenceView = z.object({
  prediction: z
    .object({
      id: z.string(),
      model: z.string(),
      version: z.string(),
      probability: z.number(),
      has_explanation: z.boolean(),
      created_at: z.string(),
    })
    .nullable()
    .describe('The prediction that raised the order; null for a manual order'),
  decisions: z.array(
    z.object({
      id: z.string(),
      request_id: z.string(),
      decision: z.string(),
      operator_id: z.string(),
      justification: z.string(),
      created_at: z.string(),
    }),
  ),
  reports: z
    .array(z.object({ id: z.string(), report_type: z.string(), created_at: z.string() }))
    .describe("Reports of the order's workflow"),
  open_request: z
    .object({ request_id: z.string(), workflow_id: z.string(), deadline: z.string() })
    .nullable()
    .describe('Set while a workflow waits for a human decision on the order'),
});

const scheduledView = z.object({
  id: z.string(),
  sensor_id: z.string(),
  status: z.enum(ORDER_STATUSES),
  priority: z.enum(PRIORITIES),
  technician_id: z.string().nullable(),
  technician_name: z.string().nullable(),
  window_start: z.string().nullable(),
  window_end: z.string().nullable(),
  booking_status: z.enum(['tentative', 'firm']).nullable(),
  reasons: z.array(z.string()).describe('English, for integrators; reason_messages is what a client translates'),
  reason_messages: z
    .array(responses.serverMessage)
    .describe("Why this technician and window, as codes and parameters (the plan's explanation)"),
  workflow_id: z.string().nullable(),
  correlation_id: z.string().nullable(),
  // The original system's names, beside today's.
  scheduled_start_time: z.string().nullable().describe('The same as window_start'),
  scheduled_end_time: z.string().nullable().describe('The same as window_end'),
  assigned_technician_id: z.string().nullable().describe('The same as technician_id'),
  created_at: z.string(),
});

/** Maintenance orders and their lifecycle, the technicians' bookings, and the roster. */
export function maintenanceRoutes(api: ApiRouter, deps: Pick<AppDeps, 'sql'>): void {
  api.route({
    method: 'post',
    path: '/maintenance/schedule',
    summary: 'Create a maintenance order by hand and plan it (tentative booking, awaiting approval)',
    tags: ['maintenance'],
    scopes: ['maintenance:schedule'],
    body: scheduleBody,
    responses: {
      201: {
        description: 'The order with its plan, or with the reason it could not be planned',
        schema: orderView.extend({
          plan: planView,
          plan_message: z.string(),
          maintenance_type: z.string().nullable(),
          report: z
            .object({
              report_id: z.string(),
              report_type: z.literal('maintenance_order'),
              format: z.literal('json'),
              generated_at: z.string(),
              content: z.record(z.string(), z.unknown()),
            })
            .optional()
            .describe('With include_report'),
        }),
      },
      422: { description: 'Invalid request' },
    },
    handler: async (ctx, { body }) => {
      const actor = `api-key:${ctx.state.apiKey?.name ?? 'unknown'}`;
      const now = new Date();
      const estimate = resolveFailureEstimate(
        {
          failureProbability: body.failure_probability,
          predictionConfidence: body.prediction_confidence,
          predictedFailureDate: body.predicted_failure_date ? new Date(body.predicted_failure_date) : undefined,
          timeToFailureDays: body.time_to_failure_days,
        },
        now,
      );
      const result = await proposeOrder(
        deps.sql,
        {
          sensorId: body.sensor_id,
          sensorType: body.sensor_type,
          probability: estimate.probability,
          daysToFailure: estimate.daysToFailure,
          equipment: body.equipment_id,
          note: body.maintenance_type ? `maintenance_type: ${body.maintenance_type}` : undefined,
          correlationId: body.correlation_id ?? ctx.state.correlationId,
          overrides: {
            priority: body.priority,
            requiredSkill: body.required_skill,
            requiredLevel: body.required_level,
            durationMinutes: body.duration_minutes,
            deadline: body.deadline ? new Date(body.deadline) : undefined,
          },
        },
        { now, actor, by: callerIdentity(ctx) },
      );
      ctx.status = 201;
      ctx.body = {
        ...result.order,
        plan: result.plan,
        plan_message: result.planMessage,
        maintenance_type: body.maintenance_type ?? null,
        ...(body.include_report ? { report: orderReport(result, now) } : {}),
      };
    },
  });

  api.route({
    method: 'get',
    path: '/maintenance/scheduled',
    summary: 'Orders holding a technician (live booking) or scheduled / in progress, soonest window first; X-Total-Count has the total',
    tags: ['maintenance'],
    scopes: ['maintenance:read'],
    query: scheduledQuery,
    responses: { 200: { description: 'A page of orders', schema: z.array(scheduledView) } },
    handler: async (ctx, { query }) => {
      const { items, total } = await listScheduledOrders(
        {
          status: query.status,
          technicianId: query.technician,
          correlationId: query.correlation_id,
          limit: query.limit,
          offset: query.offset,
        },
        deps.sql,
      );
      ctx.set('X-Total-Count', String(total));
      ctx.body = items.map(({ plan_explanation, unassigned_code, ...o }) => {
        const start = o.window_start?.toISOString() ?? null;
        const end = o.window_end?.toISOString() ?? null;
        return {
          ...o,
          reason_messages: planReasonMessages(plan_explanation, o.technician_name, unassigned_code),
          window_start: start,
          window_end: end,
          scheduled_start_time: start,
          scheduled_end_time: end,
          assigned_technician_id: o.technician_id,
          created_at: o.created_at.toISOString(),
        };
      });
    },
  });

  api.route({
    method: 'get',
    path: '/maintenance/orders',
    summary:
      'Every maintenance order, newest first, filtered by status, priority, technician, sensor or window; X-Total-Count has the total',
    tags: ['maintenance'],
    scopes: ['maintenance:read'],
    query: ordersQuery,
    responses: {
      200: { description: 'A page of orders', schema: z.array(workOrderListItem) },
      422: { description: 'Invalid filter, or window_from after window_to' },
    },
    handler: async (ctx, { query }) => {
      if (query.window_from && query.window_to && new Date(query.window_from) > new Date(query.window_to)) {
        throw new ValidationError([fieldError('query.window_from', 'not_after', 'must not be after window_to', { other: 'window_to' })]);
      }
      const { items, total } = await listWorkOrders(
        {
          status: query.status ? [query.status] : undefined,
          priority: query.priority,
          technicianId: query.technician,
          sensorId: query.sensor_id,
          windowFrom: query.window_from ? new Date(query.window_from) : undefined,
          windowTo: query.window_to ? new Date(query.window_to) : undefined,
          limit: query.limit,
          offset: query.offset,
        },
        deps.sql,
      );
      ctx.set('X-Total-Count', String(total));
      ctx.set('Access-Control-Expose-Headers', 'X-Total-Count');
      ctx.body = items.map((o) => isoDates(o));
    },
  });

  api.route({
    method: 'get',
    path: '/maintenance/orders/:id',
    summary: 'One order with its plan, explanation, bookings and status history',
    tags: ['maintenance'],
    scopes: ['maintenance:read'],
    params: idParams,
    responses: {
      200: {
        description: 'The order',
        schema: orderDetailView.extend({
          plan: planView,
          evidence: evidenceView,
          allowed_transitions: z
            .array(z.enum(ORDER_STATUSES))
            .describe('The statuses PATCH accepts now; empty while a workflow waits for a decision on the order'),
          site: z
            .object({ id: z.string(), name: z.string(), time_zone: z.string() })
            .nullable()
            .describe('The site of the order’s asset: its technicians plan it, and its clock can show the times; null for none'),
        }),
      },
      404: { description: 'No such order' },
    },
    handler: async (ctx, { params }) => {
      const { detail, evidence, next, site } = await getWorkOrder(deps.sql, params.id);
      ctx.body = {
        ...detail,
        plan: planOf(detail),
        evidence: isoDates(evidence),
        allowed_transitions: next,
        site: site && { id: site.id, name: site.name, time_zone: site.time_zone },
      };
    },
  });

  api.route({
    method: 'patch',
    path: '/maintenance/orders/:id',
    summary:
      'Move an order one step through its lifecycle (409 illegal_transition otherwise); approved, rejected and escalated need decisions:write',
    tags: ['maintenance'],
    scopes: ['maintenance:schedule'],
    params: idParams,
    body: patchBody,
    responses: {
      200: {
        description: 'The order after the change (unchanged when it already had that status)',
        schema: orderDetailView.extend({ plan: planView }),
      },
      404: { description: 'No such order' },
      403: { description: 'A decision status without decisions:write' },
      409: {
        description:
          'illegal_transition (names from, to and the allowed moves), no_slot when it cannot be scheduled, or awaiting_decision ' +
          '(a workflow waits for a human decision: request_id and submit_path say where to send it)',
      },
    },
    handler: async (ctx, { params, body }) => {
      // Setting a decision status is deciding: the route's maintenance:schedule is not enough.
      if (DECISION_STATUSES.includes(body.status) && !hasScopes(ctx.state.apiKey?.scopes ?? [], ['decisions:write'])) {
        throw new ForbiddenError(['decisions:write'], `Moving an order to ${body.status} is a decision and needs the scope`);
      }
      const actor = body.actor ?? `api-key:${ctx.state.apiKey?.name ?? 'unknown'}`;
      const by = callerIdentity(ctx);
      const { detail } = await transitionOrder(deps.sql, { orderId: params.id, to: body.status, actor, by, note: body.note }, new Date());
      ctx.body = { ...detail, plan: planOf(detail) };
    },
  });

  api.route({
    method: 'get',
    path: '/maintenance/technicians',
    summary: 'The technician roster: skills with levels, weekly shifts in site local time, UTC offset',
    tags: ['maintenance'],
    scopes: ['maintenance:read'],
    responses: { 200: { description: 'Technicians', schema: z.array(responses.technicianView) } },
    handler: async (ctx) => {
      ctx.body = await listTechnicians({}, deps.sql);
    },
  });

  api.route({
    method: 'put',
    path: '/maintenance/technicians/:id',
    summary: 'Create or replace a technician (skills with levels 1–5, weekly shifts in site local time)',
    tags: ['maintenance'],
    scopes: ['maintenance:schedule'],
    params: z.object({ id: technicianIdSchema }),
    body: z.strictObject({
      name: z.string().trim().min(1).max(200),
      site: siteIdSchema.describe('The id of the site the technician works at (GET /api/v1/sites)'),
      skills: z.array(skillLevelSchema).min(1).max(20),
      shifts: z.array(weeklyShiftSchema).max(50),
      utc_offset_minutes: z
        .number()
        .int()
        .min(-840)
        .max(840)
        .optional()
        .meta({ deprecated: true })
        .describe("Deprecated and ignored: the offset follows the site's time zone (PATCH /api/v1/sites/{id}), daylight saving included"),
      active: z.boolean().default(true),
    }),
    responses: {
      200: { description: 'Replaced', schema: responses.technicianView },
      201: { description: 'Created', schema: responses.technicianView },
      422: { description: 'Invalid field, or no such site' },
    },
    handler: async (ctx, { params, body }) => {
      await requireSite(body.site, 'site', deps.sql);
      const { record, created } = await upsertTechnician(
        {
          id: params.id,
          name: body.name,
          site: body.site,
          skills: body.skills,
          shifts: body.shifts,
          active: body.active,
        },
        deps.sql,
      );
      ctx.status = created ? 201 : 200;
      ctx.body = record;
    },
  });
}

/** Dates become ISO instants, at any depth (the database rows carry Date objects). */
function isoDates<T extends object>(value: T): Record<string, unknown> {
  const convert = (v: unknown): unknown => {
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v)) return v.map(convert);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x)]));
    return v;
  };
  return convert(value) as Record<string, unknown>;
}
