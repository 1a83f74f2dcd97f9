import type { PassThrough } from 'node:stream';
import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { LimitExceeded } from '../../domain/errors';
import { ProgressHub } from '../../usecases/progressStream';

/**
 * Issue 22: every event stream polled Temporal every 400 ms on its own for up to 30 minutes, and
 * any number could be open. A fake client counts the polls per workflow.
 */
function fakeClient() {
  const queries = new Map<string, number>();
  const status = new Map<string, string>();
  const client = {
    workflow: {
      getHandle: (id: string) => ({
        query: async () => {
          queries.set(id, (queries.get(id) ?? 0) + 1);
          return { step: queries.get(id)! > 2 ? 'later' : 'early' };
        },
        describe: async () => ({ status: { name: status.get(id) ?? 'RUNNING' } }),
      }),
    },
  } as unknown as Client;
  return { client, queries, status };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Collects what a stream carries; a stream must be read for its end to be seen. */
function read(stream: PassThrough) {
  const out = { text: '', ended: false };
  stream.on('data', (d) => (out.text += d));
  stream.on('end', () => (out.ended = true));
  return out;
}

describe('finding: each event stream polls Temporal on its own', () => {
  it('feeds every subscriber of a workflow from ONE poll loop, and a late subscriber gets the current progress at once', async () => {
    const { client, queries } = fakeClient();
    const hub = new ProgressHub(client, { intervalMs: 20, maxPerKey: 10, maxPerProcess: 10 });
    const a = read(hub.subscribe('wf-1', 'key-a'));
    const b = read(hub.subscribe('wf-1', 'key-b'));
    await sleep(150);
    const c = read(hub.subscribe('wf-1', 'key-a'));
    await sleep(5);
    expect(hub.stats).toEqual({ streams: 3, pollers: 1 });
    // One loop: about one query per interval, not three.
    const polls = queries.get('wf-1')!;
    expect(polls).toBeGreaterThan(2);
    expect(polls).toBeLessThan(12);
    expect(a.text).toContain('"step":"early"');
    expect(b.text).toBe(a.text);
    expect(c.text).toContain('"step":"later"');
  });

  it('stops polling when the last subscriber leaves', async () => {
    const { client, queries } = fakeClient();
    const hub = new ProgressHub(client, { intervalMs: 10, maxPerKey: 10, maxPerProcess: 10 });
    const s1 = hub.subscribe('wf-2', 'k');
    const s2 = hub.subscribe('wf-2', 'k');
    read(s1);
    read(s2);
    await sleep(50);
    s1.destroy();
    await sleep(30);
    expect(hub.stats.pollers).toBe(1);
    s2.destroy();
    await sleep(40);
    expect(hub.stats).toEqual({ streams: 0, pollers: 0 });
    const after = queries.get('wf-2')!;
    await sleep(60);
    expect(queries.get('wf-2')).toBe(after);
  });

  it('ends every stream with the final status once the workflow closes, and stops polling', async () => {
    const { client, queries, status } = fakeClient();
    const hub = new ProgressHub(client, { intervalMs: 10, maxPerKey: 10, maxPerProcess: 10 });
    const a = read(hub.subscribe('wf-3', 'k'));
    const b = read(hub.subscribe('wf-3', 'k'));
    await sleep(30);
    status.set('wf-3', 'COMPLETED');
    await sleep(40);
    expect(a.ended && b.ended).toBe(true);
    expect(a.text).toContain('event: end\ndata: {"status":"completed"');
    expect(b.text).toContain('event: end');
    expect(hub.stats).toEqual({ streams: 0, pollers: 0 });
    const after = queries.get('wf-3')!;
    await sleep(40);
    expect(queries.get('wf-3')).toBe(after);
  });
});

describe('finding: a key may hold any number of event streams', () => {
  it('refuses a stream past the per-key cap with LimitExceeded, and frees the slot when a stream closes', async () => {
    const hub = new ProgressHub(fakeClient().client, { intervalMs: 10, maxPerKey: 2, maxPerProcess: 10 });
    const s1 = hub.subscribe('wf-a', 'greedy');
    read(s1);
    read(hub.subscribe('wf-b', 'greedy'));
    expect(() => hub.subscribe('wf-c', 'greedy')).toThrow(LimitExceeded);
    read(hub.subscribe('wf-c', 'modest'));
    s1.destroy();
    await sleep(5);
    read(hub.subscribe('wf-c', 'greedy'));
    expect(hub.stats.streams).toBe(3);
  });

  it('refuses a stream past the per-process cap whatever the key', () => {
    const hub = new ProgressHub(fakeClient().client, { intervalMs: 10, maxPerKey: 10, maxPerProcess: 2 });
    read(hub.subscribe('wf-a', 'k1'));
    read(hub.subscribe('wf-a', 'k2'));
    let caught: unknown;
    try {
      hub.subscribe('wf-a', 'k3');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(LimitExceeded);
    expect((caught as LimitExceeded).code).toBe('too_many_streams');
  });
});
