import { PassThrough } from 'node:stream';
import type postgres from 'postgres';
import { alarmsChangedSince, unresolvedAlarmCounts } from '../db/alarms';
import { LimitExceeded } from '../domain/errors';

export interface AlarmSummary {
  open: number;
  acknowledged: number;
  by_severity: Record<string, number>;
  /** The newest change to any alarm (ISO), so a client knows whether to refetch its list. */
  changed_at: string | null;
}

export async function alarmSummary(sql: postgres.Sql): Promise<AlarmSummary> {
  const counts = await unresolvedAlarmCounts(sql);
  const summary: AlarmSummary = { open: 0, acknowledged: 0, by_severity: {}, changed_at: null };
  for (const c of counts) {
    if (c.state === 'open') {
      summary.open += c.n;
      summary.by_severity[c.severity] = (summary.by_severity[c.severity] ?? 0) + c.n;
    } else summary.acknowledged += c.n;
  }
  summary.changed_at = (await alarmsChangedSince(sql))?.toISOString() ?? null;
  return summary;
}

/**
 * Server-Sent Events of the alarm list: `event: alarms` with the summary whenever an alarm is
 * raised or changes, a comment every 15 s otherwise. One poll loop (PostgreSQL, every
 * `intervalMs`) feeds every subscriber of the process; streams are capped per key and process.
 */
export class AlarmFeed {
  private readonly subscribers = new Set<PassThrough>();
  private readonly perKey = new Map<string, number>();
  private last = '';
  private running = false;

  constructor(
    private readonly sql: postgres.Sql,
    private readonly opts: { intervalMs?: number; maxPerKey: number; maxPerProcess: number },
  ) {}

  subscribe(keyId: string): PassThrough {
    const mine = this.perKey.get(keyId) ?? 0;
    if (mine >= this.opts.maxPerKey || this.subscribers.size >= this.opts.maxPerProcess) {
      throw new LimitExceeded(`Too many event streams open (limit ${this.opts.maxPerKey} per key)`, 30, { code: 'too_many_streams' });
    }
    const stream = new PassThrough();
    this.perKey.set(keyId, mine + 1);
    this.subscribers.add(stream);
    if (this.last) stream.write(this.last);
    stream.once('close', () => {
      this.subscribers.delete(stream);
      const left = (this.perKey.get(keyId) ?? 1) - 1;
      if (left > 0) this.perKey.set(keyId, left);
      else this.perKey.delete(keyId);
    });
    if (!this.running) void this.poll();
    return stream;
  }

  private async poll(): Promise<void> {
    this.running = true;
    let lastWrite = Date.now();
    let id = 0;
    let lastData = '';
    try {
      while (this.subscribers.size > 0) {
        try {
          const data = JSON.stringify(await alarmSummary(this.sql));
          if (data !== lastData) {
            lastData = data;
            this.last = `id: ${++id}\nevent: alarms\ndata: ${data}\n\n`;
            for (const s of this.subscribers) s.write(this.last);
            lastWrite = Date.now();
          }
        } catch {
          // The database is away: the stream stays open and resumes when it is back.
        }
        if (Date.now() - lastWrite > 15_000) {
          for (const s of this.subscribers) s.write(': keep-alive\n\n');
          lastWrite = Date.now();
        }
        await new Promise((r) => setTimeout(r, this.opts.intervalMs ?? 500));
      }
    } finally {
      this.running = false;
      this.last = '';
    }
  }
}
