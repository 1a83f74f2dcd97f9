import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../db/apiKeys';
import { STARTED_BY_KEY_ID as USECASE_KEY } from '../../usecases/startWorkflow';
import { STARTED_BY_KEY_ID, ALL_SEARCH_ATTRIBUTES } from '../../workflows/searchAttributes';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue 22, abuse and lifecycle: a key may not hold unbounded long-lived work. No worker runs in
 * these stacks, so every started workflow stays running, which is exactly what the caps count.
 */

let capped: TestStack;
let hourly: TestStack;

beforeAll(async () => {
  [capped, hourly] = await Promise.all([
    startTestStack({ WORKFLOW_MAX_RUNNING_PER_KEY: '2' }),
    startTestStack({ WORKFLOW_STARTS_PER_HOUR: '3' }),
  ]);
});
afterAll(() => Promise.all([capped?.close(), hourly?.close()]));

const goldenPath = (stack: TestStack, key: string, headers: Record<string, string> = {}) =>
  stack.request('/api/v1/demo/golden-path', { method: 'POST', key, headers, json: { sensor_events: 5, scenario: 'normal' } });

async function keyId(stack: TestStack, key: string): Promise<string> {
  const [row] = await stack.sql<{ id: string }[]>`select id from api_keys where key_hash = ${hashApiKey(key)}`;
  return row!.id;
}

/** Visibility lags a start by a moment; the running cap counts what it sees. */
async function untilVisible(stack: TestStack, id: string, n: number): Promise<void> {
  const query = `StartedByKeyId = '${id}' AND ExecutionStatus = 'Running'`;
  for (let i = 0; i < 100; i++) {
    if ((await stack.temporal.client.workflow.count(query)).count >= n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never saw ${n} running workflows of key ${id}`);
}

describe('finding: one key may start unbounded long-lived workflows', () => {
  it('declares StartedByKeyId once: the start helper sets the attribute the servers register', () => {
    expect(ALL_SEARCH_ATTRIBUTES).toContain(STARTED_BY_KEY_ID);
    expect({ name: USECASE_KEY.name, type: USECASE_KEY.type }).toEqual({ name: STARTED_BY_KEY_ID.name, type: STARTED_BY_KEY_ID.type });
  });

  it('tags each run with the key that started it and refuses a start past WORKFLOW_MAX_RUNNING_PER_KEY with 429', async () => {
    const key = await capped.key(['workflows:write', 'workflows:read']);
    const other = await capped.key(['workflows:write']);
    const id = await keyId(capped, key);
    const first = await goldenPath(capped, key);
    expect(first.status).toBe(202);
    const { workflow_id } = await first.json();
    const described = await capped.temporal.client.workflow.getHandle(workflow_id).describe();
    expect(described.typedSearchAttributes.get(STARTED_BY_KEY_ID)).toBe(id);
    expect((await goldenPath(capped, key)).status).toBe(202);
    await untilVisible(capped, id, 2);

    const refused = await goldenPath(capped, key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ status: 429, code: 'too_many_running_workflows', running: 2, limit: 2 });
    // The cap is the key's, not the server's: another key still starts.
    expect((await goldenPath(capped, other)).status).toBe(202);
  });

  it('refuses the start past WORKFLOW_STARTS_PER_HOUR with 429 and Retry-After, across start routes', async () => {
    const key = await hourly.key(['workflows:write', 'ml:predict']);
    expect((await goldenPath(hourly, key)).status).toBe(202);
    expect((await goldenPath(hourly, key)).status).toBe(202);
    const third = await hourly.request('/api/v1/workflows/predictionToMaintenance', {
      method: 'POST',
      key,
      json: { sensor_id: 'limits-1', features: { Type: 'M' } },
    });
    expect(third.status).toBe(202);
    const refused = await goldenPath(hourly, key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect((await refused.json()).code).toBe('rate_limited');
  });
});

describe('finding: a caller-chosen X-Correlation-ID re-runs a finished Golden Path', () => {
  it('answers 409 naming the existing run, and leaves that run in place, while it runs and after it closed', async () => {
    const key = await hourly.key(['workflows:write', 'workflows:read']);
    const correlation = randomUUID();
    const first = await goldenPath(hourly, key, { 'X-Correlation-ID': correlation });
    expect(first.status).toBe(202);
    const { workflow_id } = await first.json();
    const handle = hourly.temporal.client.workflow.getHandle(workflow_id);
    const { runId } = await handle.describe();

    const whileRunning = await goldenPath(hourly, key, { 'X-Correlation-ID': correlation });
    expect(whileRunning.status).toBe(409);
    await handle.terminate('test: the run is over');

    const again = await goldenPath(hourly, key, { 'X-Correlation-ID': correlation });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(await again.json()).toMatchObject({
      code: 'workflow_exists',
      existing_run: { workflow_id, run_id: runId, status: 'terminated', status_url: `/api/v1/workflows/${workflow_id}` },
    });
    const latest = await hourly.temporal.client.workflow.getHandle(workflow_id).describe();
    expect(latest.runId).toBe(runId);
    expect(latest.status.name).toBe('TERMINATED');
  });
});
