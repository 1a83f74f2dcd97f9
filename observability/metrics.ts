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
  const alarms = alarmMetrics(prefix, registry);
  /** One request, counted in both the prefixed and the plain series. */
  const observeRequest = (labels: { method: string; route: string; status: string }, seconds: number) => {
    httpRequests.inc(labels);
    httpDuration.observe(labels, seconds);
    plainHttpRequests?.inc(labels);
    plainHttpDuration?.observe(labels, seconds);
  };
  return { registry, httpRequests, httpDuration, observeRequest, readingsIngested, dependencyUp, alarms };
}

/** Where the alarm series come from at scrape time (PostgreSQL, through the use cases). */
export interface AlarmMetricsSource {
  unresolved(): Promise<{ state: string; severity: string; n: number }[]>;
  /** Timeline entries ever recorded, by type (raised, acknowledged, escalated, …). */
  eventTotals(): Promise<Record<string, number>>;
  /** Acknowledgements recorded after the given timeline id, each with its time to acknowledge. */
  acknowledgedAfter(id: bigint): Promise<{ id: bigint; seconds: number }[]>;
}

/**
 * The alarm series, read from the alarms tables when Prometheus scrapes: alarms are raised and
 * moved on by several processes (the API after an ingest, the worker's lifecycle activities), so
 * the database, not one process's memory, holds the truth. The counters report the tables' totals,
 * which only grow (timeline rows are never deleted). With several API replicas each reports the
 * same totals: aggregate with max(), not sum(). Without a source (tests, tools) they stay at zero.
 */
function alarmMetrics(prefix: string, registry: Registry) {
  let source: AlarmMetricsSource | undefined;
  let lastAck = 0n;
  const totals = async (): Promise<Record<string, number>> => (source ? source.eventTotals() : {});
  const counter = (name: string, help: string, types: string[]) =>
    new Counter({
      name: `${prefix}${name}`,
      help,
      registers: [registry],
      async collect() {
        const t = await totals().catch(() => undefined);
        if (!t) return;
        this.reset();
        this.inc(types.reduce((n, type) => n + (t[type] ?? 0), 0));
      },
    });
  new Gauge({
    name: `${prefix}alarms_open`,
    help: 'Alarms not yet resolved, by severity and state (open or acknowledged)',
    labelNames: ['severity', 'state'] as const,
    registers: [registry],
    async collect() {
      const rows = await source?.unresolved().catch(() => undefined);
      if (!rows) return;
      this.reset();
      for (const r of rows) this.set({ severity: r.severity, state: r.state }, r.n);
    },
  });
  counter('alarms_raised_total', 'Alarms raised (live and historical)', ['raised', 'raised_historical']);
  counter('alarms_acknowledged_total', 'Alarms acknowledged by an operator', ['acknowledged']);
  counter('alarms_escalated_total', 'Escalations of unacknowledged alarms to the next notification level', ['escalated']);
  new Histogram({
    name: `${prefix}alarm_time_to_acknowledge_seconds`,
    help: 'Time from an alarm being raised to its acknowledgement',
    buckets: [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 86_400],
    registers: [registry],
    async collect() {
      const acks = await source?.acknowledgedAfter(lastAck).catch(() => undefined);
      for (const a of acks ?? []) {
        this.observe(a.seconds);
        if (a.id > lastAck) lastAck = a.id;
      }
    },
  });
  return {
    /** Connects the series to their source; called once by the app. */
    attach(s: AlarmMetricsSource): void {
      source = s;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
