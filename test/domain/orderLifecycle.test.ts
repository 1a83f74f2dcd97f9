import { describe, expect, it } from 'vitest';
import {
  ORDER_STATUSES,
  IllegalTransitionError,
  assertTransition,
  canTransition,
  isOrderStatus,
  isTerminal,
  type OrderStatus,
} from '../../domain/orderLifecycle';

// Written out from SPEC 3 and the issue, independently of the module's table.
const ALLOWED: Array<[OrderStatus, OrderStatus]> = [
  ['proposed', 'awaiting_approval'],
  ['proposed', 'cancelled'],
  ['awaiting_approval', 'approved'],
  ['awaiting_approval', 'rejected'],
  ['awaiting_approval', 'escalated'],
  ['awaiting_approval', 'cancelled'],
  ['escalated', 'approved'],
  ['escalated', 'rejected'],
  ['escalated', 'cancelled'],
  ['approved', 'scheduled'],
  ['approved', 'cancelled'],
  ['scheduled', 'in_progress'],
  ['scheduled', 'cancelled'],
  ['in_progress', 'completed'],
  ['in_progress', 'cancelled'],
  ['completed', 'closed'],
];

const FORBIDDEN: Array<[OrderStatus, OrderStatus]> = [
  ['proposed', 'approved'],
  ['proposed', 'scheduled'],
  ['awaiting_approval', 'scheduled'],
  ['approved', 'rejected'],
  ['approved', 'in_progress'],
  ['scheduled', 'completed'],
  ['scheduled', 'approved'],
  ['in_progress', 'scheduled'],
  ['completed', 'cancelled'],
  ['completed', 'in_progress'],
  ['closed', 'cancelled'],
  ['cancelled', 'awaiting_approval'],
  ['rejected', 'approved'],
  ['escalated', 'scheduled'],
  ['scheduled', 'scheduled'],
];

describe('canTransition', () => {
  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(FORBIDDEN)('forbids %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('allows exactly the listed transitions and nothing else', () => {
    const allowed = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(ALLOWED.map(([f, t]) => `${f}→${t}`).sort());
  });

  it('lets nothing leave a terminal status', () => {
    for (const from of ['closed', 'cancelled', 'rejected'] as const) {
      expect(ORDER_STATUSES.filter((to) => canTransition(from, to))).toEqual([]);
    }
  });
});

describe('isTerminal', () => {
  it('names closed, cancelled and rejected as terminal and nothing else', () => {
    expect(ORDER_STATUSES.filter(isTerminal).sort()).toEqual(['cancelled', 'closed', 'rejected']);
  });
});

describe('isOrderStatus', () => {
  it('accepts the ten statuses and refuses other strings', () => {
    expect(ORDER_STATUSES.every(isOrderStatus)).toBe(true);
    expect(isOrderStatus('done')).toBe(false);
    expect(isOrderStatus('Scheduled')).toBe(false);
  });
});

describe('assertTransition', () => {
  it('returns silently for an allowed move', () => {
    expect(assertTransition('approved', 'scheduled')).toBeUndefined();
  });

  it('throws an IllegalTransitionError naming both statuses and the code', () => {
    let caught: unknown;
    try {
      assertTransition('scheduled', 'approved');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(IllegalTransitionError);
    const e = caught as IllegalTransitionError;
    expect(e.code).toBe('illegal_transition');
    expect(e.from).toBe('scheduled');
    expect(e.to).toBe('approved');
    expect(e.message).toBe('An order cannot move from scheduled to approved (from scheduled it may move to: in_progress, cancelled)');
  });

  it('says when the starting status is terminal', () => {
    expect(() => assertTransition('closed', 'cancelled')).toThrow('An order cannot move from closed to cancelled (closed is terminal)');
  });
});
