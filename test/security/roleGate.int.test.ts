import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser, startGoldenPathStack, waitingRun as startWaitingRun } from '../support/goldenPathRuns';
import type { TestStack } from '../support/stack';

/**
 * Issue #18, through the real API, worker and Temporal: a signed-in operator cannot approve an order
 * above the engineer limit (here every order: the limit is configured to `low`), an engineer can, and
 * the audit names the engineer's user id. The gate is the workflow's; the API only carries the roles.
 */
let stack: TestStack;
let adminKey: string;
const PASSWORD = `role gate password ${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  ({ stack, key: adminKey } = await startGoldenPathStack(['admin'], {
    DECISION_ENGINEER_PRIORITY: 'low',
    DECISION_FOUR_EYES_PRIORITY: 'none',
    DEMO_AUTO_DECISIONS: 'false',
  }));
}, 120_000);
afterAll(() => stack?.close());

const signedIn = (roles: string[]) => signedInUser(stack, adminKey, roles, PASSWORD);
const waitingRun = () => startWaitingRun(stack, adminKey);

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
