import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/** Issue 22 over HTTP: the open-stream cap answers a problem+json 429 before any event is sent. */

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ SSE_MAX_STREAMS_PER_KEY: '1' });
  // The stream route describes and queries the workflow, which needs a worker to answer.
  await stack.startWorker();
});
afterAll(() => stack.close());

describe('finding: a key may hold any number of event streams (HTTP)', () => {
  it('answers 429 problem+json with Retry-After to a second stream of one key, while another key still streams', async () => {
    const key = await stack.key(['workflows:write', 'workflows:read']);
    const other = await stack.key(['workflows:read']);
    const started = await stack.request('/api/v1/demo/golden-path', { method: 'POST', key, json: { sensor_events: 5 } });
    const { events_url } = await started.json();
    const aborts: AbortController[] = [];
    const open = (k: string) => {
      const abort = new AbortController();
      aborts.push(abort);
      return stack.request(events_url, { key: k, signal: abort.signal });
    };
    try {
      const first = await open(key);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toContain('text/event-stream');
      const second = await open(key);
      expect(second.status).toBe(429);
      expect(second.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await second.json()).code).toBe('too_many_streams');
      expect((await open(other)).status).toBe(200);
    } finally {
      for (const a of aborts) a.abort();
    }
  });
});
