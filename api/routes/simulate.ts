import { z } from 'zod';
import { sensorIdSchema } from '../../domain/reading';
import { simulateScenario } from '../../usecases/simulation';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';
import { simulationResult } from '../schemas/responses';

const common = {
  sensor_id: sensorIdSchema.default('sim-torque-01'),
  num_samples: z.number().int().min(5).max(5000).default(60),
  base_value: z.number().min(0).max(1000).default(40),
  noise: z.number().min(0).max(100).default(1.5),
  interval_seconds: z.number().int().min(1).max(3600).default(60),
};

/** Scenario data generators (the original's simulation console); all data is really ingested. */
export function simulateRoutes(api: ApiRouter, deps: AppDeps): void {
  const responses = { 201: { description: 'Generated and ingested', schema: simulationResult } };
  api.route({
    method: 'post',
    path: '/simulate/drift-event',
    summary: 'Ingest a series whose second half drifts upward',
    tags: ['simulate'],
    scopes: ['data:ingest'],
    body: z.strictObject({ ...common, drift_magnitude: z.number().min(-1000).max(1000).default(12) }),
    responses,
    handler: async (ctx, { body }) => {
      ctx.status = 201;
      ctx.body = await simulateScenario(deps.sql, {
        sensorId: body.sensor_id,
        scenario: 'drift',
        correlationId: ctx.state.correlationId,
        intervalSeconds: body.interval_seconds,
        options: { count: body.num_samples, base: body.base_value, noise: body.noise, driftMagnitude: body.drift_magnitude },
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
      ctx.status = 201;
      ctx.body = await simulateScenario(deps.sql, {
        sensorId: body.sensor_id,
        scenario: 'anomaly',
        correlationId: ctx.state.correlationId,
        intervalSeconds: body.interval_seconds,
        options: {
          count: body.num_samples,
          base: body.base_value,
          noise: body.noise,
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
      ctx.status = 201;
      ctx.body = await simulateScenario(deps.sql, {
        sensorId: body.sensor_id,
        scenario: 'normal',
        correlationId: ctx.state.correlationId,
        intervalSeconds: body.interval_seconds,
        options: { count: body.num_samples, base: body.base_value, noise: body.noise },
      });
    },
  });
}
