import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GoldenPathInput } from '../../workflows/goldenPath';
import type { GoldenPathStatus } from '../../workflows/goldenPathState';
import { maybeRecordHistory } from '../support/histories';
import { createTimeSkippingEnv } from '../support/timeSkipping';
import { recordingAgents } from './recordingAgents';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await createTimeSkippingEnv();
});
afterAll(() => env?.teardown());

const input = (o: Partial<GoldenPathInput> = {}): GoldenPathInput => ({
  correlationId: randomUUID(),
  sensorId: 'gp-test',
  scenario: 'anomaly',
  sensorEvents: 20,
  includeHumanDecision: true,
  decisionTimeoutSeconds: 600,
  autoDecision: null,
  timeoutPolicy: 'escalate',
  ...o,
});

async function withWorker<T>(agents: ReturnType<typeof recordingAgents>, body: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `gp-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: agents.activities,
  });
  return worker.runUntil(body(taskQueue));
}

async function waitForStatus(handle: { query: (q: string) => Promise<unknown> }, status: string): Promise<GoldenPathStatus> {
  for (;;) {
    await env.sleep(1000);
    const doc = (await handle.query('progress')) as GoldenPathStatus;
    if (doc.status === status) return doc;
  }
}

describe('goldenPath on the time-skipping server', () => {
  it('runs the seven stages in order and waits for the human before scheduling', async () => {
    const agents = recordingAgents({ probability: 0.9 });
    const result = await withWorker(agents, async (taskQueue) => {
      const handle = await env.client.workflow.start('goldenPath', {
        taskQueue,
        workflowId: `golden-path-${randomUUID()}`,
        args: [input()],
      });
      const waiting = await waitForStatus(handle, 'waiting_for_decision');
      expect(waiting.stages.map((s) => [s.name, s.status])).toEqual([
        ['ingestion', 'complete'],
        ['processing', 'complete'],
        ['anomaly_detection', 'complete'],
        ['validation', 'complete'],
        ['prediction', 'complete'],
        ['maintenance', 'complete'],
        ['human_decision', 'running'],
      ]);
      expect(waiting.decision_request_id).toMatch(/^dr-golden-path-/);
      // Server text is data the reader's dashboard translates: a code, parameters and the deadline as an ISO instant.
      const requested = waiting.events.find((e) => e.type === 'decision_requested')!;
      expect(requested).toMatchObject({
        code: 'decisionRequested',
        params: { request: waiting.decision_request_id, deadline: waiting.decision_deadline },
      });
      expect(waiting.stages.find((s) => s.name === 'maintenance')).toMatchObject({
        code: 'orderProposed',
        params: { priority: 'very_urgent' },
        message: 'Order 00000000-0000-4000-8000-000000000001 proposed, priority very urgent',
      });
      expect(agents.names()).not.toContain('applyMaintenanceDecision');
      await handle.executeUpdate('submitDecision', {
        args: [{ decision: 'approved', operator_id: 'eva', justification: 'confirmed on site' }],
      });
      const doc = (await handle.result()) as GoldenPathStatus;
      await maybeRecordHistory(handle, 'goldenPath-approved');
      return doc;
    });
    expect(result.status).toBe('completed');
    expect(result.stages.every((s) => s.status === 'complete')).toBe(true);
    expect(result.stages.every((s) => s.duration_ms !== null && s.duration_ms >= 0)).toBe(true);
    expect(result.decision).toMatchObject({ decision: 'approved', operator_id: 'eva', source: 'update' });
    expect(result.report_id).toBe('00000000-0000-4000-8000-00000000000r');
    const order = agents.names();
    expect(order.indexOf('ingestScenarioReadings')).toBeLessThan(order.indexOf('validateReadings'));
    expect(order.indexOf('validateReadings')).toBeLessThan(order.indexOf('detectAnomalies'));
    expect(order.indexOf('detectAnomalies')).toBeLessThan(order.indexOf('assessAnomalyCredibility'));
    expect(order.indexOf('checkDrift')).toBeLessThan(order.indexOf('predictForSensor'));
    expect(order.indexOf('recordDecision')).toBeLessThan(order.indexOf('applyMaintenanceDecision'));
    expect(order.filter((n) => n === 'recordStageMetric')).toHaveLength(7);
  });

  it('cancels the order when the decision signal rejects it', async () => {
    const agents = recordingAgents({ probability: 0.9 });
    const result = await withWorker(agents, async (taskQueue) => {
      const handle = await env.client.workflow.start('goldenPath', {
        taskQueue,
        workflowId: `golden-path-${randomUUID()}`,
        args: [input()],
      });
      await waitForStatus(handle, 'waiting_for_decision');
      await handle.signal('decision', {
        decision: 'rejected',
        operator_id: 'eva',
        justification: 'false alarm: maintenance window already planned',
      });
      const doc = (await handle.result()) as GoldenPathStatus;
      await maybeRecordHistory(handle, 'goldenPath-rejected');
      return doc;
    });
    expect(result.decision).toMatchObject({ decision: 'rejected', source: 'signal' });
    expect(agents.calls.find((c) => c.name === 'applyMaintenanceDecision')!.args.decision).toBe('rejected');
  });

  it('applies the escalation policy at the deadline and reports timed_out', async () => {
    const agents = recordingAgents({ probability: 0.9 });
    const result = await withWorker(agents, async (taskQueue) => {
      const handle = await env.client.workflow.start('goldenPath', {
        taskQueue,
        workflowId: `golden-path-${randomUUID()}`,
        args: [input({ decisionTimeoutSeconds: 3600 })],
      });
      const doc = (await handle.result()) as GoldenPathStatus;
      await maybeRecordHistory(handle, 'goldenPath-timeout');
      return doc;
    });
    expect(result.status).toBe('timed_out');
    expect(result.decision).toMatchObject({ decision: 'escalated', source: 'timeout_policy' });
    expect(agents.calls.filter((c) => c.name === 'sendNotification').map((c) => String(c.args.subject).split(':')[0])).toEqual([
      expect.stringMatching(/^Reminder/),
      expect.stringMatching(/^Maintenance order/),
    ]);
    // Beside the English subject, the message a dashboard words in its reader's language.
    const bodies = agents.calls
      .filter((c) => c.name === 'sendNotification')
      .map((c) => (c.args.body as Record<string, unknown>).subject_message);
    expect(bodies).toEqual([
      { code: 'notificationReminder', params: { order: expect.any(String) } },
      { code: 'notificationOrderOutcome', params: { order: expect.any(String), status: expect.any(String) } },
    ]);
  });

  it('asks the ingestion agent to stream at the demo pace only when one is chosen', async () => {
    const agents = recordingAgents({ probability: 0.02 });
    await withWorker(agents, async (taskQueue) => {
      for (const readingsPerSecond of [undefined, 5]) {
        await env.client.workflow.execute('goldenPath', {
          taskQueue,
          workflowId: `golden-path-${randomUUID()}`,
          args: [input({ scenario: 'normal', ...(readingsPerSecond ? { readingsPerSecond } : {}) })],
        });
      }
    });
    const ingests = agents.calls.filter((c) => c.name === 'ingestScenarioReadings').map((c) => c.args);
    expect(ingests).toHaveLength(2);
    // Without a pace the call is the one older histories recorded, key for key.
    expect(ingests[0]).not.toHaveProperty('readingsPerSecond');
    expect(ingests[1]).toMatchObject({ readingsPerSecond: 5, count: 20 });
  });

  it('skips maintenance and the decision when the risk is low', async () => {
    const agents = recordingAgents({ probability: 0.02 });
    const result = (await withWorker(agents, (taskQueue) =>
      env.client.workflow.execute('goldenPath', {
        taskQueue,
        workflowId: `golden-path-${randomUUID()}`,
        args: [input({ scenario: 'normal' })],
      }),
    )) as GoldenPathStatus;
    expect(result.status).toBe('completed');
    expect(result.stages.slice(5).map((s) => s.status)).toEqual(['skipped', 'skipped']);
    expect(agents.names()).not.toContain('proposeMaintenanceOrder');
  });

  it('words a failure of ours by its kind, keeping the raw English beside it for integrators', async () => {
    const agents = recordingAgents({ probability: 0.9 });
    const activities = agents.activities as Record<string, unknown>;
    activities.predictForSensor = async () => {
      throw ApplicationFailure.nonRetryable('the model session could not be created', 'ModelUnavailable');
    };
    const doc = await withWorker(agents, async (taskQueue) => {
      const handle = await env.client.workflow.start('goldenPath', {
        taskQueue,
        workflowId: `golden-path-${randomUUID()}`,
        args: [input()],
      });
      await expect(handle.result()).rejects.toThrow();
      return (await handle.query('progress')) as GoldenPathStatus;
    });
    expect(doc.status).toBe('failed');
    expect(doc.stages.find((s) => s.name === 'prediction')).toMatchObject({
      status: 'failed',
      code: 'stageFailedKnown',
      params: { failure: 'ModelUnavailable' },
      message: 'Failed: the model is unavailable (the model session could not be created)',
    });
    expect(doc.events.find((e) => e.type === 'workflow_failed')).toMatchObject({
      code: 'workflowFailedKnown',
      params: { failure: 'ModelUnavailable' },
    });
  });
});
