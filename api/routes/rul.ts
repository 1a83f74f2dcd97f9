import { z } from 'zod';
import { DEFAULT_RUL_MODEL, MAX_RUL_BATCH, predictRul, predictRulBatch, rulCycleSchema, type RulPrediction } from '../../models';
import { assetIdSchema } from '../../domain/assets';
import { assetRul } from '../../usecases/assetHealth';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import * as responses from '../schemas/responses';
import { modelErrorToHttp } from './ml';

/** Cycles per trajectory: FD001's longest engine ran 362; the model looks at the last 30 and the cycle number. */
export const MAX_RUL_CYCLES = 1000;

const modelName = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'is not a model name');

// Each row through the model's own strict schema, so an error names readings.N.<column>; the
// order check runs once every row is well formed.
const readings = z
  .array(rulCycleSchema)
  .min(1)
  .max(MAX_RUL_CYCLES)
  .superRefine((rows, ctx) => {
    rows.forEach((row, i) => {
      if (i > 0 && !(row.time > rows[i - 1]!.time)) {
        ctx.addIssue({ code: 'custom', path: [i, 'time'], message: 'is not after the previous cycle (readings go oldest first)' });
      }
    });
  })
  .describe('One object per cycle, oldest first, keyed by the training file column names (time, opt_set1..3, s1..s21)');

const rulBody = z
  .strictObject({
    model_name: modelName.default(DEFAULT_RUL_MODEL),
    model_version: z.string().max(50).default('auto'),
    readings: readings.optional(),
    trajectories: z
      .array(z.strictObject({ id: z.string().min(1).max(100), readings }))
      .min(1)
      .max(MAX_RUL_BATCH)
      .optional()
      .describe(`Up to ${MAX_RUL_BATCH} trajectories scored in one model run`),
    asset_id: assetIdSchema
      .optional()
      .describe("An engine-like asset: the model runs on its role sensors' latest window (the asset's own model)"),
  })
  .refine((b) => [b.readings, b.trajectories, b.asset_id].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of readings, trajectories or asset_id',
    path: ['readings'],
  });

async function withModelErrors<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    throw modelErrorToHttp(err);
  }
}

const modelInfo = (p: RulPrediction) => ({ ...p.model_info, model_name: p.model_info.name, model_version: p.model_info.version });

/** Remaining useful life of raw C-MAPSS trajectories (the asset-based form belongs to /assets). */
export function rulRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route({
    method: 'post',
    path: '/ml/rul',
    summary: 'Remaining useful life (cycles) with a conformal interval, from one trajectory or up to 100 in one model run',
    tags: ['ml'],
    scopes: ['ml:predict'],
    body: rulBody,
    bodyLimit: deps.config.RUL_BODY_LIMIT_BYTES,
    responses: {
      200: {
        description: 'For readings or asset_id: rul, interval, model_info; for trajectories: results in order',
        schema: z.union([
          responses.rulResult.extend({ data_until: z.string().nullable().optional().describe('For asset_id: the latest cycle used') }),
          responses.rulBatchResult,
        ]),
      },
      404: { description: 'Unknown model or version, or unknown asset' },
      409: { description: 'The model (version) is disabled' },
      413: { description: 'A body over RUL_BODY_LIMIT_BYTES' },
      422: {
        description:
          'Missing, unknown or non-finite columns, times not increasing (named readings.N.field), or both/neither of readings and trajectories',
      },
      503: { description: 'The model cannot be loaded here' },
    },
    handler: async (ctx, { body }) => {
      const options = { modelName: body.model_name, modelVersion: body.model_version };
      if (body.asset_id) {
        const p = await withModelErrors(() => assetRul(body.asset_id!, deps.sql, new Date()));
        ctx.body = {
          rul: p.rul,
          interval: p.interval,
          model_info: modelInfo(p),
          data_until: p.data_until,
          request_id: ctx.state.requestId,
        };
        return;
      }
      if (body.readings) {
        const p = await withModelErrors(() => predictRul(body.readings, options));
        ctx.body = { rul: p.rul, interval: p.interval, model_info: modelInfo(p), request_id: ctx.state.requestId };
        return;
      }
      const trajectories = body.trajectories!;
      const predictions = await withModelErrors(() =>
        predictRulBatch(
          trajectories.map((t) => t.readings),
          options,
        ),
      );
      ctx.body = {
        results: predictions.map((p, i) => ({ id: trajectories[i]!.id, rul: p.rul, interval: p.interval })),
        model_info: modelInfo(predictions[0]!),
        request_id: ctx.state.requestId,
      };
    },
  });
}
