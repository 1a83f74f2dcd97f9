import { randomUUID } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ExplainPredictionProgress } from '../../workflows/explainPrediction';
import { maybeRecordHistory } from '../support/histories';
import { createTimeSkippingEnv } from '../support/timeSkipping';
import { recordingAgents } from './recordingAgents';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await createTimeSkippingEnv();
});
afterAll(() => env?.teardown());

async function runWith(activities: object, body: (taskQueue: string) => Promise<void>) {
  const taskQueue = `ts-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities,
  });
  await worker.runUntil(body(taskQueue));
}

describe('explainPrediction on the time-skipping server', () => {
  it('returns the explanation the agent attached, answering progress and tagging the sensor', async () => {
    const agents = recordingAgents({ probability: 0.87 });
    const predictionId = randomUUID();
    const correlationId = randomUUID();
    let result!: ExplainPredictionProgress;
    let queried!: ExplainPredictionProgress;
    let sensorAttribute: unknown;
    await runWith(agents.activities, async (taskQueue) => {
      const handle = await env.client.workflow.start('explainPrediction', {
        taskQueue,
        workflowId: `explain-${predictionId}`,
        args: [{ predictionId, correlationId }],
      });
      result = (await handle.result()) as ExplainPredictionProgress;
      queried = await handle.query<ExplainPredictionProgress>('progress');
      const d = await handle.describe();
      sensorAttribute = d.typedSearchAttributes.getAll().find((p) => p.key.name === 'SensorId')?.value;
      await maybeRecordHistory(handle, 'explainPrediction-computed');
    });
    expect(agents.calls).toEqual([{ name: 'explainStoredPrediction', args: { predictionId } }]);
    expect(result).toMatchObject({ status: 'completed', prediction_id: predictionId, sensor_id: 'press-7', computed: true });
    expect(result.explanation!.values.Torque_Nm).toBeCloseTo(0.82, 12);
    expect(queried).toEqual(result);
    expect(sensorAttribute).toBe('press-7');
  });

  it('fails at once when the prediction does not exist: NotFound is not retried', async () => {
    const calls: unknown[] = [];
    const activities = {
      explainStoredPrediction: async (args: unknown) => {
        calls.push(args);
        throw ApplicationFailure.nonRetryable('prediction 0000 does not exist', 'NotFound');
      },
    };
    let error: unknown;
    await runWith(activities, async (taskQueue) => {
      const handle = await env.client.workflow.start('explainPrediction', {
        taskQueue,
        workflowId: `explain-${randomUUID()}`,
        args: [{ predictionId: randomUUID() }],
      });
      error = await handle.result().catch((e: unknown) => e);
    });
    expect(error).toBeInstanceOf(WorkflowFailedError);
    const cause = (error as WorkflowFailedError).cause?.cause as ApplicationFailure;
    expect(cause.type).toBe('NotFound');
    expect(calls).toHaveLength(1);
  });

  it('retries a transient failure and then succeeds', async () => {
    const agents = recordingAgents({ probability: 0.4 });
    let attempts = 0;
    const activities = {
      ...agents.activities,
      explainStoredPrediction: async (args: Record<string, unknown>) => {
        attempts += 1;
        if (attempts < 3) throw new Error('connection reset');
        return agents.activities.explainStoredPrediction(args);
      },
    };
    let result!: ExplainPredictionProgress;
    await runWith(activities, async (taskQueue) => {
      const handle = await env.client.workflow.start('explainPrediction', {
        taskQueue,
        workflowId: `explain-${randomUUID()}`,
        args: [{ predictionId: randomUUID() }],
      });
      result = (await handle.result()) as ExplainPredictionProgress;
    });
    expect(attempts).toBe(3);
    expect(result.status).toBe('completed');
  });
});
