import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser, startGoldenPathStack, waitingRun as startWaitingRun } from '../support/goldenPathRuns';
import type { TestStack } from '../support/stack';

/**
 * Issue #18, through the real API, worker and Temporal, every order under four eyes: a key that
 * belongs to a user decides as that user. The same engineer cannot give both approvals, once by
 * cookie and once by key; an operator's key is held to the engineer limit; a service account's key
 * cannot be the second approver; a second engineer's key completes the order, recorded as them.
 */
let stack: TestStack;
let adminKey: string;
const PASSWORD = `key decision password ${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  ({ stack, key: adminKey } = await startGoldenPathStack(['admin'], {
    DECISION_ENGINEER_PRIORITY: 'low',
    DECISION_FOUR_EYES_PRIORITY: 'low',
    DEMO_AUTO_DECISIONS: 'false',
  }));
}, 120_000);
afterAll(() => stack?.close());

const waitingRun = () => startWaitingRun(stack, adminKey);

/** A user with a session cookie and a key of their own (issued by the admin with `admin` scope: the role bounds it). */
async function person(roles: string[]): Promise<{ id: string; cookie: string; key: string }> {
  const { id, cookie } = await signedInUser(stack, adminKey, roles, PASSWORD);
  const issued = await stack.request('/api/v1/admin/api-keys', {
    method: 'POST',
    key: adminKey,
    json: { name: `${roles[0]} key`, scopes: ['admin'], user_id: id },
  });
  expect(issued.status).toBe(201);
  return { id, cookie, key: ((await issued.json()) as { key: string }).key };
}

const approve = (requestId: string, auth: { key: string } | { cookie: string }) =>
  stack.request('/api/v1/decisions/submit', {
    method: 'POST',
    ...('key' in auth ? { key: auth.key } : { headers: { Cookie: auth.cookie, Origin: stack.baseUrl } }),
    json: { request_id: requestId, decision: 'approved', operator_id: 'someone', justification: 'bearing noise confirmed' },
  });

const codeOf = async (res: Response) => ((await res.json()) as { code: string }).code;

describe("a user's key decides as that user", () => {
  it('holds keys to the role and to four eyes across cookie and key, and records the people', async () => {
    const ana = await person(['engineer']);
    const carla = await person(['engineer']);
    const bo = await person(['operator']);
    const viewer = await person(['viewer']);
    const service = (
      (await (
        await stack.request('/api/v1/admin/api-keys', {
          method: 'POST',
          key: adminKey,
          json: { name: 'erp decisions', scopes: ['decisions:write'], service_account: 'erp' },
        })
      ).json()) as { key: string }
    ).key;
    const { requestId } = await waitingRun();

    // A viewer's key lacks decisions:write whatever the key says; an operator's key meets the engineer limit.
    expect((await approve(requestId, { key: viewer.key })).status).toBe(403);
    const operator = await approve(requestId, { key: bo.key });
    expect([operator.status, await codeOf(operator)]).toEqual([409, 'engineer_required']);

    const first = await approve(requestId, { cookie: ana.cookie });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ awaiting_second_approval: true, decided_by: { kind: 'user', key_id: ana.id } });

    // The same person by key is still the same person; a service account is no second person.
    const again = await approve(requestId, { key: ana.key });
    expect([again.status, await codeOf(again)]).toEqual([409, 'second_approver_required']);
    const byService = await approve(requestId, { key: service });
    expect([byService.status, await codeOf(byService)]).toEqual([409, 'second_approver_required']);

    const second = await approve(requestId, { key: carla.key });
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({ decided_by: { kind: 'user', key_id: carla.id } });

    const rows = await stack.sql<{ kind: string; id: string }[]>`
      select decided_by_kind as kind, decided_by_key_id::text as id from human_decisions where request_id = ${requestId} order by created_at`;
    expect(rows).toEqual([
      { kind: 'user', id: ana.id },
      { kind: 'user', id: carla.id },
    ]);
  });
});
