import { z } from 'zod';
import { isoTimestamp } from '../../domain/reading';
import { REPORT_TYPES, STORED_REPORT_TYPES, reportBodySchema } from '../../domain/report';
import { REPORT_LANGS, isTimeZone } from '../../domain/reportText';
import { generateReport, getReport, getReportCsv, getReportPdf, listReports, requestedReportLocale } from '../../usecases/reports';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import * as responses from '../schemas/responses';

const generateBody = z
  .strictObject({
    report_type: z.enum(REPORT_TYPES),
    from: isoTimestamp.optional().describe('Start of the period (inclusive); defaults to 24 h before `to`'),
    to: isoTimestamp.optional().describe('End of the period (exclusive); defaults to now'),
    workflow_id: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,200}$/)
      .optional()
      .describe('For workflow_run: the run to report on'),
    correlation_id: z.uuid().optional().describe("For workflow_run: the run's correlation id (its readings)"),
    // The original system's form; either field makes the answer the original's (200, report_id, content, ...).
    format: z.literal('json').optional().describe('json only: the CSV and PDF forms are the artifacts'),
    parameters: z
      .strictObject({
        detail_level: z
          .enum(['summary', 'detailed'])
          .default('detailed')
          .describe('summary: content holds the title, period and key figures; detailed: also the charts and tables'),
      })
      .optional(),
  })
  .refine((b) => b.report_type !== 'workflow_run' || b.workflow_id, { message: 'workflow_run needs workflow_id', path: ['workflow_id'] });

const idParams = z.object({ id: z.uuid('must be a report id (UUID)') });

/** The reader's language and zone; the language may also come from Accept-Language. */
const readerQuery = z.strictObject({
  lang: z.enum(REPORT_LANGS).optional().describe('Language of labels, titles and values; Accept-Language when absent, else en'),
  tz: z
    .string()
    .max(64)
    .refine(isTimeZone, {
      message: 'must be an IANA time zone name, such as America/Sao_Paulo or UTC',
      params: { code: 'not_time_zone' },
    })
    .optional()
    .describe('IANA time zone the instants are shown in; UTC when absent'),
});

const presentationView = z
  .object({
    lang: z.enum(REPORT_LANGS),
    time_zone: z.string(),
    title: z.string(),
    period: z.object({ from: z.string(), to: z.string() }),
    summary: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
    charts: z.array(z.object({ id: z.string(), title: z.string() })),
    tables: z.array(z.object({ title: z.string(), columns: z.array(z.string()) })),
  })
  .describe("The report in the reader's words: labels for keys and columns, titles translated, values formatted in their locale and zone");

const listQuery = z.strictObject({
  report_type: z.enum(STORED_REPORT_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

const reportView = z.object({
  id: z.string(),
  report_type: z.enum(STORED_REPORT_TYPES),
  parameters: z.record(z.string(), z.unknown()),
  body: reportBodySchema,
  workflow_id: z.string().nullable(),
  correlation_id: z.string().nullable(),
  created_at: z.string(),
  artifacts: z.object({ csv: z.string(), pdf: z.string() }),
});

/**
 * Reports computed from the database. One scope, `reports:generate`, governs the whole resource
 * (generating, reading and downloading): a report aggregates data across sensors, orders and
 * decisions, so reading one is granted with the right to produce one rather than with `data:read`.
 */
export function reportRoutes(api: ApiRouter, deps: Pick<AppDeps, 'sql'>): void {
  const artifacts = (id: string) => ({
    csv: `${api.prefix}/reports/${id}/artifact.csv`,
    pdf: `${api.prefix}/reports/${id}/artifact.pdf`,
  });

  api.route({
    method: 'post',
    path: '/reports/generate',
    summary: 'Compute a report from the database now; stored with CSV and PDF artifacts',
    tags: ['reports'],
    scopes: ['reports:generate'],
    body: generateBody,
    responses: {
      200: {
        description:
          "With format or parameters (the original system's form): today's fields plus report_id, format, content, generated_at and metadata",
        schema: reportView.extend({
          report_id: z.string(),
          format: z.literal('json'),
          content: reportBodySchema.partial({ charts: true, tables: true }),
          generated_at: z.string(),
          metadata: z.object({
            detail_level: z.enum(['summary', 'detailed']),
            parameters: z.record(z.string(), z.unknown()),
            period: reportBodySchema.shape.period,
          }),
        }),
      },
      201: { description: 'The stored report with links to its artifacts', schema: reportView },
      422: { description: 'Unknown report type, or a period that is reversed or longer than 366 days' },
    },
    handler: async (ctx, { body }) => {
      const report = await generateReport(deps.sql, {
        reportType: body.report_type,
        from: body.from,
        to: body.to,
        workflowId: body.workflow_id,
        correlationId: body.correlation_id ?? ctx.state.correlationId,
      });
      ctx.set('Location', `${api.prefix}/reports/${report.id}`);
      const stored = { ...report, artifacts: artifacts(report.id) };
      if (!body.format && !body.parameters) {
        ctx.status = 201;
        ctx.body = stored;
        return;
      }
      const detail = body.parameters?.detail_level ?? 'detailed';
      const { title, period, summary } = report.body;
      ctx.status = 200;
      ctx.body = {
        ...stored,
        report_id: report.id,
        format: 'json',
        content: detail === 'summary' ? { title, period, summary } : report.body,
        generated_at: report.created_at,
        metadata: { detail_level: detail, parameters: report.parameters, period },
      };
    },
  });

  api.route({
    method: 'get',
    path: '/reports',
    summary: 'Recent reports, newest first, with their key figures (no tables); X-Total-Count has the total',
    tags: ['reports'],
    scopes: ['reports:generate'],
    query: listQuery,
    responses: { 200: { description: 'A page of reports', schema: z.array(responses.reportListItem) } },
    handler: async (ctx, { query }) => {
      const { items, total } = await listReports({ reportType: query.report_type, limit: query.limit, offset: query.offset }, deps.sql);
      ctx.set('X-Total-Count', String(total));
      ctx.set('Access-Control-Expose-Headers', 'X-Total-Count');
      ctx.body = items.map((r) => ({ ...r, artifacts: artifacts(r.id) }));
    },
  });

  api.route({
    method: 'get',
    path: '/reports/:id',
    summary: "A stored report as JSON: key figures, chart data and tables, plus their labels in the reader's language and zone",
    tags: ['reports'],
    scopes: ['reports:generate'],
    params: idParams,
    query: readerQuery,
    responses: {
      200: { description: 'The report', schema: reportView.extend({ presentation: presentationView }) },
      404: { description: 'No such report' },
      422: { description: 'An unknown language or time zone' },
    },
    handler: async (ctx, { params, query }) => {
      const loc = requestedReportLocale({ ...query, acceptLanguage: ctx.get('Accept-Language') });
      const report = await getReport(params.id, deps.sql, loc);
      ctx.body = { ...report, artifacts: artifacts(report.id) };
    },
  });

  api.route({
    method: 'get',
    path: '/reports/:id/artifact.csv',
    summary:
      "The report's tables as CSV (one titled section per table); with lang, tz or a non-English Accept-Language, titles and headers in that language and instants with the zone's offset",
    tags: ['reports'],
    scopes: ['reports:generate'],
    params: idParams,
    query: readerQuery,
    responses: {
      200: { description: 'CSV', contentType: 'text/csv', schema: z.string() },
      404: { description: 'No such report' },
      422: { description: 'An unknown language or time zone' },
    },
    handler: async (ctx, { params, query }) => {
      const loc = requestedReportLocale({ ...query, acceptLanguage: ctx.get('Accept-Language') });
      const { reportType, csv } = await getReportCsv(params.id, deps.sql, loc);
      ctx.set('Vary', 'Accept-Language');
      ctx.type = 'text/csv; charset=utf-8';
      ctx.set('Content-Disposition', `attachment; filename="${reportType}-${params.id}.csv"`);
      ctx.body = csv;
    },
  });

  api.route({
    method: 'get',
    path: '/reports/:id/artifact.pdf',
    summary: "The report as PDF: key figures, charts and tables, in the reader's language (lang or Accept-Language) and zone (tz)",
    tags: ['reports'],
    scopes: ['reports:generate'],
    params: idParams,
    query: readerQuery,
    responses: {
      200: { description: 'PDF', contentType: 'application/pdf', schema: z.string().meta({ format: 'binary' }) },
      404: { description: 'No such report' },
      422: { description: 'An unknown language or time zone' },
    },
    handler: async (ctx, { params, query }) => {
      const loc = requestedReportLocale({ ...query, acceptLanguage: ctx.get('Accept-Language') });
      const { reportType, pdf } = await getReportPdf(params.id, deps.sql, loc);
      ctx.set('Vary', 'Accept-Language');
      ctx.type = 'application/pdf';
      ctx.set('Content-Disposition', `attachment; filename="${reportType}-${params.id}.pdf"`);
      ctx.body = pdf;
    },
  });
}
