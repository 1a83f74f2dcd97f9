import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDefaultTechnicians } from '../../db/technicians';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue #18, through the real API, worker and Temporal: a signed-in operator cannot approve an order
 * above the engineer limit (here every order: the limit is configured to `low`), an engineer can, and
 * the audit names the engineer's user id. The gate is the workflow's; the API only carries the roles.
 */
let stack: TestStack;
let adminKey: string;
const PASSWORD = `role gate password ${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  stack = await startTestStack({ DECISION_ENGINEER_PRIORITY: 'low', DECISION_FOUR_EYES_PRIORITY: 'none', DEMO_AUTO_DECISIONS: 'false' });
  await seedDefaultTechnicians(stack.sql);
  adminKey = await stack.key(['admin']);
  await stack.startWorker();
}, 120_000);
afterAll(() => stack?.close());

async function signedIn(roles: string[]): Promise<{ id: string; cookie: string }> {
  const email = `${roles[0]}-${randomUUID().slice(0, 8)}@plant.test`;
  const created = await stack.request('/api/v1/admin/users', {
    method: 'POST',
    key: adminKey,
    json: { name: roles[0], email, roles, password: PASSWORD },
  });
  const { user } = (await created.json()) as { user: { id: string } };
  const login = await stack.request('/api/v1/auth/login', { method: 'POST', json: { email, password: PASSWORD } });
  const cookie = /sm_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
  return { id: user.id, cookie };
}

async function waitingRun(): Promise<{ requestId: string; correlationId: string }> {
  const res = await stack.request('/api/v1/demo/golden-path', {
    method: 'POST',
    key: adminKey,
    json: { sensor_events: 40, scenario: 'drift' },
  });
  expect(res.status).toBe(202);
  const { correlation_id } = (await res.json()) as { correlation_id: string };
  const deadline = Date.now() + 90_000;
  for (;;) {
    const doc = (await (await stack.request(`/api/v1/demo/golden-path/status/${correlation_id}`, { key: adminKey })).json()) as {
      status: string;
      decision_request_id?: string;
    };
    if (doc.status === 'waiting_for_decision') return { requestId: doc.decision_request_id!, correlationId: correlation_id };
    if (Date.now() > deadline || doc.status === 'failed') throw new Error(`run did not wait for a decision: ${doc.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const submit = (cookie: string, requestId: string) =>
  stack.request('/api/v1/decisions/submit', {
    method: 'POST',
    headers: { Cookie: cookie, Origin: stack.baseUrl },
    json: { request_id: requestId, decision: 'approved', operator_id: 'from the dashboard', justification: 'vibration confirmed on site' },
  });

describe('decisions follow the role', () => {
  it('refuses an operator approval above the limit with 409 engineer_required, then records the engineer with their user id', async () => {
    const operator = await signedIn(['operator']);
    const engineer = await signedIn(['engineer']);
    const { requestId } = await waitingRun();

    const refused = await submit(operator.cookie, requestId);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('engineer_required');

    const accepted = await submit(engineer.cookie, requestId);
    expect(accepted.status).toBe(201);
    const recorded = (await accepted.json()) as { decided_by: { kind: string; key_id: string } };
    expect(recorded.decided_by).toMatchObject({ kind: 'user', key_id: engineer.id });
    const rows = await stack.sql<{ kind: string; id: string }[]>`
      select decided_by_kind as kind, decided_by_key_id::text as id from human_decisions where request_id = ${requestId}`;
    expect(rows).toEqual([{ kind: 'user', id: engineer.id }]);
  });
});
