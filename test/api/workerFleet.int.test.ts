import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';
import { waitUntil } from '../support/processes';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

describe('GET /api/v1/workers', () => {
  it('lists no worker on a queue nobody polls, then the worker polling both task kinds once it runs', async () => {
    const key = await stack.key(['workflows:read']);
    const empty = await stack.request('/api/v1/workers', { key });
    expect(empty.status).toBe(200);
    expect(await empty.json()).toMatchObject({ task_queue: stack.temporal.taskQueue, active_workers: 0, workers: [] });

    await stack.startWorker();
    // The in-process worker's identity is the SDK default, `<pid>@<host>`, so it names this process.
    const identity = `${process.pid}@${hostname()}`;
    const fleet = await waitUntil(
      'the worker listed for both task kinds',
      async () => {
        const body = await (await stack.request('/api/v1/workers', { key })).json();
        return body.workers?.[0]?.queues?.length === 2 ? body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(fleet.active_workers).toBe(1);
    expect(fleet.workers).toEqual([{ identity, queues: ['workflow', 'activity'], last_poll_at: expect.any(String), active: true }]);
    expect(Date.parse(fleet.checked_at) - Date.parse(fleet.workers[0].last_poll_at)).toBeLessThan(75_000);
  });

  it('needs the workflows:read scope', async () => {
    const key = await stack.key(['data:read']);
    const res = await stack.request('/api/v1/workers', { key });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
