import { Counter, Histogram, Registry, collectDefaultMetrics, Gauge } from 'prom-client';

/**
 * One registry per process. HTTP metrics are labelled with the route template, never the raw
 * path, so cardinality stays bounded whatever clients send.
 */
export function createMetrics(prefix = 'sm_') {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix });
  const httpRequests = new Counter({
    name: `${prefix}http_requests_total`,
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: `${prefix}http_request_duration_seconds`,
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // The same two series under the names the original system exposed (and most dashboards query),
  // so an integrator's existing panels and alerts keep working beside ours.
  const plainHttpRequests = !prefix
    ? undefined
    : new Counter({
        name: 'http_requests_total',
        help: 'HTTP requests by method, route and status (the same as the prefixed series)',
        labelNames: ['method', 'route', 'status'] as const,
        registers: [registry],
      });
  const plainHttpDuration = !prefix
    ? undefined
    : new Histogram({
        name: 'http_request_duration_seconds',
        help: 'HTTP request duration by method, route and status (the same as the prefixed series)',
        labelNames: ['method', 'route', 'status'] as const,
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [registry],
      });
  const readingsIngested = new Counter({
    name: `${prefix}readings_ingested_total`,
    help: 'Readings committed to PostgreSQL, by path (single, batch, csv)',
    labelNames: ['path'] as const,
    registers: [registry],
  });
  const dependencyUp = new Gauge({
    name: `${prefix}dependency_up`,
    help: '1 when the dependency answered its last health probe',
    labelNames: ['dependency'] as const,
    registers: [registry],
  });
  /** One request, counted in both the prefixed and the plain series. */
  const observeRequest = (labels: { method: string; route: string; status: string }, seconds: number) => {
    httpRequests.inc(labels);
    httpDuration.observe(labels, seconds);
    plainHttpRequests?.inc(labels);
    plainHttpDuration?.observe(labels, seconds);
  };
  return { registry, httpRequests, httpDuration, observeRequest, readingsIngested, dependencyUp };
}

export type Metrics = ReturnType<typeof createMetrics>;
