import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ReportGenerationProgress } from '../../workflows/reportGeneration';
import { maybeRecordHistory } from '../support/histories';
import { createTimeSkippingEnv } from '../support/timeSkipping';
import { recordingAgents } from './recordingAgents';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await createTimeSkippingEnv();
});
afterAll(() => env?.teardown());

const REPORT_ID = '6a1f0c4e-3b7d-4f6e-9a52-0d8c1b2e3f40';

describe('reportGeneration on the time-skipping server', () => {
  it('builds the requested report once and returns its id and artifact links', async () => {
    const agents = recordingAgents({ probability: 0.1 });
    const activities = {
      ...agents.activities,
      generateReport: async (args: Record<string, unknown>) => {
        agents.calls.push({ name: 'generateReport', args });
        return { id: REPORT_ID, report_type: args.reportType, created_at: '2025-05-01T12:00:01.000Z', body: {} };
      },
    };
    const taskQueue = `ts-${randomUUID()}`;
    const workflowId = `report-anomaly_summary-2025-05-01T00:00:00.000Z-2025-05-01T12:00:00.000Z-${randomUUID().slice(0, 8)}`;
    const correlationId = randomUUID();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      activities,
    });
    let result!: ReportGenerationProgress;
    let runId!: string;
    let status: unknown;
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('reportGeneration', {
        taskQueue,
        workflowId,
        args: [{ reportType: 'anomaly_summary', from: '2025-05-01T00:00:00.000Z', to: '2025-05-01T12:00:00.000Z', correlationId }],
      });
      runId = handle.firstExecutionRunId;
      result = (await handle.result()) as ReportGenerationProgress;
      const d = await handle.describe();
      status = d.typedSearchAttributes.getAll().find((p) => p.key.name === 'BusinessStatus')?.value;
      await maybeRecordHistory(handle, 'reportGeneration-completed');
    });
    expect(result).toEqual({
      status: 'completed',
      report_type: 'anomaly_summary',
      from: '2025-05-01T00:00:00.000Z',
      to: '2025-05-01T12:00:00.000Z',
      report_id: REPORT_ID,
      created_at: '2025-05-01T12:00:01.000Z',
      artifacts: {
        json: `/api/v1/reports/${REPORT_ID}`,
        csv: `/api/v1/reports/${REPORT_ID}/artifact.csv`,
        pdf: `/api/v1/reports/${REPORT_ID}/artifact.pdf`,
      },
    });
    expect(status).toBe('completed');
    expect(agents.calls).toEqual([
      {
        name: 'generateReport',
        args: {
          reportType: 'anomaly_summary',
          from: '2025-05-01T00:00:00.000Z',
          to: '2025-05-01T12:00:00.000Z',
          workflowId,
          correlationId,
          dedupKey: `report:${workflowId}:${runId}`,
        },
      },
    ]);
  });

  it('reports on another run for workflow_run, and fails without retrying an invalid request', async () => {
    const calls: Record<string, unknown>[] = [];
    const activities = {
      generateReport: async (args: Record<string, unknown>) => {
        calls.push(args);
        if (args.reportType === 'workflow_run')
          return { id: REPORT_ID, report_type: 'workflow_run', created_at: '2025-05-01T12:00:01.000Z', body: {} };
        throw ApplicationFailure.nonRetryable('from must be before to', 'InvalidInput');
      },
    };
    const taskQueue = `ts-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      activities,
    });
    let ok!: ReportGenerationProgress;
    let failure: unknown;
    await worker.runUntil(async () => {
      ok = (await env.client.workflow.execute('reportGeneration', {
        taskQueue,
        workflowId: `report-workflow_run-${randomUUID()}`,
        args: [{ reportType: 'workflow_run', reportedWorkflowId: 'golden-path-abc' }],
      })) as ReportGenerationProgress;
      failure = await env.client.workflow
        .execute('reportGeneration', {
          taskQueue,
          workflowId: `report-bad-${randomUUID()}`,
          args: [{ reportType: 'system_health', from: '2025-05-02T00:00:00Z', to: '2025-05-01T00:00:00Z' }],
        })
        .catch((e: unknown) => e);
    });
    expect(ok.report_id).toBe(REPORT_ID);
    expect(calls[0]!.workflowId).toBe('golden-path-abc');
    expect(String((failure as Error & { cause?: { cause?: Error } }).cause?.cause?.message)).toBe('from must be before to');
    expect(calls.filter((c) => c.reportType === 'system_health')).toHaveLength(1);
  });
});
