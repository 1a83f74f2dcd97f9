import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { modelsDir } from '../../config';
import { finiteNumber, isoTimestamp, readingInputSchema, sensorIdSchema } from '../../domain/reading';
import {
  DEFAULT_FAILURE_MODEL,
  confidenceOf,
  defaultModelRegistry,
  failureFeaturesSchema,
  parseFailureFeatures,
  predictFailure,
  predictFailureBatch,
  type ModelVersionInfo,
} from '../../models';
import { DEFAULT_SENSITIVITY, detectAnomaliesBySensor, detectAnomaliesInSeries } from '../../usecases/anomalyDetection';
import { DEFAULT_SCORING, streamingWhatIf, streamingWindowVerdicts } from '../../usecases/alarmScoring';
import { PredictionLog } from '../../usecases/predictionLog';
import { recordDriftCheck, runDriftCheck } from '../../usecases/drift';
import { explainFailure } from '../../usecases/explanations';
import { sensorHistory, sensorWindow } from '../../usecases/sensorData';
import { DomainError } from '../../domain/errors';
import { fieldError } from '../../domain/fieldErrorText';
import { fromDomainError, NotFoundError, ValidationError } from '../errors';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import * as responses from '../schemas/responses';

/** The ML plane's errors as HTTP (404, 409, 422, 503): the one domain-to-HTTP mapping, applied early. */
export function modelErrorToHttp(err: unknown): unknown {
  return err instanceof DomainError ? fromDomainError(err) : err;
}

async function withModelErrors<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    throw modelErrorToHttp(err);
  }
}

async function versionView(v: ModelVersionInfo, withCard: boolean) {
  const e = v.entry as Record<string, unknown> & { metrics?: { test?: Record<string, unknown> }; card?: string };
  const card = withCard && e.card ? await readFile(path.join(modelsDir(), String(e.card)), 'utf8').catch(() => null) : undefined;
  return {
    name: v.name,
    task: v.task,
    version: v.version,
    stage: v.stage,
    // The original system's (MLflow's) names beside today's.
    model_name: v.name,
    current_stage: v.stage,
    enabled: v.enabled,
    created_at: v.createdAt,
    threshold: e.threshold ?? null,
    metrics: e.metrics?.test ?? e.metrics ?? null,
    description: e.description ?? null,
    ...(card !== undefined ? { card_markdown: card } : {}),
  };
}

const modelName = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'is not a model name');
const predictBody = z.strictObject({
  model_name: modelName.default(DEFAULT_FAILURE_MODEL),
  model_version: z.string().max(50).default('auto'),
  // Checked by the model's own strict schema, so the answer names each missing or unknown feature.
  features: z.record(z.string().max(64), z.unknown()),
  sensor_id: sensorIdSchema.optional(),
  explain: z.boolean().default(false),
});

export const MAX_PREDICT_BATCH = 1000;
const predictBatchBody = z.strictObject({
  model_name: modelName.default(DEFAULT_FAILURE_MODEL),
  model_version: z.string().max(50).default('auto'),
  // The model's own strict schema per row, so an error names rows.N.<feature>.
  rows: z.array(failureFeaturesSchema).min(1).max(MAX_PREDICT_BATCH),
  sensor_ids: z
    .array(sensorIdSchema.nullable())
    .max(MAX_PREDICT_BATCH)
    .optional()
    .describe('The sensor of each row (as sensor_id on /ml/predict), logged with its prediction; the same length as rows'),
});

const readingForDetection = z.strictObject({
  value: finiteNumber,
  timestamp: isoTimestamp.optional(),
  sensor_id: sensorIdSchema.optional(),
});
const detectBody = z
  .strictObject({
    readings: z.array(readingForDetection).min(1).max(10_000).optional(),
    sensor_id: sensorIdSchema.optional(),
    window_minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(60),
    model_version: z.string().max(50).optional(),
    // The original system's form: readings of many sensors, each scored within its own sensor's series.
    sensor_readings: z.array(readingInputSchema).min(1).max(10_000).optional(),
    sensitivity: z
      .number()
      .min(0)
      .max(1)
      .default(DEFAULT_SENSITIVITY)
      .describe('Higher flags more: a point is anomalous from a combined score of 1 - sensitivity (clamped to 0.05-0.95)'),
  })
  .refine((b) => b.sensor_readings || b.readings || b.sensor_id, {
    message: 'give sensor_readings (or readings, or a sensor_id and window_minutes)',
    path: ['sensor_readings'],
  })
  .refine((b) => !(b.sensor_readings && (b.readings || b.sensor_id)), {
    message: 'sensor_readings carry their own sensor_id; do not combine them with readings or sensor_id',
    path: ['sensor_readings'],
  });

const driftBody = z.strictObject({
  sensor_id: sensorIdSchema,
  window_minutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  p_value_threshold: z.number().gt(0).lt(1).default(0.05),
  min_samples: z.number().int().min(2).max(100_000).default(30),
  reference_start: isoTimestamp.optional(),
  reference_end: isoTimestamp.optional(),
});

/** The registry, predictions with explanations, anomaly detection and drift checks. */
export function mlRoutes(api: ApiRouter, deps: AppDeps, predictionLog = new PredictionLog(deps.sql, deps.logger)): void {
  const registry = () => defaultModelRegistry();

  api.route({
    method: 'get',
    path: '/ml/models',
    summary: 'Models with their versions, stages, enabled flags and test metrics',
    tags: ['ml'],
    scopes: ['ml:predict'],
    responses: { 200: { description: 'Models', schema: responses.modelList } },
    handler: async (ctx) => {
      const listed = await registry().listModels();
      const models = await Promise.all(
        listed.map(async (m) => ({ name: m.name, task: m.task, versions: await Promise.all(m.versions.map((v) => versionView(v, true))) })),
      );
      ctx.body = { models, count: models.length };
    },
  });

  api.route({
    method: 'get',
    path: '/ml/models/:name/versions',
    summary: 'Versions of a model',
    tags: ['ml'],
    scopes: ['ml:predict'],
    params: z.object({ name: modelName }),
    responses: {
      200: { description: 'Versions, newest first', schema: responses.modelVersionList },
      404: { description: 'Unknown model' },
    },
    handler: async (ctx, { params }) => {
      const versions = await withModelErrors(async () =>
        Promise.all((await registry().listVersions(params.name)).map((v) => versionView(v, false))),
      );
      ctx.body = { model_name: params.name, versions };
    },
  });

  api.route({
    method: 'get',
    path: '/ml/models/:name/latest',
    summary: 'The version "auto" resolves to (Production, then Staging, then the newest enabled)',
    tags: ['ml'],
    scopes: ['ml:predict'],
    params: z.object({ name: modelName }),
    responses: {
      200: { description: 'The resolved version with its card', schema: responses.resolvedModelVersion },
      404: { description: 'Unknown model' },
      409: { description: 'Every version disabled' },
    },
    handler: async (ctx, { params }) => {
      const view = await withModelErrors(async () => versionView(await registry().resolve(params.name, 'auto'), true));
      ctx.body = { ...view, resolved_version: view.version };
    },
  });

  api.route({
    method: 'post',
    path: '/ml/predict',
    summary: 'Failure probability from the AI4I classifier, optionally with exact Shapley explanations',
    tags: ['ml'],
    scopes: ['ml:predict'],
    body: predictBody,
    responses: {
      200: { description: 'Prediction', schema: responses.predictionResult },
      404: { description: 'Unknown model' },
      422: { description: 'Missing, unknown or non-finite features' },
      503: { description: 'Models not loaded' },
    },
    handler: async (ctx, { body }) => {
      const result = await withModelErrors(() =>
        predictFailure(body.features, { modelName: body.model_name, modelVersion: body.model_version }),
      );
      const explanation = body.explain
        ? await withModelErrors(() =>
            explainFailure(parseFailureFeatures(body.features), { modelName: body.model_name, modelVersion: body.model_version }),
          )
        : undefined;
      // Logged for explanations, the learning agent and reports without holding the answer back:
      // the write-behind log stores it within ~25 ms (readable then at GET /ml/predictions/{id}).
      const predictionId = randomUUID();
      predictionLog.add({
        id: predictionId,
        model: result.model.name,
        version: result.model.version,
        stage: result.model.stage,
        sensorId: body.sensor_id ?? null,
        features: body.features,
        probability: result.probability,
        prediction: result.prediction,
        explanation: explanation ?? null,
        latencyMs: result.latency_ms,
        workflowId: null,
        correlationId: ctx.state.correlationId,
        dedupKey: null,
        threshold: result.threshold,
        artifactSha256: result.artifact_sha256,
      });
      ctx.body = {
        prediction_id: predictionId,
        prediction: result.prediction,
        probability: result.probability,
        confidence: result.confidence,
        threshold: result.threshold,
        model_info: { ...result.model, model_name: result.model.name, model_version: result.model.version },
        timestamp: new Date().toISOString(),
        request_id: ctx.state.requestId,
        latency_ms: Math.round(result.latency_ms * 1000) / 1000,
        ...(explanation ? { explanation } : {}),
      };
    },
  });

  api.route({
    method: 'post',
    path: '/ml/predict/batch',
    summary: `Failure probabilities for up to ${MAX_PREDICT_BATCH} feature rows in one model run (all or nothing)`,
    tags: ['ml'],
    scopes: ['ml:predict'],
    body: predictBatchBody,
    weightedLimit: { name: 'predict-rows', limit: deps.config.PREDICT_BATCH_ROWS_PER_MINUTE, weight: (b) => b.rows.length },
    responses: {
      200: { description: 'One answer per row, in order, with the fields of /ml/predict', schema: responses.predictionBatchResult },
      404: { description: 'Unknown model' },
      422: { description: 'An invalid row (named rows.N.feature): no row is scored' },
      429: { description: 'More than the per-key request limit, or more than PREDICT_BATCH_ROWS_PER_MINUTE rows a minute' },
    },
    handler: async (ctx, { body }) => {
      if (body.sensor_ids && body.sensor_ids.length !== body.rows.length) {
        throw new ValidationError([
          fieldError('sensor_ids', 'one_per_row', `must have one entry per row (${body.rows.length})`, { rows: body.rows.length }),
        ]);
      }
      const result = await withModelErrors(() =>
        predictFailureBatch(body.rows, { modelName: body.model_name, modelVersion: body.model_version }),
      );
      const timestamp = new Date().toISOString();
      const latency = Math.round(result.latency_ms * 1000) / 1000;
      const modelInfo = { ...result.model, model_name: result.model.name, model_version: result.model.version };
      const predictions = result.probabilities.map((probability, i) => {
        const id = randomUUID();
        predictionLog.add({
          id,
          model: result.model.name,
          version: result.model.version,
          stage: result.model.stage,
          sensorId: body.sensor_ids?.[i] ?? null,
          features: body.rows[i]!,
          probability,
          prediction: result.predictions[i]!,
          explanation: null,
          latencyMs: result.latency_ms,
          workflowId: null,
          correlationId: ctx.state.correlationId,
          dedupKey: null,
          threshold: result.threshold,
          artifactSha256: result.artifact_sha256,
        });
        return {
          prediction_id: id,
          prediction: result.predictions[i]!,
          probability,
          confidence: confidenceOf(probability, result.threshold),
          threshold: result.threshold,
          model_info: modelInfo,
          timestamp,
          request_id: ctx.state.requestId,
          latency_ms: latency,
        };
      });
      ctx.body = { count: predictions.length, predictions, model_info: modelInfo, latency_ms: latency, request_id: ctx.state.requestId };
    },
  });

  api.route({
    method: 'post',
    path: '/ml/detect_anomaly',
    summary:
      "Anomalies among readings, a sensor window or sensor_readings: the sensor's streaming detector (its alarms' detector) once it has learned the sensor, else Isolation Forest + rolling robust baseline (a fresh streaming detector judges nothing before 200 readings)",
    tags: ['ml'],
    scopes: ['ml:anomaly'],
    body: detectBody,
    responses: {
      200: {
        description:
          "Anomalies with score, method and reason; for sensor_readings (the original system's body) anomalies_detected per sensor",
        schema: z.union([responses.anomalyResult, responses.sensorAnomalyResult]),
      },
      422: { description: 'No sensor_readings (nor readings or sensor_id), or an invalid reading (named sensor_readings.N.field)' },
    },
    handler: async (ctx, { body }) => {
      if (body.sensor_readings) {
        const result = await withModelErrors(() =>
          detectAnomaliesBySensor(
            body.sensor_readings!,
            async (sensorId, before) => (await sensorHistory(sensorId, before, 100, deps.sql)).reverse().map((h) => h.value),
            {
              modelVersion: body.model_version,
              sensitivity: body.sensitivity,
              streamingOf: (sensorId, series) => streamingWhatIf(deps.sql, sensorId, series, body.sensitivity),
            },
          ),
        );
        ctx.body = {
          anomalies_detected: result.anomalies,
          total_readings_analyzed: result.analyzed,
          anomaly_count: result.anomalies.length,
          sensors_analyzed: result.sensors,
          sensitivity: body.sensitivity,
          method: result.method,
          threshold: result.threshold,
          model_info: result.model_info,
          fallback_reason: result.fallback_reason,
          analysis_timestamp: new Date().toISOString(),
        };
        return;
      }
      let values: number[];
      let timestamps: (string | null)[];
      let history: number[] = [];
      if (body.readings) {
        values = body.readings.map((r) => r.value);
        timestamps = body.readings.map((r) => r.timestamp ?? null);
        if (body.sensor_id) {
          const first = body.readings.find((r) => r.timestamp)?.timestamp;
          history = (await sensorHistory(body.sensor_id, first ? new Date(first) : new Date(), 100, deps.sql))
            .reverse()
            .map((h) => h.value);
        }
      } else {
        const end = new Date();
        const rows = await sensorWindow(body.sensor_id!, new Date(end.getTime() - body.window_minutes * 60_000), end, 10_000, deps.sql);
        if (rows.length === 0)
          throw new NotFoundError(`sensor ${body.sensor_id} has no readings in the last ${body.window_minutes} minutes`);
        values = rows.map((r) => r.value);
        timestamps = rows.map((r) => r.ts.toISOString());
        const stored = await streamingWindowVerdicts(deps.sql, body.sensor_id!, rows, {
          ...DEFAULT_SCORING,
          minQuality: deps.config.QUALITY_THRESHOLD,
        });
        if (stored) {
          const anomalies = rows.flatMap((r, index) => {
            const hit = stored.byTs.get(r.ts.toISOString());
            return hit
              ? [
                  {
                    index,
                    value: r.value,
                    score: hit.score,
                    method: 'streaming' as const,
                    robust_z: null,
                    model_score: null,
                    reason: hit.reason,
                    timestamp: timestamps[index]!,
                  },
                ]
              : [];
          });
          ctx.body = {
            total_readings_analyzed: values.length,
            anomaly_count: anomalies.length,
            anomalies,
            method: 'streaming',
            threshold: stored.threshold,
            model_info: null,
            fallback_reason: null,
            baseline: { window: 0, history_used: 0 },
            analysis_timestamp: new Date().toISOString(),
          };
          return;
        }
        history = (await sensorHistory(body.sensor_id!, rows[0]!.ts, 100, deps.sql)).reverse().map((h) => h.value);
      }
      // A sensor the streaming detector has learned is judged by it, the detector its alarms come from.
      const streaming =
        body.sensor_id && body.readings
          ? await streamingWhatIf(
              deps.sql,
              body.sensor_id,
              values.map((value, i) => ({ value, ts: timestamps[i] ? Date.parse(timestamps[i]!) : undefined })),
              body.sensitivity,
            )
          : null;
      if (streaming) {
        ctx.body = {
          total_readings_analyzed: values.length,
          anomaly_count: streaming.points.length,
          anomalies: streaming.points.map((a) => ({ ...a, timestamp: timestamps[a.index] })),
          method: 'streaming',
          threshold: streaming.threshold,
          model_info: null,
          fallback_reason: null,
          baseline: { window: 0, history_used: 0 },
          analysis_timestamp: new Date().toISOString(),
        };
        return;
      }
      const result = await withModelErrors(() =>
        detectAnomaliesInSeries(values, history, { modelVersion: body.model_version, sensitivity: body.sensitivity }),
      );
      ctx.body = {
        total_readings_analyzed: result.analyzed,
        anomaly_count: result.anomalies.length,
        anomalies: result.anomalies.map((a) => ({ ...a, timestamp: timestamps[a.index] })),
        method: result.method,
        threshold: result.threshold,
        model_info: result.model_info,
        fallback_reason: result.fallback_reason,
        baseline: result.baseline,
        analysis_timestamp: new Date().toISOString(),
      };
    },
  });

  api.route({
    method: 'post',
    path: '/ml/check_drift',
    summary: "Two-sample KS test (and PSI) of a sensor's recent window against its reference window",
    tags: ['ml'],
    scopes: ['ml:drift'],
    rateLimit: { name: 'drift', limit: deps.config.DRIFT_RATE_LIMIT_PER_MINUTE },
    body: driftBody,
    responses: {
      200: { description: 'Drift result, or status insufficient_data', schema: responses.driftResult },
      422: { description: 'Invalid body, or a pinned reference window longer than DRIFT_MAX_REFERENCE_DAYS' },
      429: { description: 'More than the drift limit per minute' },
    },
    handler: async (ctx, { body }) => {
      if ((body.reference_start === undefined) !== (body.reference_end === undefined)) {
        throw new ValidationError([
          fieldError('reference_end', 'goes_with', 'reference_start and reference_end go together', { other: 'reference_start' }),
        ]);
      }
      const result = await runDriftCheck(deps.sql, {
        sensorId: body.sensor_id,
        windowMinutes: body.window_minutes,
        pValueThreshold: body.p_value_threshold,
        minSamples: body.min_samples,
        referenceStart: body.reference_start ? new Date(body.reference_start) : undefined,
        referenceEnd: body.reference_end ? new Date(body.reference_end) : undefined,
        maxReferenceDays: deps.config.DRIFT_MAX_REFERENCE_DAYS,
        maxRows: deps.config.DRIFT_MAX_ROWS_PER_WINDOW,
      });
      await recordDriftCheck(deps.sql, result, null, null);
      const now = new Date().toISOString();
      ctx.body = {
        ...result,
        // The original answered a sensor without readings as insufficient_data; the stored check keeps no_data.
        status: result.status === 'no_data' ? 'insufficient_data' : result.status,
        recent_count: result.recent?.count ?? 0,
        baseline_count: result.reference?.count ?? 0,
        evaluated_at: now,
        timestamp: now,
        request_id: ctx.state.requestId,
      };
    },
  });
}
