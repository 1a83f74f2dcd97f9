import { PassThrough } from 'node:stream';
import type { Client } from '@temporalio/client';
import { LimitExceeded } from '../domain/errors';

export interface ProgressHubOptions {
  /** Pause between two polls of one workflow. */
  intervalMs?: number;
  /** Longest life of a poll loop (and so of its streams). */
  maxMs?: number;
  /** Open streams per API key in this process. */
  maxPerKey: number;
  /** Open streams in this process. */
  maxPerProcess: number;
}

/** One workflow's poll loop and the streams it feeds. */
interface Poller {
  subscribers: Set<PassThrough>;
  /** The last progress event sent, replayed to a subscriber that joins later. */
  lastEvent?: string;
}

/**
 * Server-Sent Events of workflows' progress: `event: progress` with the progress document
 * whenever it changes, a comment every 15 s to keep proxies from closing the connection, and
 * `event: end` with the final status once the workflow closes.
 *
 * Every subscriber of one workflow shares ONE poll loop (a query and a describe every 400 ms):
 * before, each stream polled Temporal on its own for up to 30 minutes, so N viewers cost N times
 * the load. The loop stops when its last subscriber leaves or the workflow closes. Open streams
 * are capped per API key and per process (LimitExceeded, a 429); the per-key count is this
 * process's, so N API processes admit up to N times `maxPerKey`.
 */
export class ProgressHub {
  private readonly pollers = new Map<string, Poller>();
  private readonly perKey = new Map<string, number>();
  private open = 0;

  constructor(
    private readonly client: Client,
    private readonly opts: ProgressHubOptions,
  ) {}

  /** Open streams now, and poll loops running (tests and metrics). */
  get stats() {
    return { streams: this.open, pollers: this.pollers.size };
  }

  subscribe(workflowId: string, keyId: string): PassThrough {
    const mine = this.perKey.get(keyId) ?? 0;
    if (mine >= this.opts.maxPerKey) {
      throw new LimitExceeded(`This API key already has ${mine} event streams open (limit ${this.opts.maxPerKey})`, 30, {
        code: 'too_many_streams',
        details: { open: mine, limit: this.opts.maxPerKey },
      });
    }
    if (this.open >= this.opts.maxPerProcess) {
      throw new LimitExceeded('This server has as many event streams open as it allows; retry shortly', 30, {
        code: 'too_many_streams',
        details: { limit: this.opts.maxPerProcess },
      });
    }
    const stream = new PassThrough();
    this.open += 1;
    this.perKey.set(keyId, mine + 1);
    let poller = this.pollers.get(workflowId);
    const fresh = !poller;
    if (!poller) {
      poller = { subscribers: new Set() };
      this.pollers.set(workflowId, poller);
    }
    poller.subscribers.add(stream);
    // A late subscriber sees where the workflow is at once, not at the next change.
    if (poller.lastEvent) stream.write(poller.lastEvent);
    stream.once('close', () => {
      this.open -= 1;
      const left = (this.perKey.get(keyId) ?? 1) - 1;
      if (left > 0) this.perKey.set(keyId, left);
      else this.perKey.delete(keyId);
      poller.subscribers.delete(stream);
    });
    if (fresh) void this.poll(workflowId, poller);
    return stream;
  }

  private async poll(workflowId: string, poller: Poller): Promise<void> {
    const handle = this.client.workflow.getHandle(workflowId);
    const interval = this.opts.intervalMs ?? 400;
    const deadline = Date.now() + (this.opts.maxMs ?? 30 * 60_000);
    let last = '';
    let lastWrite = Date.now();
    let id = 0;
    const broadcast = (text: string) => {
      for (const s of poller.subscribers) s.write(text);
      lastWrite = Date.now();
    };
    const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    try {
      while (poller.subscribers.size > 0 && Date.now() < deadline) {
        try {
          const progress = await handle.query('progress');
          const text = JSON.stringify(progress);
          if (text !== last) {
            last = text;
            poller.lastEvent = `id: ${++id}\n${frame('progress', progress)}`;
            broadcast(poller.lastEvent);
          }
          const d = await handle.describe();
          if (d.status.name !== 'RUNNING') {
            broadcast(frame('end', { status: d.status.name.toLowerCase(), progress }));
            break;
          }
        } catch (err) {
          broadcast(frame('error', { message: (err as Error).message.slice(0, 300) }));
          break;
        }
        if (Date.now() - lastWrite > 15_000) broadcast(': keep-alive\n\n');
        await new Promise((r) => setTimeout(r, interval));
      }
    } finally {
      // Removed before the streams end, so a subscriber arriving now starts a new loop.
      if (this.pollers.get(workflowId) === poller) this.pollers.delete(workflowId);
      for (const s of poller.subscribers) s.end();
    }
  }
}
