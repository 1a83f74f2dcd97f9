import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { PredictionToMaintenanceInput, PredictionToMaintenanceProgress } from '../../workflows/predictionToMaintenance';
import { createTimeSkippingEnv } from '../support/timeSkipping';
import { recordingAgents } from './recordingAgents';
import { maintenanceInput } from './maintenanceInput';
import { maybeRecordHistory } from '../support/histories';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await createTimeSkippingEnv();
});
afterAll(() => env?.teardown());

/** Activity types the same workflow task scheduled, for every workflow task that scheduled more than one (bookkeeping metrics aside). */
async function activitiesScheduledTogether(handle: WorkflowHandle): Promise<string[][]> {
  const byTask = new Map<string, string[]>();
  for (const e of (await handle.fetchHistory()).events ?? []) {
    const a = e.activityTaskScheduledEventAttributes;
    if (!a || a.activityType?.name === 'recordStageMetric') continue;
    const task = String(a.workflowTaskCompletedEventId);
    byTask.set(task, [...(byTask.get(task) ?? []), a.activityType?.name ?? '?']);
  }
  return [...byTask.values()].filter((names) => names.length > 1);
}

const input = (overrides: Partial<PredictionToMaintenanceInput> = {}) => maintenanceInput('press-7', overrides);

/** Advances the test server's clock until the workflow waits for the human decision. */
async function waitingForDecision(handle: { query: (name: string) => Promise<unknown> }): Promise<PredictionToMaintenanceProgress> {
  for (;;) {
    await env.sleep(1000);
    const progress = (await handle.query('progress')) as PredictionToMaintenanceProgress;
    if (progress.status === 'waiting_for_decision') return progress;
  }
}

async function runWith(agents: ReturnType<typeof recordingAgents>, body: (taskQueue: string) => Promise<void>) {
  const taskQueue = `ts-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: agents.activities,
  });
  await worker.runUntil(body(taskQueue));
}

describe('predictionToMaintenance on the time-skipping server', () => {
  it('escalates when nobody decides before the deadline, after one reminder at half time', async () => {
    const agents = recordingAgents({ probability: 0.93 });
    let scheduledTogether: string[][] = [];
    await runWith(agents, async (taskQueue) => {
      const started = Date.now();
      const handle = await env.client.workflow.start('predictionToMaintenance', {
        taskQueue,
        workflowId: `p2m-${randomUUID()}`,
        args: [input({ decisionTimeoutSeconds: 7200 })],
      });
      const result = (await handle.result()) as PredictionToMaintenanceProgress;
      await maybeRecordHistory(handle, 'predictionToMaintenance-timeout');
      scheduledTogether = await activitiesScheduledTogether(handle);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(result.status).toBe('completed');
      expect(result.decision).toMatchObject({ decision: 'escalated', operator_id: 'system', source: 'timeout_policy' });
      expect(result.order_status).toBe('escalated');
    });
    const reminders = agents.calls.filter((c) => c.name === 'sendNotification' && String(c.args.subject).startsWith('Reminder'));
    expect(reminders).toHaveLength(1);
    // One pair runs side by side (MAINTENANCE_FLOW_PARALLEL_PATCH): within it either may start first.
    const names = agents.names();
    expect(names.slice(0, 2)).toEqual(['predictAndStore', 'proposeMaintenanceOrder']);
    expect(names.slice(2, 4)).toEqual(['findSimilarCases', 'openDecisionRequest']);
    expect(names.slice(4, 6)).toEqual(['sendNotification', 'recordDecision']);
    expect(names.slice(6, 8).sort()).toEqual(['applyMaintenanceDecision', 'closeDecisionRequest']);
    expect(names.slice(8)).toEqual(['sendNotification', 'generateReport', 'recordOutcome']);
    // …scheduled by one workflow task, so the pair costs one round trip through the server.
    expect(scheduledTogether).toEqual([['closeDecisionRequest', 'applyMaintenanceDecision']]);
    expect(agents.calls.find((c) => c.name === 'closeDecisionRequest')!.args.status).toBe('expired');
  });

  it('auto-approves on timeout when the policy says so', async () => {
    const agents = recordingAgents({ probability: 0.93 });
    await runWith(agents, async (taskQueue) => {
      const result = (await env.client.workflow.execute('predictionToMaintenance', {
        taskQueue,
        workflowId: `p2m-${randomUUID()}`,
        args: [input({ timeoutPolicy: 'auto_approve' })],
      })) as PredictionToMaintenanceProgress;
      expect(result.decision).toMatchObject({ decision: 'approved', source: 'timeout_policy' });
      expect(result.order_status).toBe('scheduled');
    });
  });

  it('schedules only after an approval delivered by the submitDecision update, and refuses a second decision', async () => {
    const agents = recordingAgents({ probability: 0.93 });
    await runWith(agents, async (taskQueue) => {
      const handle = await env.client.workflow.start('predictionToMaintenance', {
        taskQueue,
        workflowId: `p2m-${randomUUID()}`,
        args: [input()],
      });
      const progress = await waitingForDecision(handle);
      expect(agents.names()).not.toContain('applyMaintenanceDecision');
      const recorded = await handle.executeUpdate('submitDecision', {
        args: [{ decision: 'approved', operator_id: 'ana', justification: 'bearing noise confirmed' }],
      });
      expect(recorded).toMatchObject({
        decision: 'approved',
        operator_id: 'ana',
        source: 'update',
        request_id: progress.decision_request_id,
      });
      await expect(
        handle.executeUpdate('submitDecision', { args: [{ decision: 'rejected', operator_id: 'bo', justification: 'too late' }] }),
      ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/^already_decided/) } });
      const result = (await handle.result()) as PredictionToMaintenanceProgress;
      expect(result.order_status).toBe('scheduled');
      await maybeRecordHistory(handle, 'predictionToMaintenance-approved');
    });
    expect(agents.calls.find((c) => c.name === 'applyMaintenanceDecision')!.args.decision).toBe('approved');
  });

  it('cancels the order and releases its booking when rejected through the decision signal', async () => {
    const agents = recordingAgents({ probability: 0.93 });
    await runWith(agents, async (taskQueue) => {
      const handle = await env.client.workflow.start('predictionToMaintenance', {
        taskQueue,
        workflowId: `p2m-${randomUUID()}`,
        args: [input()],
      });
      await waitingForDecision(handle);
      await handle.signal('decision', { decision: 'rejected', operator_id: 'ana', justification: 'sensor was being recalibrated' });
      const result = (await handle.result()) as PredictionToMaintenanceProgress;
      expect(result.order_status).toBe('rejected');
      await maybeRecordHistory(handle, 'predictionToMaintenance-rejected');
      expect(result.decision).toMatchObject({ decision: 'rejected', source: 'signal' });
    });
  });

  it('takes no action when the risk is below the threshold, in one workflow task with local activities', async () => {
    const agents = recordingAgents({ probability: 0.05 });
    let kinds: string[] = [];
    await runWith(agents, async (taskQueue) => {
      const handle = await env.client.workflow.start('predictionToMaintenance', {
        taskQueue,
        workflowId: `p2m-${randomUUID()}`,
        args: [input()],
      });
      const result = (await handle.result()) as PredictionToMaintenanceProgress;
      await maybeRecordHistory(handle, 'predictionToMaintenance-no-action');
      expect(result.status).toBe('no_action');
      kinds = ((await handle.fetchHistory()).events ?? []).map((e) => Object.keys(e).find((k) => k.endsWith('EventAttributes')) ?? '?');
    });
    expect(agents.names()).toEqual(['predictAndStore', 'recordStageMetric']);
    // No activity task and no second workflow task: the steps ran as local activities (two result
    // markers besides the patch marker) inside the first workflow task.
    expect(kinds.filter((k) => k.startsWith('activityTask'))).toEqual([]);
    expect(kinds.filter((k) => k === 'workflowTaskCompletedEventAttributes')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'markerRecordedEventAttributes')).toHaveLength(3);
  });

  it('releases the booking when the workflow is cancelled while waiting', async () => {
    const agents = recordingAgents({ probability: 0.93 });
    await runWith(agents, async (taskQueue) => {
      const handle = await env.client.workflow.start('predictionToMaintenance', {
        taskQueue,
        workflowId: `p2m-${randomUUID()}`,
        args: [input()],
      });
      await waitingForDecision(handle);
      await handle.cancel();
      await expect(handle.result()).rejects.toThrow();
    });
    expect(agents.names()).toContain('cancelMaintenanceOrder');
  });
});
