import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Identity } from '../../domain/identity';
import type { DecisionInput } from '../../workflows/humanDecision';
import type { PredictionToMaintenanceInput, PredictionToMaintenanceProgress } from '../../workflows/predictionToMaintenance';
import { createTimeSkippingEnv } from '../support/timeSkipping';
import { recordingAgents } from './recordingAgents';
import { maintenanceInput } from './maintenanceInput';

/**
 * Issue #18: decisions follow the role, enforced in the workflow's decision gate (not only in the
 * UI). Above the engineer limit an operator's approval is refused; above the four-eyes limit the
 * first approval is recorded and the order waits for a second, different person.
 */
let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await createTimeSkippingEnv();
});
afterAll(() => env?.teardown());

const person = (name: string, roles: string[]): Identity => ({ kind: 'user', key_id: randomUUID(), key_name: `${name}@plant.test`, roles });
const ana = person('ana', ['engineer']);
const bo = person('bo', ['operator']);
const carla = person('carla', ['engineer']);

const input = (overrides: Partial<PredictionToMaintenanceInput> = {}) => maintenanceInput('press-9', overrides);

const approve = (identity: Identity, justification = 'checked on site') => ({
  args: [{ decision: 'approved', operator_id: identity.key_name, justification, identity }] as [DecisionInput],
});

async function run(agents: ReturnType<typeof recordingAgents>, body: (start: () => Promise<Handle>) => Promise<void>) {
  const taskQueue = `four-eyes-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: agents.activities,
  });
  await worker.runUntil(
    body(async () => {
      const handle = await env.client.workflow.start('predictionToMaintenance', {
        taskQueue,
        workflowId: `p2m-${randomUUID()}`,
        args: [input()],
      });
      for (;;) {
        await env.sleep(1000);
        if (((await handle.query('progress')) as PredictionToMaintenanceProgress).status === 'waiting_for_decision') return handle;
      }
    }),
  );
}
type Handle = Awaited<ReturnType<TestWorkflowEnvironment['client']['workflow']['start']>>;

const refusedWith = (code: string) => ({ cause: { message: expect.stringMatching(new RegExp(`^${code}:`)) } });

describe('the decision gate on the time-skipping server', () => {
  it('refuses an operator approving above the engineer limit, and takes an engineer', async () => {
    const agents = recordingAgents({ probability: 0.93, approval: { engineer: true, approvals: 1 } });
    await run(agents, async (start) => {
      const handle = await start();
      await expect(handle.executeUpdate('submitDecision', approve(bo))).rejects.toMatchObject(refusedWith('engineer_required'));
      // An operator may still reject or escalate: only approvals are held to the role.
      const recorded = await handle.executeUpdate('submitDecision', approve(ana));
      expect(recorded).toMatchObject({ decision: 'approved', decided_by: { kind: 'user', key_id: ana.key_id } });
      const result = (await handle.result()) as PredictionToMaintenanceProgress;
      expect(result.order_status).toBe('scheduled');
    });
    expect(agents.calls.filter((c) => c.name === 'recordDecision')).toHaveLength(1);
  });

  it('needs two approvals by different people above the four-eyes limit, both in the audit', async () => {
    const agents = recordingAgents({ probability: 0.93, approval: { engineer: true, approvals: 2 } });
    await run(agents, async (start) => {
      const handle = await start();
      const first = await handle.executeUpdate('submitDecision', approve(ana, 'first look'));
      expect(first).toMatchObject({ decision: 'approved', awaiting_second_approval: true, decided_by: { key_id: ana.key_id } });
      expect(agents.names()).not.toContain('applyMaintenanceDecision');
      await expect(handle.executeUpdate('submitDecision', approve(ana, 'again'))).rejects.toMatchObject(
        refusedWith('second_approver_required'),
      );
      await expect(handle.executeUpdate('submitDecision', approve(bo))).rejects.toMatchObject(refusedWith('engineer_required'));
      const second = await handle.executeUpdate('submitDecision', approve(carla, 'second look'));
      expect(second).toMatchObject({ decision: 'approved', decided_by: { key_id: carla.key_id } });
      expect((second as { awaiting_second_approval?: boolean }).awaiting_second_approval).toBeUndefined();
      const result = (await handle.result()) as PredictionToMaintenanceProgress;
      expect(result.order_status).toBe('scheduled');
    });
    const audit = agents.calls.filter((c) => c.name === 'recordDecision').map((c) => c.args);
    expect(audit.map((a) => [(a.decidedBy as Identity).key_id, a.dedupKey])).toEqual([
      [ana.key_id, expect.stringMatching(/:first-approval$/)],
      [carla.key_id, expect.stringMatching(/:decision$/)],
    ]);
  });

  it('falls to the timeout policy when the second person never comes, keeping the first approval on record', async () => {
    const agents = recordingAgents({ probability: 0.93, approval: { engineer: true, approvals: 2 } });
    await run(agents, async (start) => {
      const handle = await start();
      await handle.executeUpdate('submitDecision', approve(ana));
      const result = (await handle.result()) as PredictionToMaintenanceProgress;
      expect(result.decision).toMatchObject({ decision: 'escalated', source: 'timeout_policy' });
      expect(result.order_status).toBe('escalated');
    });
    expect(agents.calls.filter((c) => c.name === 'recordDecision')).toHaveLength(2);
  });

  it('leaves API keys to their scopes: a key approves alone, as integrators did before (SECURITY.md)', async () => {
    const agents = recordingAgents({ probability: 0.93, approval: { engineer: true, approvals: 2 } });
    await run(agents, async (start) => {
      const handle = await start();
      const key: Identity = { kind: 'api_key', key_id: randomUUID(), key_name: 'integrator' };
      await handle.executeUpdate('submitDecision', approve(key));
      expect(((await handle.result()) as PredictionToMaintenanceProgress).order_status).toBe('scheduled');
    });
  });

  it("refuses a service account's key as the second approver, by update and by signal, and takes a person", async () => {
    const agents = recordingAgents({ probability: 0.93, approval: { engineer: true, approvals: 2 } });
    await run(agents, async (start) => {
      const handle = await start();
      await handle.executeUpdate('submitDecision', approve(ana, 'first look'));
      const service: Identity = { kind: 'api_key', key_id: randomUUID(), key_name: 'erp-sync' };
      await expect(handle.executeUpdate('submitDecision', approve(service))).rejects.toMatchObject(refusedWith('second_approver_required'));
      // A signal cannot be refused: the gate ignores it and keeps waiting for a person.
      await handle.signal('decision', approve(service).args[0]);
      await env.sleep(1000);
      expect(agents.names()).not.toContain('applyMaintenanceDecision');
      const second = await handle.executeUpdate('submitDecision', approve(carla, 'second look'));
      expect(second).toMatchObject({ decided_by: { kind: 'user', key_id: carla.key_id } });
      expect(((await handle.result()) as PredictionToMaintenanceProgress).order_status).toBe('scheduled');
    });
  });
});
