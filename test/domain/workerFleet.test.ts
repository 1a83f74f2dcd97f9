import { describe, expect, it } from 'vitest';
import { POLLER_STALE_AFTER_MS, summarizeFleet } from '../../domain/workerFleet';

const now = new Date('2026-12-06T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('summarizeFleet', () => {
  it('merges the workflow and activity pollers of one worker and keeps its latest poll', () => {
    const fleet = summarizeFleet(
      [
        { kind: 'activity', identity: '11@host', lastPollAt: ago(3000) },
        { kind: 'workflow', identity: '11@host', lastPollAt: ago(1000) },
      ],
      now,
    );
    expect(fleet).toEqual([{ identity: '11@host', queues: ['workflow', 'activity'], last_poll_at: ago(1000).toISOString(), active: true }]);
  });

  it('marks a worker that stopped polling inactive once its last poll is older than the bound, newest first', () => {
    const fleet = summarizeFleet(
      [
        { kind: 'workflow', identity: 'killed@host', lastPollAt: ago(POLLER_STALE_AFTER_MS + 1) },
        { kind: 'workflow', identity: 'idle@host', lastPollAt: ago(POLLER_STALE_AFTER_MS) },
        { kind: 'workflow', identity: 'busy@host', lastPollAt: ago(10) },
        { kind: 'activity', identity: 'unknown@host', lastPollAt: null },
      ],
      now,
    );
    expect(fleet.map((w) => [w.identity, w.active])).toEqual([
      ['busy@host', true],
      ['idle@host', true],
      ['killed@host', false],
      ['unknown@host', false],
    ]);
  });
});
