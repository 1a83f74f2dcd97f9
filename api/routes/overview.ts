import { z } from 'zod';
import { plantOverview } from '../../usecases/overview';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';

const count = z.number().int().nonnegative();

const overviewView = z.object({
  generated_at: z.string(),
  sensors: z
    .object({ total: count, healthy: count, anomalous: count, silent: count, no_data: count })
    .describe('anomalous: a credible anomaly in the day before its last reading; silent: no reading for a day'),
  readings: z.object({ total: z.number().nonnegative(), last_24h: z.number().nonnegative() }),
  orders_by_status: z.record(z.string(), count),
  decisions_by_value: z.record(z.string(), count),
  pending_decisions: count,
  recent_orders: z.array(
    z.object({
      id: z.string(),
      sensor_id: z.string(),
      status: z.string(),
      priority: z.string(),
      technician_name: z.string().nullable(),
      window_start: z.string().nullable(),
      window_end: z.string().nullable(),
      workflow_id: z.string().nullable(),
      correlation_id: z.string().nullable(),
      updated_at: z.string(),
    }),
  ),
});

/** The plant at a glance, counted in the database (every process's work, not one process's counters). */
export function overviewRoutes(api: ApiRouter, deps: Pick<AppDeps, 'sql'>): void {
  api.route({
    method: 'get',
    path: '/overview',
    summary:
      'Business figures from the database: sensors by health, readings, orders by status, decisions, pending decisions, recent orders',
    tags: ['overview'],
    scopes: ['workflows:read'],
    responses: { 200: { description: 'The overview', schema: overviewView } },
    handler: async (ctx) => {
      ctx.body = await plantOverview(deps.sql);
    },
  });
}
