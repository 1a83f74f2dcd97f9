import { z } from 'zod';
import { startSensorMonitoring } from '../../usecases/backgroundFlowStarts';
import { describeMonitoringSchedule } from '../../temporal/schedules';
import { NotFoundError, UnavailableError } from '../errors';
import type { AppDeps } from '../deps';
import { workflowStartLimit, type ApiRouter } from '../route';
import * as responses from '../schemas/responses';

const runBody = z
  .strictObject({
    active_within_hours: z
      .number()
      .int()
      .min(1)
      .max(30 * 24)
      .optional()
      .describe('A sensor is active when it reported within this many hours (24)'),
    window_minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .optional()
      .describe('Drift check window (60)'),
    p_value_threshold: z.number().gt(0).lt(1).optional().describe('KS p-value under which drift is declared (0.05)'),
    min_samples: z.number().int().min(2).max(100_000).optional().describe('Fewest readings per window (30)'),
    burst_threshold: z.number().int().min(1).max(100_000).optional().describe('Anomalies in the burst window that make a burst (5)'),
    burst_window_minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .optional()
      .describe('Burst window (60)'),
  })
  .default({});

/** Sensor monitoring: run a pass now, and see the Schedule that runs it every 15 minutes. */
export function monitoringRoutes(api: ApiRouter, deps: AppDeps): void {
  api.route({
    method: 'post',
    path: '/monitoring/run',
    summary: 'Run a monitoring pass now: drift check and anomaly-burst count per active sensor, incidents where needed',
    tags: ['monitoring'],
    scopes: ['workflows:write'],
    rateLimit: workflowStartLimit(deps.config),
    body: runBody,
    responses: { 202: { description: 'Started; follow it at status_url', schema: responses.workflowLinks } },
    handler: async (ctx, { body }) => {
      ctx.status = 202;
      ctx.body = await startSensorMonitoring(
        deps,
        {
          activeWithinHours: body.active_within_hours,
          windowMinutes: body.window_minutes,
          pValueThreshold: body.p_value_threshold,
          minSamples: body.min_samples,
          burstThreshold: body.burst_threshold,
          burstWindowMinutes: body.burst_window_minutes,
        },
        ctx.state.apiKey?.id,
      );
    },
  });

  api.route({
    method: 'get',
    path: '/monitoring/schedule',
    summary: 'The monitoring Schedule: interval, paused or not, next and recent runs',
    tags: ['monitoring'],
    scopes: ['workflows:read'],
    responses: {
      200: { description: 'The schedule', schema: responses.monitoringSchedule },
      404: { description: 'No worker has created the schedule yet' },
    },
    handler: async (ctx) => {
      let view;
      try {
        view = await describeMonitoringSchedule(deps.temporal.client, deps.temporal.taskQueue);
      } catch (err) {
        throw new UnavailableError('Temporal is unreachable', 5, err);
      }
      if (!view) throw new NotFoundError('The monitoring schedule does not exist yet; a worker creates it when it starts');
      const ui = deps.config.TEMPORAL_UI_URL.replace(/\/$/, '');
      ctx.body = {
        ...view,
        temporal_url: `${ui}/namespaces/${encodeURIComponent(deps.config.TEMPORAL_NAMESPACE)}/schedules/${encodeURIComponent(view.schedule_id)}`,
      };
    },
  });
}
