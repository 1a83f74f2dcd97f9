/**
 * The maintenance order lifecycle (SPEC 3): proposed → awaiting_approval → approved | rejected |
 * escalated → scheduled → in_progress → completed → closed, plus cancelled. Every status change in
 * the product goes through `assertTransition`, so the table below is the whole rulebook.
 */
import { IllegalTransition } from './errors';

export const ORDER_STATUSES = [
  'proposed',
  'awaiting_approval',
  'approved',
  'rejected',
  'escalated',
  'scheduled',
  'in_progress',
  'completed',
  'closed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** No transition leaves these. */
export const TERMINAL_STATUSES: readonly OrderStatus[] = ['closed', 'cancelled', 'rejected'];

/**
 * Allowed moves. `cancelled` is reachable from every non-terminal status except `completed`: the
 * work has been done, so cancelling it would falsify the record; a completed order can only close.
 * An escalated order waits for a supervisor, who approves, rejects or cancels it.
 */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  proposed: ['awaiting_approval', 'cancelled'],
  awaiting_approval: ['approved', 'rejected', 'escalated', 'cancelled'],
  escalated: ['approved', 'rejected', 'cancelled'],
  approved: ['scheduled', 'cancelled'],
  scheduled: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: ['closed'],
  closed: [],
  cancelled: [],
  rejected: [],
};

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}

export function isTerminal(status: OrderStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export function allowedTransitions(from: OrderStatus): readonly OrderStatus[] {
  return NEXT[from];
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

export class IllegalTransitionError extends IllegalTransition {
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    const allowed = NEXT[from];
    super(
      `An order cannot move from ${from} to ${to}` +
        (allowed.length ? ` (from ${from} it may move to: ${allowed.join(', ')})` : ` (${from} is terminal)`),
      { from, to, allowed },
    );
    this.name = 'IllegalTransitionError';
  }
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

/**
 * The statuses only a human decision may set: moving an order into one of them is deciding it, so
 * it needs the decision scope (issue #22), whichever route does it.
 */
export const DECISION_STATUSES: readonly OrderStatus[] = ['approved', 'rejected', 'escalated'];

/** Moving into one of these gives the technician's time back (the compensation of a proposal). */
export const RELEASING_STATUSES: readonly OrderStatus[] = ['rejected', 'escalated', 'cancelled'];
