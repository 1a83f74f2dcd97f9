import { WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import { getPrediction, listPredictions } from '../../db/predictionExplanations';
import { sensorIdSchema } from '../../domain/reading';
import { startExplainPrediction } from '../../services/backgroundFlowStarts';
import { NotFoundError } from '../errors';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import * as responses from '../schemas/responses';

const idParams = z.object({ id: z.uuid('must be a prediction id (UUID)') });

type ExplanationStatus = 'ready' | 'pending' | 'failed' | 'not_requested' | 'unknown';

/** Stored predictions, and their explanations computed in the background. */
export function predictionRoutes(api: ApiRouter, deps: AppDeps): void {
  const explanationStatus = async (id: string): Promise<ExplanationStatus> => {
    try {
      const d = await deps.temporal.client.workflow.getHandle(`explain-${id}`).describe();
      return d.status.name === 'RUNNING' ? 'pending' : d.status.name === 'COMPLETED' ? 'ready' : 'failed';
    } catch (err) {
      // Temporal being away must not hide the stored prediction.
      return err instanceof WorkflowNotFoundError ? 'not_requested' : 'unknown';
    }
  };

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
      const p = await getPrediction(params.id, deps.sql);
      if (!p) throw new NotFoundError(`Prediction ${params.id} does not exist`);
      ctx.body = { ...p, explanation_status: p.explanation ? 'ready' : await explanationStatus(p.id) };
    },
  });

  api.route({
    method: 'post',
    path: '/ml/predictions/:id/explain',
    summary: 'Compute exact Shapley explanations for a stored prediction in the background (workflow explain-<id>)',
    tags: ['ml'],
    scopes: ['ml:predict'],
    params: idParams,
    responses: {
      202: { description: 'Started (or joined); poll prediction_url', schema: responses.explainStarted },
      404: { description: 'No such prediction' },
    },
    handler: async (ctx, { params }) => {
      if (!(await getPrediction(params.id, deps.sql))) throw new NotFoundError(`Prediction ${params.id} does not exist`);
      ctx.status = 202;
      ctx.body = await startExplainPrediction(deps, { predictionId: params.id, correlationId: ctx.state.correlationId });
    },
  });
}
