import { z } from 'zod';
import { isoTimestamp, sensorIdSchema } from '../../domain/reading';
import { listReadings, listSensors } from '../../usecases/sensorData';
import { respondWithPage } from '../pagedResponse';
import { ValidationError } from '../errors';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import * as responses from '../schemas/responses';

const readingsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  sensor_id: sensorIdSchema.optional(),
  start_ts: isoTimestamp.optional(),
  end_ts: isoTimestamp.optional(),
  format: z.enum(['json', 'csv']).optional(),
});

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
        throw new ValidationError([{ field: 'query.start_ts', message: 'must not be after end_ts' }]);
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
    path: '/sensors/sensors',
    summary: 'Registered sensors with reading count, first and last reading',
    tags: ['sensors'],
    scopes: ['data:read'],
    responses: { 200: { description: 'All sensors', schema: z.array(responses.sensorView) } },
    handler: async (ctx) => {
      ctx.body = await listSensors(deps.sql);
    },
  });
}
