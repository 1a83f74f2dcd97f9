import { z } from 'zod';
import { isoTimestamp, sensorIdSchema } from '../../domain/reading';
import { AlarmFeed, alarmSummary } from '../../usecases/alarmFeed';
import { REPORT_LANGS, isTimeZone } from '../../domain/reportText';
import { alarmPerformanceReport, reportCsv, reportPdf } from '../../usecases/alarmReport';
import { requestedReportLocale } from '../../usecases/reports';
import { actOnAlarm, alarmDetail, listAlarmViews, setSensitivity, type AlarmView } from '../../usecases/alarms';
import { callerIdentity } from '../callerIdentity';
import { ValidationError } from '../errors';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import { respondWithPage } from '../pagedResponse';
import { sendEventStream } from '../eventStream';
import { fieldError } from '../../domain/fieldErrorText';

const STATES = ['open', 'acknowledged', 'resolved'] as const;
const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
/** `state=open,acknowledged`: a comma list of known values. */
const listOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .max(100)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1));

const alarmsQuery = z.strictObject({
  state: listOf(STATES).optional().describe('Comma list: open, acknowledged, resolved'),
  sensor_id: sensorIdSchema.optional(),
  severity: listOf(SEVERITIES).optional().describe('Comma list: low, medium, high, critical'),
  from: isoTimestamp.optional().describe('Alarms still active at or after this instant'),
  to: isoTimestamp.optional().describe('Alarms that started before this instant'),
  historical: z.enum(['true', 'false']).optional().describe('Only backfilled (true) or only live (false) alarms'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  format: z.enum(['json', 'csv']).optional(),
});

const alarmSchema = z.object({
  id: z.string(),
  sensor_id: z.string(),
  source: z.enum(['streaming', 'monitoring']),
  kind: z.string(),
  severity: z.enum(SEVERITIES),
  state: z.enum(STATES),
  start_ts: z.string(),
  end_ts: z.string().nullable(),
  last_anomalous_ts: z.string(),
  peak_score: z.number(),
  peak_value: z.number().nullable(),
  peak_ts: z.string().nullable(),
  readings: z.number(),
  historical: z.boolean(),
  assigned_to: z.string().nullable(),
  escalation_level: z.number(),
  acknowledged_at: z.string().nullable(),
  acknowledged_by: z.string().nullable(),
  resolved_at: z.string().nullable(),
  resolved_by: z.string().nullable(),
  resolution_cause: z.string().nullable(),
  maintenance_workflow_id: z.string().nullable(),
  workflow_id: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  created_at: z.string(),
});

const alarmDetailSchema = alarmSchema.extend({
  readings: z
    .array(z.object({ ts: z.string(), value: z.number() }))
    .describe('The sensor around the alarm: its span and as long again either side'),
  timeline: z.array(
    z.object({ type: z.string(), actor: z.string().nullable(), at: z.string(), details: z.record(z.string(), z.unknown()) }),
  ),
});

const summarySchema = z.object({
  open: z.number(),
  acknowledged: z.number(),
  by_severity: z.record(z.string(), z.number()),
  changed_at: z.string().nullable(),
});

const note = z.string().trim().max(2000).optional();
const ackBody = z.strictObject({ note, assigned_to: z.string().trim().min(1).max(100).optional() });
const resolveBody = z.strictObject({ cause: z.string().trim().min(3).max(500), note });
const convertBody = z.strictObject({ justification: z.string().trim().min(3).max(2000), note });
const idParams = z.object({ id: z.uuid() });

const CSV_HEADER = [
  'id',
  'sensor_id',
  'source',
  'kind',
  'severity',
  'state',
  'start_ts',
  'end_ts',
  'peak_score',
  'peak_value',
  'readings',
  'historical',
  'assigned_to',
  'escalation_level',
  'acknowledged_at',
  'acknowledged_by',
  'resolved_at',
  'resolved_by',
  'resolution_cause',
] as const;

const reportQuery = z.strictObject({
  from: isoTimestamp.optional().describe('Start of the period (default: 7 days before to)'),
  to: isoTimestamp.optional().describe('End of the period (default: now)'),
  operators: z.coerce.number().int().min(1).max(1000).default(1).describe('Operators sharing the alarms, for the per-operator rates'),
  site: z
    .string()
    .max(200)
    .optional()
    .describe("Only this site's alarms (the site of the asset a sensor was on); empty: sensors on no asset"),
  format: z.enum(['json', 'csv', 'pdf']).optional(),
  lang: z.enum(REPORT_LANGS).optional().describe('PDF language; Accept-Language when absent, else en'),
  tz: z
    .string()
    .max(64)
    .refine(isTimeZone, {
      message: 'must be an IANA time zone name, such as America/Sao_Paulo or UTC',
      params: { code: 'not_time_zone' },
    })
    .optional()
    .describe('IANA time zone the PDF shows instants in; UTC when absent'),
});

/** Alarms: the one list to work (streaming detections and monitoring incidents), their lifecycle, the report. */
export function alarmRoutes(api: ApiRouter, deps: AppDeps): void {
  const feed = new AlarmFeed(deps.sql, {
    maxPerKey: deps.config.SSE_MAX_STREAMS_PER_KEY,
    maxPerProcess: deps.config.SSE_MAX_STREAMS_PER_PROCESS,
  });

  api.route({
    method: 'get',
    path: '/alarms',
    summary: 'Alarms, newest first; X-Total-Count has the filtered total; format=csv (or Accept: text/csv) for CSV',
    tags: ['alarms'],
    scopes: ['data:read'],
    query: alarmsQuery,
    responses: { 200: { description: 'A page of alarms', schema: z.array(alarmSchema) } },
    handler: async (ctx, { query }) => {
      if (query.from && query.to && new Date(query.from) > new Date(query.to)) {
        throw new ValidationError([fieldError('query.from', 'not_after', 'must not be after to', { other: 'to' })]);
      }
      const { items, total } = await listAlarmViews(deps, {
        state: query.state,
        sensorId: query.sensor_id,
        severity: query.severity,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        historical: query.historical === undefined ? undefined : query.historical === 'true',
        limit: query.limit,
        offset: query.offset,
      });
      respondWithPage<AlarmView>(
        ctx,
        { items, total, format: query.format },
        { filename: 'alarms.csv', header: CSV_HEADER, row: (a) => CSV_HEADER.map((c) => a[c]) },
      );
    },
  });

  api.route({
    method: 'get',
    path: '/alarms/summary',
    summary: 'Open and acknowledged alarm counts (the navigation badge)',
    tags: ['alarms'],
    scopes: ['data:read'],
    responses: { 200: { description: 'Counts', schema: summarySchema } },
    handler: async (ctx) => {
      ctx.body = await alarmSummary(deps.sql);
    },
  });

  api.route({
    method: 'get',
    path: '/alarms/stream',
    summary: 'Server-Sent Events: `alarms` with the summary whenever an alarm is raised or changes',
    tags: ['alarms'],
    scopes: ['data:read'],
    responses: {
      200: { description: 'text/event-stream', contentType: 'text/event-stream', schema: z.string() },
      429: { description: 'Too many streams open for this key or this server' },
    },
    handler: async (ctx) => {
      const stream = feed.subscribe(ctx.state.apiKey!.id);
      sendEventStream(ctx, stream);
    },
  });

  api.route({
    method: 'get',
    path: '/alarms/report',
    summary:
      'Alarm performance (EEMUA 191 / ISA-18.2 KPIs) over a period, for the plant and per site: JSON, or CSV with format=csv, or PDF with format=pdf',
    tags: ['alarms'],
    scopes: ['data:read'],
    query: reportQuery,
    responses: {
      200: { description: 'The KPIs (JSON, CSV or PDF by format)', schema: z.record(z.string(), z.unknown()) },
      422: { description: 'from not before to, an unknown format, language or time zone' },
    },
    handler: async (ctx, { query }) => {
      const to = query.to ? new Date(query.to) : new Date();
      const from = query.from ? new Date(query.from) : new Date(to.getTime() - 7 * 86_400_000);
      if (from >= to) throw new ValidationError([fieldError('query.from', 'not_before', 'must be before to', { other: 'to' })]);
      const report = await alarmPerformanceReport(deps, { from, to, operators: query.operators, site: query.site });
      if (query.format === 'csv') {
        ctx.type = 'text/csv; charset=utf-8';
        ctx.set('Content-Disposition', 'attachment; filename="alarm-performance.csv"');
        ctx.body = reportCsv(report);
        return;
      }
      if (query.format === 'pdf') {
        const loc = requestedReportLocale({ lang: query.lang, tz: query.tz, acceptLanguage: ctx.get('Accept-Language') });
        ctx.set('Vary', 'Accept-Language');
        ctx.type = 'application/pdf';
        ctx.set('Content-Disposition', 'attachment; filename="alarm-performance.pdf"');
        ctx.body = await reportPdf(report, { id: ctx.state.requestId, createdAt: new Date(), loc });
        return;
      }
      ctx.body = report;
    },
  });

  api.route({
    method: 'get',
    path: '/alarms/:id',
    summary: 'One alarm with the readings around it and its timeline',
    tags: ['alarms'],
    scopes: ['data:read'],
    params: idParams,
    responses: { 200: { description: 'The alarm', schema: alarmDetailSchema }, 404: { description: 'No such alarm' } },
    handler: async (ctx, { params }) => {
      ctx.body = await alarmDetail(deps, params.id);
    },
  });

  const act = (action: 'acknowledge' | 'resolve' | 'convert', body: z.ZodType, scopes: ('decisions:write' | 'workflows:write')[]) =>
    api.route({
      method: 'post',
      path: `/alarms/:id/${action}`,
      summary:
        action === 'acknowledge'
          ? 'Acknowledge an open alarm (optionally assigning it); stops its escalation'
          : action === 'resolve'
            ? 'Resolve an alarm with its cause'
            : 'Convert an alarm into a maintenance order: starts prediction-to-maintenance with its human decision',
      tags: ['alarms'],
      scopes,
      params: idParams,
      body,
      responses: {
        200: { description: 'The alarm after the step', schema: alarmSchema },
        404: { description: 'No such alarm' },
        409: { description: 'The alarm is not in a state that allows this step' },
        422: { description: 'Invalid body' },
      },
      handler: async (ctx, { params, body: b }) => {
        ctx.body = await actOnAlarm(deps, params.id, { action, ...(b as object) } as never, callerIdentity(ctx));
      },
    });
  act('acknowledge', ackBody, ['decisions:write']);
  act('resolve', resolveBody, ['decisions:write']);
  act('convert', convertBody, ['decisions:write', 'workflows:write']);

  api.route({
    method: 'patch',
    path: '/sensors/:sensor_id/sensitivity',
    summary: "A sensor's detection sensitivity (0-1, default 0.5; higher flags more): it shifts the threshold to threshold^(2·sensitivity)",
    tags: ['alarms'],
    scopes: ['ml:anomaly'],
    params: z.object({ sensor_id: sensorIdSchema }),
    body: z.strictObject({ sensitivity: z.number().min(0).max(1) }),
    responses: {
      200: {
        description: 'Stored; applies from the next reading scored',
        schema: z.object({ sensor_id: z.string(), sensitivity: z.number() }),
      },
      404: { description: 'Unknown sensor' },
      422: { description: 'Sensitivity outside 0-1' },
    },
    handler: async (ctx, { params, body }) => {
      ctx.body = await setSensitivity(deps, params.sensor_id, body.sensitivity);
    },
  });
}
