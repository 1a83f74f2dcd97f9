import { Counter, Histogram, Registry } from 'prom-client';
import type postgres from 'postgres';
import { z } from 'zod';
import { recordEvent } from '../db/events';
import { withDomainFailures } from './failures';
import { InvalidInput } from '../domain/errors';

/**
 * Business metrics the worker exposes next to its own. Created once per registry: calling this
 * twice with the same registry returns the metrics already registered there instead of throwing.
 */
export function registerBusinessMetrics(registry: Registry = new Registry()) {
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    (registry.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames, registers: [registry] });
  const stageDuration =
    (registry.getSingleMetric('sm_workflow_stage_duration_seconds') as Histogram<'workflow' | 'stage' | 'status'> | undefined) ??
    new Histogram({
      name: 'sm_workflow_stage_duration_seconds',
      help: 'Duration of workflow stages, by workflow type, stage and outcome',
      labelNames: ['workflow', 'stage', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
      registers: [registry],
    });
  return {
    registry,
    stageDuration,
    decisions: counter('sm_decisions_total', 'Human decisions recorded, by decision', ['decision'] as const),
    orders: counter('sm_orders_total', 'Maintenance order status changes, by new status', ['status'] as const),
    notifications: counter('sm_notifications_total', 'Notification attempts, by channel and outcome', ['channel', 'status'] as const),
    anomalies: counter('sm_anomalies_total', 'Anomalies detected, by method', ['method'] as const),
  };
}

export type BusinessMetrics = ReturnType<typeof registerBusinessMetrics>;

/**
 * Event types that also move a Prometheus counter, and the payload field that is the label.
 * Every other type only lands in the events table.
 */
export const COUNTED_EVENTS = {
  'decision.recorded': 'decision',
  'order.status_changed': 'status',
  'anomalies.detected': 'method',
  'notification.attempted': 'channel+status',
} as const;

const uuid = z.uuid();
const stageMetricInput = z.object({
  workflowType: z.string().min(1).max(100),
  stage: z.string().min(1).max(100),
  status: z.enum(['complete', 'failed', 'skipped', 'cancelled', 'timed_out']),
  durationMs: z.number().finite().min(0),
  workflowId: z.string().min(1).max(300),
  correlationId: uuid.optional(),
  /** Defaults to `stage:<workflowId>:<stage>:<status>`: one outcome per stage per workflow. */
  dedupKey: z.string().min(1).max(300).optional(),
});

const businessEventInput = z.object({
  type: z.string().regex(/^[a-z][a-z0-9_.]{0,99}$/, 'dotted lower-case, e.g. decision.recorded'),
  payload: z.record(z.string(), z.unknown()),
  workflowId: z.string().min(1).max(300).optional(),
  correlationId: uuid.optional(),
  dedupKey: z.string().min(1).max(300),
});

export type StageMetricInput = z.input<typeof stageMetricInput>;
export type BusinessEventInput = z.input<typeof businessEventInput>;

function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new InvalidInput([], `invalid input: ${z.prettifyError(r.error)}`);
  return r.data;
}

export interface MetricsCollectorDeps {
  sql: postgres.Sql;
  metrics: BusinessMetrics;
}

/**
 * MetricsCollectorAgent: business metrics to both the events table and Prometheus. Prometheus is
 * only touched when the event row is new, so a retried activity never counts twice.
 */
export function createMetricsCollectorActivities(deps: MetricsCollectorDeps) {
  const { metrics } = deps;
  return withDomainFailures({
    async recordStageMetric(raw: StageMetricInput): Promise<{ eventId: string; inserted: boolean }> {
      const input = parseInput(stageMetricInput, raw);
      const result = await recordEvent(
        {
          type: 'workflow.stage',
          payload: { workflow_type: input.workflowType, stage: input.stage, status: input.status, duration_ms: input.durationMs },
          workflowId: input.workflowId,
          correlationId: input.correlationId,
          dedupKey: input.dedupKey ?? `stage:${input.workflowId}:${input.stage}:${input.status}`,
        },
        deps.sql,
      );
      if (result.inserted) {
        metrics.stageDuration.observe({ workflow: input.workflowType, stage: input.stage, status: input.status }, input.durationMs / 1000);
      }
      return { eventId: result.id, inserted: result.inserted };
    },

    async recordBusinessEvent(raw: BusinessEventInput): Promise<{ eventId: string; inserted: boolean }> {
      const input = parseInput(businessEventInput, raw);
      const result = await recordEvent(input, deps.sql);
      if (result.inserted) countEvent(metrics, input.type, input.payload);
      return { eventId: result.id, inserted: result.inserted };
    },
  });
}

function label(payload: Record<string, unknown>, field: string): string {
  const v = payload[field];
  // Labels come from a closed vocabulary in practice; clipping keeps a stray value from exploding cardinality.
  return typeof v === 'string' && v.length > 0 ? v.slice(0, 40) : 'unknown';
}

function countEvent(metrics: BusinessMetrics, type: string, payload: Record<string, unknown>): void {
  switch (type) {
    case 'decision.recorded':
      metrics.decisions.inc({ decision: label(payload, 'decision') });
      break;
    case 'order.status_changed':
      metrics.orders.inc({ status: label(payload, 'status') });
      break;
    case 'anomalies.detected': {
      const count = typeof payload.count === 'number' && Number.isFinite(payload.count) ? payload.count : 1;
      if (count > 0) metrics.anomalies.inc({ method: label(payload, 'method') }, count);
      break;
    }
    case 'notification.attempted':
      metrics.notifications.inc({ channel: label(payload, 'channel'), status: label(payload, 'status') });
      break;
  }
}
