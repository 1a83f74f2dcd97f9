import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AlarmLifecycleInput, AlarmLifecycleStatus } from '../../workflows/alarmLifecycle';
import type { AlarmPolicy } from '../../workflows/alarmLifecycleRules';
import { maybeRecordHistory } from '../support/histories';
import { createTimeSkippingEnv } from '../support/timeSkipping';
import { recordingAgents } from './recordingAgents';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await createTimeSkippingEnv();
});
afterAll(() => env?.teardown());

const POLICY: AlarmPolicy = { ackSlaSeconds: 600, escalationChain: ['on-call', 'supervisor', 'manager'], quietPeriodSeconds: 3600 };

/** Recording agents plus the alarm ones; the alarm's last anomalous reading is what `lastAnomalous` says. */
function alarmAgents(lastAnomalous: () => string) {
  const agents = recordingAgents({ probability: 0.9 });
  Object.assign(agents.activities, {
    applyAlarmTransition: async (args: Record<string, unknown>) => {
      agents.calls.push({ name: 'applyAlarmTransition', args });
      return { state: (args.state as string) ?? 'open' };
    },
    alarmLastAnomalousAt: async (args: Record<string, unknown>) => {
      agents.calls.push({ name: 'alarmLastAnomalousAt', args });
      return { lastAnomalousAt: lastAnomalous() };
    },
  });
  return agents;
}

async function withWorker<T>(agents: ReturnType<typeof recordingAgents>, body: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `alarm-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: agents.activities,
  });
  return worker.runUntil(body(taskQueue));
}

const input = (raisedAt: Date): AlarmLifecycleInput => ({
  alarmId: randomUUID(),
  sensorId: 'press-7',
  severity: 'high',
  raisedAt: raisedAt.toISOString(),
  policy: POLICY,
});

describe('alarmLifecycle on the time-skipping server', () => {
  it('escalates an unacknowledged alarm one level per SLA up the chain, and no further once acknowledged', async () => {
    const agents = alarmAgents(() => new Date(Date.now() + 86_400_000).toISOString());
    await withWorker(agents, async (taskQueue) => {
      const start = await env.currentTimeMs();
      const handle = await env.client.workflow.start('alarmLifecycle', {
        taskQueue,
        workflowId: `alarm-${randomUUID()}`,
        args: [input(new Date(start))],
      });
      await env.sleep('25 minutes');
      const escalated = await handle.query<AlarmLifecycleStatus>('alarmStatus');
      expect(escalated).toMatchObject({ state: 'open', escalation_level: 2, notified: ['on-call', 'supervisor', 'manager'] });
      const acked = await handle.executeUpdate<AlarmLifecycleStatus, [unknown]>('acknowledgeAlarm', {
        args: [{ actor: 'ana', note: 'looking at the press' }],
      });
      expect(acked).toMatchObject({ state: 'acknowledged', assigned_to: 'ana', notes: [{ by: 'ana', text: 'looking at the press' }] });
      // A second acknowledge is refused by the workflow (the API's 409).
      const again = await handle.executeUpdate('acknowledgeAlarm', { args: [{ actor: 'bob' }] }).catch((e: unknown) => e);
      expect(again).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(String((again as WorkflowUpdateFailedError).cause?.message)).toMatch(/already_acknowledged/);
      // An empty cause is refused before anything is recorded.
      const noCause = await handle.executeUpdate('resolveAlarm', { args: [{ actor: 'ana', cause: ' ' }] }).catch((e: unknown) => e);
      expect((noCause as WorkflowUpdateFailedError).cause?.message).toMatch(/cause is required/);
      await env.sleep('30 minutes');
      expect((await handle.query<AlarmLifecycleStatus>('alarmStatus')).escalation_level).toBe(2);
      const resolved = await handle.executeUpdate<AlarmLifecycleStatus, [unknown]>('resolveAlarm', {
        args: [{ actor: 'ana', cause: 'loose bolt on the press tightened' }],
      });
      expect(resolved).toMatchObject({
        state: 'resolved',
        resolution: { by: 'ana', cause: 'loose bolt on the press tightened', auto: false },
      });
      const result = (await handle.result()) as AlarmLifecycleStatus;
      expect(result.state).toBe('resolved');
      await maybeRecordHistory(handle, 'alarmLifecycle-escalated-resolved');
    });
    const transitions = agents.calls.filter((c) => c.name === 'applyAlarmTransition').map((c) => c.args.type);
    expect(transitions).toEqual(['lifecycle_started', 'escalated', 'escalated', 'acknowledged', 'resolved']);
    // Escalation is told to the next level each time, once.
    expect(agents.calls.filter((c) => c.name === 'sendNotification').map((c) => c.args.recipient)).toEqual([
      'on-call',
      'supervisor',
      'manager',
    ]);
  });

  it('resolves itself once the sensor has been quiet for the quiet period, counted from its last anomalous reading', async () => {
    let last = '';
    const agents = alarmAgents(() => last);
    const startMs = await env.currentTimeMs();
    // The stretch went on for 20 minutes after the alarm was raised: the first check finds it not quiet yet.
    last = new Date(startMs + 20 * 60_000).toISOString();
    const result = await withWorker(agents, async (taskQueue) => {
      const handle = await env.client.workflow.start('alarmLifecycle', {
        taskQueue,
        workflowId: `alarm-${randomUUID()}`,
        args: [{ ...input(new Date(startMs)), policy: { ...POLICY, escalationChain: ['on-call'] } }],
      });
      const r = (await handle.result()) as AlarmLifecycleStatus;
      await maybeRecordHistory(handle, 'alarmLifecycle-auto-resolved');
      return r;
    });
    expect(result).toMatchObject({ state: 'resolved', resolution: { by: 'system', auto: true }, escalation_level: 0 });
    expect(agents.calls.filter((c) => c.name === 'alarmLastAnomalousAt')).toHaveLength(2);
    const resolvedAt = agents.calls.findIndex((c) => c.name === 'applyAlarmTransition' && c.args.type === 'auto_resolved');
    expect(resolvedAt).toBeGreaterThan(0);
    // Auto-resolved 60 minutes after the last anomalous reading, not after the raise.
    expect((await env.currentTimeMs()) - startMs).toBeGreaterThanOrEqual(80 * 60_000);
  });

  it('converts an alarm into a maintenance order by starting prediction-to-maintenance', async () => {
    const agents = alarmAgents(() => new Date(Date.now() + 86_400_000).toISOString());
    Object.assign(agents.activities, {
      alarmMaintenanceFeatures: async (args: Record<string, unknown>) => {
        agents.calls.push({ name: 'alarmMaintenanceFeatures', args });
        return {
          predictionId: randomUUID(),
          correlationId: randomUUID(),
          features: { Torque_Nm: 60 },
          modelName: 'ai4i_classifier_randomforest_baseline',
          modelVersion: 'auto',
        };
      },
    });
    await withWorker(agents, async (taskQueue) => {
      const handle = await env.client.workflow.start('alarmLifecycle', {
        taskQueue,
        workflowId: `alarm-${randomUUID()}`,
        args: [input(new Date(await env.currentTimeMs()))],
      });
      const converted = await handle.executeUpdate<AlarmLifecycleStatus, [unknown]>('convertAlarm', {
        args: [{ actor: 'ana', justification: 'bearing noise, plan a replacement' }],
      });
      expect(converted.state).toBe('resolved');
      expect(converted.maintenance_workflow_id).toMatch(/^maintenance-press-7-/);
      const child = env.client.workflow.getHandle(converted.maintenance_workflow_id!);
      expect((await child.describe()).type).toBe('predictionToMaintenance');
      await child.terminate('test done');
    });
    const converted = agents.calls.find((c) => c.name === 'applyAlarmTransition' && c.args.type === 'converted');
    expect(converted?.args).toMatchObject({ state: 'resolved', resolvedBy: 'ana' });
  });
});
