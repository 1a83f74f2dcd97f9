import { z } from 'zod';
import { sensorIdSchema } from '../../domain/reading';
import { simulateScenario } from '../../usecases/simulation';
import type { AlarmRaiser } from '../../usecases/alarms';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import { simulationResult } from '../schemas/responses';
import { ValidationError, type FieldError } from '../errors';
import { fieldError } from '../../domain/fieldErrorText';

const NOISE_DEFAULT = 1.5;

const common = {
  sensor_id: sensorIdSchema.default('sim-torque-01'),
  num_samples: z.number().int().min(5).max(5000).default(60),
  base_value: z.number().min(0).max(1000).default(40),
  noise: z.number().min(0).max(100).optional().describe(`Noise amplitude (${NOISE_DEFAULT} by default)`),
  interval_seconds: z.number().int().min(1).max(3600).optional().describe('Seconds between readings (60 by default)'),
  // The original system's names: noise_level for noise, duration_minutes to spread the samples over.
  noise_level: z.number().min(0).max(100).optional().describe('The same as noise'),
  duration_minutes: z
    .number()
    .min(1)
    .max(7 * 24 * 60)
    .optional()
    .describe('The samples are spread evenly over this many minutes, ending now (instead of interval_seconds)'),
};

type Common = { num_samples: number; noise?: number; noise_level?: number; interval_seconds?: number; duration_minutes?: number };

/** One meaning per pair of names: both given is a 422 rather than a silent choice. */
function resolveCommon(b: Common): { noise: number; intervalSeconds: number } {
  const errors: FieldError[] = [];
  if (b.noise_level !== undefined && b.noise !== undefined) {
    errors.push(fieldError('noise_level', 'exclusive_with', 'give noise or noise_level, not both', { other: 'noise' }));
  }
  if (b.duration_minutes !== undefined && b.interval_seconds !== undefined) {
    errors.push(
      fieldError('duration_minutes', 'exclusive_with', 'give interval_seconds or duration_minutes, not both', {
        other: 'interval_seconds',
      }),
    );
  }
  if (errors.length) throw new ValidationError(errors);
  const intervalSeconds =
    b.duration_minutes !== undefined ? (b.duration_minutes * 60) / Math.max(1, b.num_samples - 1) : (b.interval_seconds ?? 60);
  return { noise: b.noise_level ?? b.noise ?? NOISE_DEFAULT, intervalSeconds };
}

/** Scenario data generators (the original's simulation console); all data is really ingested. */
export function simulateRoutes(api: ApiRouter, deps: AppDeps, alarms?: AlarmRaiser): void {
  // Scored by the sensor's streaming detector like any ingest, so the console's spikes raise alarms.
  const simulate = async (input: Parameters<typeof simulateScenario>[1]) => {
    const result = await simulateScenario(deps.sql, input);
    alarms?.kick([input.sensorId]);
    return result;
  };
  const responses = { 200: { description: 'Generated and ingested', schema: simulationResult } };
  api.route({
    method: 'post',
    path: '/simulate/drift-event',
    summary: 'Ingest a series whose second half drifts upward',
    tags: ['simulate'],
    scopes: ['data:ingest'],
    body: z.strictObject({ ...common, drift_magnitude: z.number().min(-1000).max(1000).default(12) }),
    responses,
    handler: async (ctx, { body }) => {
      const { noise, intervalSeconds } = resolveCommon(body);
      ctx.status = 200;
      ctx.body = await simulate({
        sensorId: body.sensor_id,
        scenario: 'drift',
        correlationId: ctx.state.correlationId,
        intervalSeconds,
        options: { count: body.num_samples, base: body.base_value, noise, driftMagnitude: body.drift_magnitude },
      });
    },
  });
  api.route({
    method: 'post',
    path: '/simulate/anomaly-event',
    summary: 'Ingest a normal series with injected spikes',
    tags: ['simulate'],
    scopes: ['data:ingest'],
    body: z.strictObject({
      ...common,
      anomaly_magnitude: z.number().min(1).max(100).default(8),
      num_anomalies: z.number().int().min(1).max(500).default(5),
    }),
    responses,
    handler: async (ctx, { body }) => {
      const { noise, intervalSeconds } = resolveCommon(body);
      ctx.status = 200;
      ctx.body = await simulate({
        sensorId: body.sensor_id,
        scenario: 'anomaly',
        correlationId: ctx.state.correlationId,
        intervalSeconds,
        options: {
          count: body.num_samples,
          base: body.base_value,
          noise,
          anomalyMagnitude: body.anomaly_magnitude,
          anomalies: body.num_anomalies,
        },
      });
    },
  });
  api.route({
    method: 'post',
    path: '/simulate/normal-data',
    summary: 'Ingest a healthy series',
    tags: ['simulate'],
    scopes: ['data:ingest'],
    body: z.strictObject(common),
    responses,
    handler: async (ctx, { body }) => {
      const { noise, intervalSeconds } = resolveCommon(body);
      ctx.status = 200;
      ctx.body = await simulate({
        sensorId: body.sensor_id,
        scenario: 'normal',
        correlationId: ctx.state.correlationId,
        intervalSeconds,
        options: { count: body.num_samples, base: body.base_value, noise },
      });
    },
  });
}
