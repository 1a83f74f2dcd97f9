import { describe, expect, it } from 'vitest';
import { isFinalOutcome, runOutcome, type RunOutcomeInput } from '../../domain/runOutcome';

const decided = (decision: string, source = 'update'): RunOutcomeInput => ({
  status: 'completed',
  decision: { decision, source },
  maintenance_order_id: 'order-1',
});

describe('runOutcome', () => {
  it('tells an approved order from a rejected or escalated one, although every run "completed"', () => {
    expect(runOutcome(decided('approved'))).toBe('approved');
    expect(runOutcome(decided('rejected'))).toBe('rejected');
    expect(runOutcome(decided('escalated'))).toBe('escalated');
  });

  it('reads a decision the timeout policy took as timed out, whatever it decided', () => {
    expect(runOutcome({ ...decided('escalated', 'timeout_policy'), status: 'timed_out' })).toBe('timed_out');
    expect(runOutcome(decided('approved', 'timeout_policy'))).toBe('timed_out');
  });

  it('separates a run that needed no maintenance from one whose order waits for approval', () => {
    expect(runOutcome({ status: 'completed', decision: null, maintenance_order_id: null })).toBe('no_maintenance');
    expect(runOutcome({ status: 'completed', decision: null, maintenance_order_id: 'order-1' })).toBe('awaiting_approval');
  });

  it('is not final while the run is running or waiting', () => {
    const running = runOutcome({ status: 'running', decision: null, maintenance_order_id: null });
    const waiting = runOutcome({ status: 'waiting_for_decision', decision: null, maintenance_order_id: 'order-1' });
    expect([running, waiting]).toEqual(['in_progress', 'waiting_for_decision']);
    expect(isFinalOutcome(running) || isFinalOutcome(waiting)).toBe(false);
    expect(runOutcome({ status: 'failed', decision: null, maintenance_order_id: null })).toBe('failed');
    expect(isFinalOutcome('rejected')).toBe(true);
  });
});
