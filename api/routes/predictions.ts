import { z } from 'zod';
import { sensorIdSchema } from '../../domain/reading';
import { getPredictionWithStatus, listPredictions, requestExplanation } from '../../usecases/predictions';
import type { AppDeps } from '../deps';
import { workflowStartLimit, type ApiRouter } from '../route';
import * as responses from '../schemas/responses';

const idParams = z.object({ id: z.uuid('must be a prediction id (UUID)') });

/** Stored predictions, and their explanations computed in the background. */
export function predictionRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route({
    method: 'get',
    path: '/ml/predictions',
    summary: 'Stored predictions, newest first, filtered by sensor or by the correlation id of the request that made them',
    tags: ['ml'],
    scopes: ['ml:predict'],
    query: z.strictObject({
      sensor_id: sensorIdSchema.optional(),
      correlation_id: z.uuid().optional(),
      limit: z.coerce.number().int().min(1).max(200).default(20),
    }),
    responses: { 200: { description: 'Predictions', schema: z.array(responses.storedPrediction) } },
    handler: async (ctx, { query }) => {
      ctx.body = await listPredictions({ sensorId: query.sensor_id, correlationId: query.correlation_id, limit: query.limit }, deps.sql);
    },
  });

  api.route({
    method: 'get',
    path: '/ml/predictions/:id',
    summary: 'A stored prediction, with its explanation once the background workflow has attached it',
    tags: ['ml'],
    scopes: ['ml:predict'],
    params: idParams,
    responses: {
      200: { description: 'The prediction; explanation_status says whether to wait', schema: responses.storedPredictionWithStatus },
      404: { description: 'No such prediction' },
    },
    handler: async (ctx, { params }) => {
      ctx.body = await getPredictionWithStatus(params.id, deps);
    },
  });

  api.route({
    method: 'post',
    path: '/ml/predictions/:id/explain',
    summary: 'Compute exact Shapley explanations for a stored prediction in the background (workflow explain-<id>)',
    tags: ['ml'],
    scopes: ['ml:predict'],
    rateLimit: workflowStartLimit(deps.config),
    params: idParams,
    responses: {
      202: { description: 'Started (or joined); poll prediction_url', schema: responses.explainStarted },
      404: { description: 'No such prediction' },
    },
    handler: async (ctx, { params }) => {
      const started = await requestExplanation(deps, {
        predictionId: params.id,
        correlationId: ctx.state.correlationId,
        startedBy: ctx.state.apiKey?.id,
      });
      ctx.status = 202;
      ctx.body = started;
    },
  });
}
