import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DEFAULT_FAILURE_MODEL, defaultModelRegistry } from '../../models';
import { mainTaskQueue } from '../../temporal/taskQueues';
import type { PredictionToMaintenanceInput, PredictionToMaintenanceProgress } from '../../workflows/predictionToMaintenance';
import { serviceEnv } from '../reliability/harness';
import { freePort, killAllServices, spawnService, waitUntil, type ServiceProcess } from '../support/processes';

/**
 * A worker creates ONNX sessions on first use (issue #17's worker memory goal): started with the
 * defaults it holds none, the first prediction activity creates the one it needs, and
 * WORKER_PRELOAD_MODELS still creates the named ones before the worker polls. Counted by the
 * worker's own sm_worker_onnx_sessions gauge on its /metrics.
 */

afterAll(killAllServices);

async function startWorker(overrides: Record<string, string>) {
  const port = await freePort();
  const env = serviceEnv('lazy-models', {
    WORKER_METRICS_PORT: String(port),
    WORKER_SDK_METRICS_PORT: '0',
    LOG_LEVEL: 'info',
    ...overrides,
  });
  const proc: ServiceProcess = spawnService('worker/runWorker.ts', env);
  await waitUntil('the worker polling', () => (proc.output().includes('worker polling') ? true : undefined), { timeoutMs: 120_000 });
  const sessions = async () => {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const m = /^sm_worker_onnx_sessions (\d+)$/m.exec(text);
    if (!m) throw new Error('sm_worker_onnx_sessions missing from /metrics');
    return Number(m[1]);
  };
  return { env, proc, sessions };
}

describe('worker ONNX sessions', () => {
  it('creates none at start and the classifier on the first prediction', async () => {
    const { env, sessions } = await startWorker({});
    expect(await sessions()).toBe(0);

    const connection = await Connection.connect({ address: inject('temporalAddress') });
    try {
      const client = new Client({ connection });
      const input: PredictionToMaintenanceInput = {
        predictionId: randomUUID(),
        correlationId: randomUUID(),
        sensorId: `lazy-${randomUUID().slice(0, 8)}`,
        features: {
          Air_temperature_K: 298.1,
          Process_temperature_K: 308.6,
          Rotational_speed_rpm: 1551,
          Torque_Nm: 42.8,
          Tool_wear_min: 0,
          Type: 'M',
        },
        modelName: DEFAULT_FAILURE_MODEL,
        modelVersion: 'auto',
        decisionTimeoutSeconds: 3600,
        timeoutPolicy: 'escalate',
        autoDecision: null,
      };
      const handle = await client.workflow.start('predictionToMaintenance', {
        taskQueue: mainTaskQueue({ TEMPORAL_TASK_QUEUE_PREFIX: env.TEMPORAL_TASK_QUEUE_PREFIX! }),
        workflowId: `lazy-models-${input.predictionId}`,
        args: [input],
      });
      // Whatever the run does after predicting (propose an order, wait for a decision) is not this test's.
      const prediction = await waitUntil('the stored prediction', async () => {
        const progress = await handle.query<PredictionToMaintenanceProgress>('progress');
        return progress.prediction ?? undefined;
      });
      await handle.terminate('test done').catch(() => undefined);
      expect(prediction.model).toBe(DEFAULT_FAILURE_MODEL);
      expect(await sessions()).toBe(1);
    } finally {
      await connection.close();
    }
  });

  it('creates the sessions WORKER_PRELOAD_MODELS names before polling', async () => {
    const { proc, sessions } = await startWorker({ WORKER_PRELOAD_MODELS: 'all' });
    const models = await defaultModelRegistry().listModels();
    expect(models.length).toBeGreaterThan(1);
    expect(await sessions()).toBe(models.length);
    expect(proc.output()).toContain('models preloaded');
  });
});
