import { z } from 'zod';
import type { AppDeps } from '../deps';
import type { ApiRouter } from '../route';

/**
 * The API's Prometheus text for the dashboard's Metrics page, which cannot reach the internal
 * metrics listener (METRICS_HOST:METRICS_PORT, where Prometheus scrapes). Admin only: the series
 * count every route, admin ones included, and name the runtime's version.
 */
export function metricsRoutes(api: ApiRouter, deps: Pick<AppDeps, 'metrics'>): void {
  api.route({
    method: 'get',
    path: '/metrics',
    summary: "This API process's Prometheus metrics (Prometheus itself scrapes METRICS_HOST:METRICS_PORT)",
    tags: ['admin'],
    scopes: ['admin'],
    responses: { 200: { description: 'Prometheus text exposition format', contentType: 'text/plain', schema: z.string() } },
    handler: async (ctx) => {
      ctx.type = deps.metrics.registry.contentType;
      ctx.body = await deps.metrics.registry.metrics();
    },
  });
}
