import { z } from 'zod';
import { isoTimestamp } from '../../domain/reading';
import { identityView } from '../../domain/identitySchema';
import { DECISIONS, listDecisions, type DecisionView } from '../../usecases/decisions';
import { pendingDecisions } from '../../usecases/pendingDecisions';
import { ValidationError } from '../errors';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import { respondWithPage } from '../pagedResponse';
import { decisionRequestIdSchema } from './decisionSubmit';
import { decisionBodySchema } from './workflows';
import { fieldError } from '../../domain/fieldErrorText';

/** A calendar day; a day that does not exist (2026-02-30) is refused rather than rolled over. */
const utcDay = z.iso.date('must be a date as YYYY-MM-DD');
const DAY_MS = 86_400_000;

/** The tighter of an instant filter and a day filter, so either form (or both) may be given. */
function bound(instant: string | undefined, day: Date | undefined, pick: (a: number, b: number) => number): Date | undefined {
  const values = [instant ? new Date(instant).getTime() : undefined, day?.getTime()].filter((v): v is number => v !== undefined);
  return values.length ? new Date(values.reduce(pick)) : undefined;
}

const decisionsQuery = z.strictObject({
  // Validated like the body fields they filter on: a value no decision can hold is a 422, not a query.
  operator_id: decisionBodySchema.shape.operator_id.optional(),
  request_id: decisionRequestIdSchema.optional(),
  correlation_id: z.uuid().optional(),
  decision: z.enum(DECISIONS).optional(),
  from: isoTimestamp.optional().describe('Decisions recorded at or after this instant'),
  to: isoTimestamp.optional().describe('Decisions recorded at or before this instant'),
  start_date: utcDay.optional().describe("Decisions recorded on or after this UTC day (YYYY-MM-DD, the original system's filter)"),
  end_date: utcDay.optional().describe('Decisions recorded on or before this UTC day, the whole day included (YYYY-MM-DD)'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  format: z.enum(['json', 'csv']).optional(),
});

const decisionView = z.object({
  id: z.string(),
  request_id: z.string(),
  decision: z.enum(DECISIONS),
  operator_id: z.string(),
  justification: z.string(),
  workflow_id: z.string().nullable(),
  correlation_id: z.string().nullable(),
  order_id: z.string().nullable(),
  source: z.string(),
  supersedes: z.string().nullable(),
  superseded_by: z.string().nullable(),
  decided_by: identityView
    .nullable()
    .describe('Who decided, as authenticated (operator_id is what the body said); null before identities were recorded'),
  created_at: z.string(),
});

const pendingDecisionView = z.object({
  request_id: z.string(),
  workflow_id: z.string(),
  correlation_id: z.string().nullable(),
  deadline: z.string().describe('ISO instant after which the server applies its timeout policy'),
  requested_at: z.string(),
  threshold: z.number().nullable().describe("The model's threshold the failure probability was compared with"),
  similar_cases: z.array(
    z.object({
      id: z.string(),
      similarity: z.number(),
      decision: z.string().nullable(),
      outcome: z.string().nullable(),
      summary: z.string(),
    }),
  ),
  drift: z
    .array(
      z.object({
        sensor_id: z.string(),
        checked_at: z.string().describe('ISO instant of the drift check'),
        window_minutes: z.number().nullable().describe('The recent window compared with the reference'),
        ks_statistic: z.number().nullable(),
        p_value: z.number().nullable().describe('Kolmogorov-Smirnov p-value'),
        psi: z.number().nullable().describe('Population stability index'),
      }),
    )
    .nullable()
    .describe('Set when the prediction was made on drifted inputs: this request is never approved by its timeout policy'),
  order: z
    .object({
      id: z.string(),
      sensor_id: z.string().nullable(),
      equipment: z.string().nullable(),
      priority: z.string().nullable(),
      status: z.string().nullable(),
      failure_probability: z.number().nullable(),
      technician_id: z.string().nullable(),
      technician_name: z.string().nullable(),
      window_start: z.string().nullable(),
      window_end: z.string().nullable(),
      deadline: z.string().nullable(),
    })
    .nullable(),
});

const CSV_HEADER = [
  'id',
  'request_id',
  'decision',
  'operator_id',
  'justification',
  'workflow_id',
  'correlation_id',
  'order_id',
  'source',
  'supersedes',
  'superseded_by',
  'decided_by_kind',
  'decided_by_key_id',
  'decided_by_key_name',
  'created_at',
] as const;

/** The decision audit trail, read-only: filters, paging and CSV export. (Submitting lives with the workflows.) */
export function decisionListRoutes(api: ApiRouter, deps: Pick<AppDeps, 'sql'>): void {
  api.route({
    method: 'get',
    path: '/decisions/pending',
    summary: 'Workflows waiting for a human decision, nearest deadline first, with the order each one is about',
    tags: ['decisions'],
    scopes: ['workflows:read'],
    responses: { 200: { description: 'The open decision requests', schema: z.array(pendingDecisionView) } },
    handler: async (ctx) => {
      ctx.body = await pendingDecisions(deps.sql);
    },
  });

  api.route({
    method: 'get',
    path: '/decisions',
    summary: 'Human decisions, newest first, each with superseded_by; X-Total-Count has the filtered total; Accept: text/csv for CSV',
    tags: ['decisions'],
    scopes: ['workflows:read'],
    query: decisionsQuery,
    responses: { 200: { description: 'A page of decisions', schema: z.array(decisionView) } },
    handler: async (ctx, { query }) => {
      if (query.from && query.to && new Date(query.from) > new Date(query.to)) {
        throw new ValidationError([fieldError('query.from', 'not_after', 'must not be after to', { other: 'to' })]);
      }
      if (query.start_date && query.end_date && query.start_date > query.end_date) {
        throw new ValidationError([fieldError('query.start_date', 'not_after', 'must not be after end_date', { other: 'end_date' })]);
      }
      const from = bound(query.from, query.start_date ? new Date(`${query.start_date}T00:00:00.000Z`) : undefined, Math.max);
      const to = bound(
        query.to,
        query.end_date ? new Date(new Date(`${query.end_date}T00:00:00.000Z`).getTime() + DAY_MS - 1) : undefined,
        Math.min,
      );
      const { items, total } = await listDecisions(
        {
          operatorId: query.operator_id,
          requestId: query.request_id,
          correlationId: query.correlation_id,
          decision: query.decision,
          from,
          to,
          limit: query.limit,
          offset: query.offset,
        },
        deps.sql,
      );
      respondWithPage(
        ctx,
        { items, total, format: query.format },
        { filename: 'decisions.csv', header: CSV_HEADER, row: (d) => CSV_HEADER.map((c) => csvCell(d, c)) },
        (page) => page.map(({ dedup_key: _internal, ...rest }) => rest),
      );
    },
  });
}

/** The identity is flattened into three columns, so a spreadsheet can filter on the key. */
function csvCell(d: DecisionView, column: (typeof CSV_HEADER)[number]): unknown {
  if (column === 'decided_by_kind') return d.decided_by?.kind ?? null;
  if (column === 'decided_by_key_id') return d.decided_by?.key_id ?? null;
  if (column === 'decided_by_key_name') return d.decided_by?.key_name ?? null;
  return d[column];
}
