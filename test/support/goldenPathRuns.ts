import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { seedDefaultTechnicians } from '../../db/technicians';
import type { Scope } from '../../domain/scopes';
import { startTestStack, type TestStack } from './stack';

/**
 * Golden Path runs and signed-in people, as the integration tests that drive decisions through the
 * real API need them: start a run and wait for the stage a test asserts on.
 */

/** A stack that runs the Golden Path end to end: technicians to book, a worker polling, a key with `scopes`. */
export async function startGoldenPathStack(scopes: Scope[], env?: Record<string, string>): Promise<{ stack: TestStack; key: string }> {
  const stack = await startTestStack(env);
  try {
    await seedDefaultTechnicians(stack.sql);
    const key = await stack.key(scopes);
    await stack.startWorker();
    return { stack, key };
  } catch (err) {
    // The file's afterAll never saw this stack: close it here.
    await stack.close();
    throw err;
  }
}

/** Polls a run's status document until its status is one of `wanted`; returns that document. */
export async function waitForRun(stack: TestStack, key: string, correlationId: string, wanted: string[], timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A poll may meet a keep-alive connection the server is closing; the next poll retries.
    const doc = await stack
      .request(`/api/v1/demo/golden-path/status/${correlationId}`, { key })
      .then((res) => (res.ok ? res.json() : null))
      .catch(() => null);
    if (doc && wanted.includes(doc.status)) return doc;
    if (Date.now() > deadline) throw new Error(`run ${correlationId} did not reach ${wanted}: ${JSON.stringify(doc)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts a drifting run and waits until it asks for a decision. */
export async function waitingRun(stack: TestStack, adminKey: string): Promise<{ requestId: string; correlationId: string }> {
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

/** A new user with these roles (created by the admin), signed in: their id and session cookie. */
export async function signedInUser(
  stack: TestStack,
  adminKey: string,
  roles: string[],
  password: string,
): Promise<{ id: string; cookie: string }> {
  const email = `${roles[0]}-${randomUUID().slice(0, 8)}@plant.test`;
  const created = await stack.request('/api/v1/admin/users', {
    method: 'POST',
    key: adminKey,
    json: { name: roles[0], email, roles, password },
  });
  const { user } = (await created.json()) as { user: { id: string } };
  const login = await stack.request('/api/v1/auth/login', { method: 'POST', json: { email, password } });
  const cookie = /sm_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
  return { id: user.id, cookie };
}
