import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type postgres from 'postgres';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMetricsCollectorActivities, registerBusinessMetrics, type BusinessMetrics } from '../../activities/metricsCollector';
import { listEvents } from '../../db/events';
import { createSql } from '../../db/sql';

let sql: postgres.Sql;
let metrics: BusinessMetrics;
let agent: ReturnType<typeof createMetricsCollectorActivities>;

beforeAll(() => {
  sql = createSql(inject('databaseUrl'), 3);
  metrics = registerBusinessMetrics(new Registry());
  agent = createMetricsCollectorActivities({ sql, metrics });
});
afterAll(() => sql.end({ timeout: 2 }));

async function counterValue(name: string, labels: Record<string, string>): Promise<number> {
  const metric = await metrics.registry.getSingleMetric(name)!.get();
  const match = metric.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return match?.value ?? 0;
}

describe('registerBusinessMetrics', () => {
  it('returns the metrics already registered when called again with the same registry', () => {
    const again = registerBusinessMetrics(metrics.registry);
    expect(again.decisions).toBe(metrics.decisions);
    expect(again.stageDuration).toBe(metrics.stageDuration);
  });
});

describe('MetricsCollectorAgent.recordStageMetric', () => {
  it('writes one workflow.stage event and one histogram observation, even when retried', async () => {
    const workflowId = `golden-path-${randomUUID()}`;
    const input = { workflowType: 'goldenPath', stage: 'prediction', status: 'complete' as const, durationMs: 1234, workflowId };
    const first = await agent.recordStageMetric(input);
    const second = await agent.recordStageMetric(input);
    expect(first.inserted).toBe(true);
    expect(second).toEqual({ eventId: first.eventId, inserted: false });

    const events = await listEvents({ workflowId, limit: 10 }, sql);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'workflow.stage', payload: { stage: 'prediction', status: 'complete', duration_ms: 1234 } });
    const text = await metrics.registry.getSingleMetricAsString('sm_workflow_stage_duration_seconds');
    expect(text).toContain('sm_workflow_stage_duration_seconds_count{workflow="goldenPath",stage="prediction",status="complete"} 1');
    expect(text).toContain('sm_workflow_stage_duration_seconds_sum{workflow="goldenPath",stage="prediction",status="complete"} 1.234');
  });
});

describe('MetricsCollectorAgent.recordBusinessEvent', () => {
  it('counts a decision once per dedup key and stores the event with its correlation id', async () => {
    const correlationId = randomUUID();
    const before = await counterValue('sm_decisions_total', { decision: 'rejected' });
    const input = { type: 'decision.recorded', payload: { decision: 'rejected' }, correlationId, dedupKey: `ev-${randomUUID()}` };
    await agent.recordBusinessEvent(input);
    await agent.recordBusinessEvent(input);
    expect(await counterValue('sm_decisions_total', { decision: 'rejected' })).toBe(before + 1);
    const events = await listEvents({ correlationId, limit: 10 }, sql);
    expect(events.map((e) => [e.type, e.payload])).toEqual([['decision.recorded', { decision: 'rejected' }]]);
  });

  it('adds the anomaly count by method and the notification outcome by channel', async () => {
    await agent.recordBusinessEvent({
      type: 'anomalies.detected',
      payload: { method: 'robust_z', count: 4 },
      dedupKey: `ev-${randomUUID()}`,
    });
    await agent.recordBusinessEvent({
      type: 'notification.attempted',
      payload: { channel: 'slack', status: 'failed' },
      dedupKey: `ev-${randomUUID()}`,
    });
    await agent.recordBusinessEvent({ type: 'order.status_changed', payload: { status: 'scheduled' }, dedupKey: `ev-${randomUUID()}` });
    expect(await counterValue('sm_anomalies_total', { method: 'robust_z' })).toBe(4);
    expect(await counterValue('sm_notifications_total', { channel: 'slack', status: 'failed' })).toBe(1);
    expect(await counterValue('sm_orders_total', { status: 'scheduled' })).toBe(1);
  });

  it('lists events newest first, filtered by type', async () => {
    const workflowId = `wf-${randomUUID()}`;
    for (const n of [1, 2, 3]) {
      await agent.recordBusinessEvent({ type: 'test.step', payload: { n }, workflowId, dedupKey: `ev-${randomUUID()}` });
    }
    await agent.recordBusinessEvent({ type: 'test.other', payload: {}, workflowId, dedupKey: `ev-${randomUUID()}` });
    const steps = await listEvents({ workflowId, type: 'test.step', limit: 2 }, sql);
    expect(steps.map((e) => e.payload.n)).toEqual([3, 2]);
  });

  it('refuses a malformed type or correlation id with a non-retryable failure', async () => {
    const bad = await agent.recordBusinessEvent({ type: 'Not A Type', payload: {}, dedupKey: 'x' }).catch((e: unknown) => e);
    expect((bad as ApplicationFailure).nonRetryable).toBe(true);
    const badCorrelation = await agent
      .recordBusinessEvent({ type: 'a.b', payload: {}, correlationId: 'nope', dedupKey: 'y' })
      .catch((e: unknown) => e);
    expect((badCorrelation as ApplicationFailure).type).toBe('InvalidInput');
  });
});
