import { z } from 'zod';
import { isoTimestamp, sensorIdSchema } from '../../domain/reading';
import { archiveSensor, listReadings, listSensors } from '../../usecases/sensorData';
import { sensorSeries } from '../../usecases/sensorSeries';
import { respondWithPage } from '../pagedResponse';
import { ValidationError } from '../errors';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import * as responses from '../schemas/responses';
import { fieldError } from '../../domain/fieldErrorText';

const readingsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  sensor_id: sensorIdSchema.optional(),
  start_ts: isoTimestamp.optional(),
  end_ts: isoTimestamp.optional(),
  format: z.enum(['json', 'csv']).optional(),
});

const seriesQuery = z.strictObject({
  from: isoTimestamp.optional().describe('Start of the range (inclusive); 24 h before `to` when absent'),
  to: isoTimestamp
    .optional()
    .describe("End of the range (inclusive); the sensor's latest reading when absent (24 h after `from` when only that is given)"),
  max_points: z.coerce
    .number()
    .int()
    .min(10)
    .max(2000)
    .default(500)
    .describe('More readings than this are averaged into equal time buckets'),
});

const seriesView = z.object({
  sensor_id: z.string(),
  sensor_type: z.string(),
  unit: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  bucket_seconds: z.number().describe('0 when every reading is returned; else the bucket width'),
  total: z.number().describe('Readings in the range, before downsampling'),
  aggregated: z
    .number()
    .describe('Of those, readings served from the retention aggregates (raw rows rolled up); points are then at least a minute wide'),
  points: z.array(z.object({ ts: z.string(), value: z.number(), min: z.number(), max: z.number(), count: z.number() })),
  anomalies: z.array(
    z.object({ ts: z.string(), value: z.number(), score: z.number(), method: z.string(), credible: z.boolean().nullable() }),
  ),
});

/** Longest range one chart request may cover. */
const MAX_SERIES_DAYS = 366;

const CSV_HEADER = ['id', 'sensor_id', 'timestamp', 'value', 'unit', 'quality', 'sensor_type', 'correlation_id', 'ingested_at', 'metadata'];

/** Reading back what was ingested: readings newest first (JSON or CSV) and the sensor registry. */
export function sensorRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route({
    method: 'get',
    path: '/sensors/readings',
    summary: 'Readings, newest first; X-Total-Count has the filtered total; Accept: text/csv for CSV',
    tags: ['sensors'],
    scopes: ['data:read'],
    query: readingsQuery,
    responses: { 200: { description: 'A page of readings', schema: z.array(responses.listedReadingView) } },
    handler: async (ctx, { query }) => {
      if (query.start_ts && query.end_ts && new Date(query.start_ts) > new Date(query.end_ts)) {
        throw new ValidationError([fieldError('query.start_ts', 'not_after', 'must not be after end_ts', { other: 'end_ts' })]);
      }
      const { rows, total } = await listReadings(
        {
          sensorId: query.sensor_id,
          startTs: query.start_ts ? new Date(query.start_ts) : undefined,
          endTs: query.end_ts ? new Date(query.end_ts) : undefined,
          limit: query.limit,
          offset: query.offset,
        },
        deps.sql,
      );
      respondWithPage(
        ctx,
        // The original system's names ride beside today's in JSON; the CSV keeps its columns.
        { items: rows, total, format: query.format },
        {
          filename: 'readings.csv',
          header: CSV_HEADER,
          row: (r) => [
            r.id,
            r.sensor_id,
            r.timestamp,
            r.value,
            r.unit,
            r.quality,
            r.sensor_type,
            r.correlation_id,
            r.ingested_at,
            r.metadata,
          ],
        },
        (page) => page.map((r) => ({ ...r, sensor_metadata: r.metadata, ingestion_timestamp: r.ingested_at })),
      );
    },
  });

  api.route({
    method: 'get',
    path: '/sensors/:id/series',
    summary:
      "One sensor's readings over a time range for a chart, downsampled to max_points, with the anomalies in that range; where retention rolled the raw readings up, their per-minute or per-hour aggregates stand in",
    tags: ['sensors'],
    scopes: ['data:read'],
    params: z.object({ id: sensorIdSchema }),
    query: seriesQuery,
    responses: {
      200: { description: 'The series', schema: seriesView },
      404: { description: 'No such sensor' },
      422: { description: 'from after to, or a range longer than 366 days' },
    },
    handler: async (ctx, { params, query }) => {
      const from = query.from ? new Date(query.from) : undefined;
      const to = query.to ? new Date(query.to) : undefined;
      if (from && to && from > to)
        throw new ValidationError([fieldError('query.from', 'not_after', 'must not be after to', { other: 'to' })]);
      if (from && to && to.getTime() - from.getTime() > MAX_SERIES_DAYS * 86_400_000) {
        throw new ValidationError([
          fieldError('query.from', 'range_too_long', `the range may cover at most ${MAX_SERIES_DAYS} days`, { days: MAX_SERIES_DAYS }),
        ]);
      }
      const series = await sensorSeries(deps.sql, { sensorId: params.id, from, to, maxPoints: query.max_points });
      ctx.body = {
        ...series,
        from: series.from.toISOString(),
        to: series.to.toISOString(),
        points: series.points.map((p) => ({ ...p, ts: p.ts.toISOString() })),
        anomalies: series.anomalies.map((a) => ({ ...a, ts: a.ts.toISOString() })),
      };
    },
  });

  api.route({
    method: 'get',
    path: '/sensors/sensors',
    summary: 'Registered sensors with reading count, first and last reading; archived sensors only with include_archived',
    tags: ['sensors'],
    scopes: ['data:read'],
    query: z.strictObject({
      include_archived: z.enum(['true', 'false']).default('false').describe('Also list sensors hidden with PATCH /sensors/{id}'),
    }),
    responses: { 200: { description: 'The sensors', schema: z.array(responses.sensorView) } },
    handler: async (ctx, { query }) => {
      ctx.body = await listSensors({ includeArchived: query.include_archived === 'true' }, deps.sql);
    },
  });

  api.route({
    method: 'patch',
    path: '/sensors/:id',
    summary: 'Hide a sensor from the sensor lists (archived: true) or list it again; its readings and everything else stay',
    tags: ['sensors'],
    // Whoever may feed a sensor may tidy the list of them; no data is changed or removed.
    scopes: ['data:ingest'],
    params: z.object({ id: sensorIdSchema }),
    body: z.strictObject({ archived: z.boolean() }),
    responses: {
      200: { description: 'The archive mark now', schema: z.object({ sensor_id: z.string(), archived_at: z.string().nullable() }) },
      404: { description: 'No such sensor' },
    },
    handler: async (ctx, { params, body }) => {
      const { archived_at } = await archiveSensor(deps.sql, params.id, body.archived, new Date());
      ctx.body = { sensor_id: params.id, archived_at: archived_at?.toISOString() ?? null };
    },
  });
}
