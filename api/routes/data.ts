import { z } from 'zod';
import { readingInputSchema } from '../../domain/reading';
import { ingestBatch, ingestSingle, type SingleIngestBody } from '../../usecases/ingestion';
import { SingleReadingWriter } from '../../usecases/singleReadingWriter';
import type { AlarmRaiser } from '../../usecases/alarms';
import { startCsvIngestion } from '../../usecases/csvUploads';
import { ValidationError } from '../errors';
import { fieldError } from '../../domain/fieldErrorText';
import type { AppDeps } from '../deps';
import { workflowStartLimit, type ApiRouter } from '../route';
import * as responses from '../schemas/responses';

export const MAX_BATCH = 10_000;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

export const readingViewSchema = responses.readingView;

const batchSchema = z.strictObject({
  readings: z.array(readingInputSchema).min(1).max(MAX_BATCH),
});

const csvQuery = z.strictObject({
  filename: z
    .string()
    .max(200)
    .regex(/^[\w .-]+$/)
    .optional(),
});

/**
 * The original system's answer fields beside today's: its clients read `event_id`, `sensor_id` and
 * `correlation_id` (the one the reading was stored with, so a replay answers the first request's).
 */
function withOriginalFields(body: SingleIngestBody, correlationId: string) {
  return {
    ...body,
    event_id: body.reading.id,
    sensor_id: body.reading.sensor_id,
    correlation_id: body.reading.correlation_id ?? correlationId,
  };
}

/** Ingestion: single readings with idempotency, all-or-nothing batches, and CSV files as workflows. */
export function dataRoutes(api: ApiRouter, deps: AppDeps, alarms?: AlarmRaiser): void {
  const { config } = deps;
  const writer = new SingleReadingWriter(deps.sql);
  api.route({
    method: 'post',
    path: '/data/ingest',
    summary: 'Ingest one reading (committed before the answer)',
    tags: ['data'],
    scopes: ['data:ingest'],
    body: readingInputSchema,
    headers: { 'Idempotency-Key': { description: 'Replays the first answer for the same body; 409 for a different body' } },
    responses: {
      200: { description: 'Committed (or replayed for a known Idempotency-Key)', schema: responses.ingestResult },
      409: { description: 'Idempotency-Key reused with a different body' },
      422: { description: 'Invalid reading' },
    },
    handler: async (ctx, { body }) => {
      const idempotencyKey = ctx.get('Idempotency-Key') || undefined;
      if (idempotencyKey && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw new ValidationError([
          fieldError('header.Idempotency-Key', 'invalid_idempotency_key', 'must be 1-128 characters of A-Z a-z 0-9 . _ : -'),
        ]);
      }
      const result = await ingestSingle(
        {
          sql: deps.sql,
          redis: deps.redis,
          redisPrefix: config.REDIS_PREFIX,
          idempotencyTtlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
          writer,
        },
        ctx.request.json ?? body,
        body,
        {
          idempotencyKey,
          // The route requires a key, so there always is one: Idempotency-Keys are scoped by it.
          apiKeyId: ctx.state.apiKey!.id,
          correlationId: ctx.state.correlationId,
          maxFutureSkewSeconds: config.MAX_FUTURE_SKEW_SECONDS,
        },
      );
      if (result.replayed) ctx.set('Idempotent-Replayed', 'true');
      else {
        deps.metrics.readingsIngested.inc({ path: 'single' });
        alarms?.kick([result.body.reading.sensor_id]);
      }
      ctx.status = result.status;
      ctx.body = withOriginalFields(result.body, ctx.state.correlationId);
    },
  });

  api.route({
    method: 'post',
    path: '/data/ingest/batch',
    summary: `Ingest up to ${MAX_BATCH} readings in one transaction (all or nothing)`,
    tags: ['data'],
    scopes: ['data:ingest'],
    body: batchSchema,
    bodyLimit: config.BATCH_BODY_LIMIT_BYTES,
    responses: {
      200: { description: 'All readings committed', schema: responses.batchResult },
      422: { description: 'An item is invalid; its index and field are named' },
    },
    handler: async (ctx, { body }) => {
      const result = await ingestBatch(deps.sql, body.readings, {
        correlationId: ctx.state.correlationId,
        maxFutureSkewSeconds: config.MAX_FUTURE_SKEW_SECONDS,
      });
      deps.metrics.readingsIngested.inc({ path: 'batch' }, result.inserted);
      // Each sensor of the batch is scored in timestamp order, whatever order the batch had.
      alarms?.kick(body.readings.map((r) => r.sensor_id));
      ctx.body = { status: 'success', inserted: result.inserted, duplicates: result.duplicates, correlation_id: ctx.state.correlationId };
    },
  });

  api.route({
    method: 'post',
    path: '/data/ingest/csv',
    summary: 'Upload a CSV file; a durable workflow ingests it in batches',
    tags: ['data'],
    scopes: ['data:ingest'],
    bodyKinds: ['csv'],
    rateLimit: workflowStartLimit(config),
    bodyLimit: config.CSV_BODY_LIMIT_BYTES,
    body: z.string().min(1, 'the CSV body is empty'),
    query: csvQuery,
    responses: {
      202: { description: 'Stored; the workflow id and its progress URL are returned', schema: responses.csvStarted },
      422: { description: 'Structurally malformed CSV (the line is named)' },
    },
    handler: async (ctx, { body, query }) => {
      const started = await startCsvIngestion(deps, {
        content: body,
        filename: query.filename ?? null,
        correlationId: ctx.state.correlationId,
        apiKeyId: ctx.state.apiKey!.id,
      });
      ctx.status = 202;
      ctx.body = started;
    },
  });
}
